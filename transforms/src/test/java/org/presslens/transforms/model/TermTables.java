package org.presslens.transforms.model;

import java.util.HashMap;
import java.util.Map;

/** A summed table's terms as maps, for comparing whole tables in tests. */
public final class TermTables {

  private TermTables() {}

  public static Map<String, Long> counts(TermTable table) {
    Map<String, Long> counts = new HashMap<>();
    table.forEach((term, count, documents) -> counts.put(term, count));
    return counts;
  }

  public static Map<String, Integer> documentFrequencies(TermTable table) {
    Map<String, Integer> documents = new HashMap<>();
    table.forEach((term, count, documentCount) -> documents.put(term, documentCount));
    return documents;
  }
}
