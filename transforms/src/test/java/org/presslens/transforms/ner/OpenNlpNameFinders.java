package org.presslens.transforms.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.namefind.TokenNameFinderModel;

/** The bundled name-finder models as OpenNLP itself reads them, decoded greedily (beam width 1): the reference in tests. */
final class OpenNlpNameFinders {

  private static Map<String, TokenNameFinderModel> models;

  private OpenNlpNameFinders() {}

  static synchronized Map<String, TokenNameFinderModel> models() {
    if (models == null) {
      Map<String, TokenNameFinderModel> loaded = new LinkedHashMap<>();
      for (String type : NameFinderModels.TYPES) {
        try (InputStream in = OpenNlpNameFinders.class.getResourceAsStream(NameFinderModels.RESOURCE_DIR + NameFinderModels.fileName(type))) {
          loaded.put(type, new GreedyModel(in));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      models = loaded;
    }
    return models;
  }

  private static final class GreedyModel extends TokenNameFinderModel {
    GreedyModel(InputStream in) throws IOException {
      super(in);
      setManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER, "1");
    }
  }
}
