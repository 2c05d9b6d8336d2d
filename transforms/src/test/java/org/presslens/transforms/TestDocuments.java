package org.presslens.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.Mention;

/** Analysed documents for transform tests: only the fields the reports read are set. */
public final class TestDocuments {

  private TestDocuments() {}

  public static AnalyzedDocument analyzed(String id, String outlet, long tokens, Map<String, Integer> counts) {
    return new AnalyzedDocument(id, outlet, "", "", id + ".txt", "UTF-8", "", 0, 1, tokens, counts.size(), new HashMap<>(counts),
        new ArrayList<>(), new HashMap<>());
  }

  /** A document with entity mentions in {@code sentences} sentences, the quoted sentence texts given. */
  public static AnalyzedDocument withEntities(String id, String outlet, int sentences, List<Mention> mentions,
      Map<Integer, String> quoted) {
    return new AnalyzedDocument(id, outlet, "", "", id + ".txt", "UTF-8", "", 0, sentences, 10, 1, new HashMap<>(),
        new ArrayList<>(mentions), new HashMap<>(quoted));
  }
}
