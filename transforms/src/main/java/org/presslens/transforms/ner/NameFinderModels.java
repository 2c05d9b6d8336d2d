package org.presslens.transforms.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * The classic OpenNLP 1.5 English name-finder models (person, organization, location; trained
 * 2010), unpacked at build time from Tika's test jar. Loaded once per JVM and shared; each DoFn
 * instance builds its own (not thread-safe) NameFinderME from them.
 */
public final class NameFinderModels {

  public static final String RESOURCE_DIR = "/org/apache/tika/parser/ner/opennlp/";

  private static volatile Map<String, TokenNameFinderModel> shared;

  private NameFinderModels() {}

  /** Model file name for an entity type. */
  public static String fileName(String type) {
    return "ner-" + type + ".bin";
  }

  /** Type to model, loaded on first use. */
  public static Map<String, TokenNameFinderModel> shared() {
    Map<String, TokenNameFinderModel> result = shared;
    if (result == null) {
      synchronized (NameFinderModels.class) {
        result = shared;
        if (result == null) {
          result = new LinkedHashMap<>();
          for (String type : new String[] {"person", "organization", "location"}) {
            result.put(type, load(type));
          }
          shared = result;
        }
      }
    }
    return result;
  }

  /** Loads the models and prepares their shared decoding (see {@link SharedFeatureNameFinders}). */
  public static void preload() {
    SharedFeatureNameFinders.of(shared());
  }

  private static TokenNameFinderModel load(String type) {
    String resource = RESOURCE_DIR + fileName(type);
    try (InputStream in = NameFinderModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Name-finder model " + resource
            + " is missing: the build unpacks it from org.apache.tika:tika-parsers:1.28.5:tests");
      }
      return new GreedyModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read name-finder model " + resource, e);
    }
  }

  /**
   * A model decoded greedily (beam width 1) instead of with OpenNLP's default beam of 3: on the
   * seeds' gold annotation the combined layers score the same (mention F1 0.963 against 0.962),
   * and the entity stage takes about a fifth less time.
   */
  private static final class GreedyModel extends TokenNameFinderModel {
    GreedyModel(InputStream in) throws IOException {
      super(in);
      setManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER, "1");
    }
  }
}
