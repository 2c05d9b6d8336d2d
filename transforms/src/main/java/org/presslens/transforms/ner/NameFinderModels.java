package org.presslens.transforms.ner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.presslens.transforms.ReleasableModel;

/**
 * The classic OpenNLP 1.5 English name-finder models (person, organization, location; trained
 * 2010), unpacked at build time from Tika's test jar. Loaded once per JVM and shared while in use
 * ({@link ReleasableModel}); each DoFn instance decodes with its own {@link SharedFeatureNameFinders}.
 *
 * <p>A model file is a zip archive of {@code manifest.properties} and {@code nameFinder.model}, the
 * binary GIS model; the parameters are read from the latter by {@link GisParameters}, not through
 * OpenNLP's {@code TokenNameFinderModel}, which builds a map per model that then has to be merged.
 * Only models in this 1.5 form are accepted: the default feature generators, the BIO codec, no
 * other artifacts ({@link SharedFeatureNameFinders} relies on all three).
 */
public final class NameFinderModels {

  public static final String RESOURCE_DIR = "/org/apache/tika/parser/ner/opennlp/";
  public static final List<String> TYPES = List.of("person", "organization", "location");

  static final String MANIFEST_ENTRY = "manifest.properties";
  static final String MAXENT_MODEL_ENTRY = "nameFinder.model";

  private static final ReleasableModel<NameFinderModels> SHARED = new ReleasableModel<>(NameFinderModels::loadBundled);

  private final List<String> types;
  private final GisParameters parameters;

  private NameFinderModels(List<String> types, GisParameters parameters) {
    this.types = List.copyOf(types);
    this.parameters = parameters;
  }

  /** Model file name for an entity type. */
  public static String fileName(String type) {
    return "ner-" + type + ".bin";
  }

  /**
   * The bundled models, loaded on first use; the JVM may drop them when no one holds them and
   * memory runs short ({@link ReleasableModel}), so hold them only while they are used.
   */
  public static NameFinderModels shared() {
    return SHARED.get();
  }

  private static NameFinderModels loadBundled() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String type : TYPES) {
      files.put(type, resource(RESOURCE_DIR + fileName(type)));
    }
    return of(files);
  }

  /** Loads the models now (the first {@link #shared} call would), and the dictionary layer's given names. */
  public static void preload() {
    shared();
    GivenNames.english();
  }

  /**
   * Models from the bytes of their files, by entity type in decoding order.
   *
   * @throws IllegalArgumentException when a file is not a name-finder model in the 1.5 form
   */
  static NameFinderModels of(Map<String, byte[]> files) {
    List<byte[]> gisModels = new ArrayList<>();
    files.forEach((type, file) -> gisModels.add(gisModel(type, file)));
    try {
      return new NameFinderModels(List.copyOf(files.keySet()), GisParameters.read(gisModels));
    } catch (IOException e) {
      throw new IllegalArgumentException("A name-finder model cannot be read: " + e.getMessage(), e);
    }
  }

  /** Entity types in decoding order. */
  public List<String> types() {
    return types;
  }

  GisParameters parameters() {
    return parameters;
  }

  /** The binary GIS model inside a model file, after checking that the file is in the 1.5 form. */
  private static byte[] gisModel(String type, byte[] file) {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("The " + type + " name-finder model is not a model file: " + e.getMessage(), e);
    }
    Properties manifest = new Properties();
    try {
      byte[] bytes = entries.get(MANIFEST_ENTRY);
      if (bytes != null) {
        manifest.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("The " + type + " name-finder model's manifest cannot be read", e);
    }
    boolean classic = entries.size() == 2 && entries.containsKey(MANIFEST_ENTRY) && entries.containsKey(MAXENT_MODEL_ENTRY)
        && "NameFinderME".equals(manifest.getProperty("Component-Name"))
        && manifest.getProperty("factory") == null && manifest.getProperty("sequenceCodecImplName") == null;
    if (!classic) {
      throw new IllegalArgumentException("The " + type + " name-finder model is not a GIS model with "
          + "the default features; PressLens decodes OpenNLP 1.5-style name finders only");
    }
    return entries.get(MAXENT_MODEL_ENTRY);
  }

  private static byte[] resource(String resource) {
    try (InputStream in = NameFinderModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Name-finder model " + resource
            + " is missing: the build unpacks it from org.apache.tika:tika-parsers:1.28.5:tests");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read name-finder model " + resource, e);
    }
  }
}
