package org.presslens.transforms;

import java.util.HashMap;
import java.util.Map;
import org.presslens.transforms.model.AnalyzedDocument;

/** Analysed documents for transform tests: only the fields the reports read are set. */
public final class TestDocuments {

  private TestDocuments() {}

  public static AnalyzedDocument analyzed(String id, String outlet, long tokens, Map<String, Integer> counts) {
    return new AnalyzedDocument(id, outlet, "", "", id + ".txt", "UTF-8", "", 0, 1, tokens, counts.size(), new HashMap<>(counts));
  }
}
