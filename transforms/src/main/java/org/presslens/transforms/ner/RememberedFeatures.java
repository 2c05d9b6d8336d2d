package org.presslens.transforms.ner;

import java.util.HashMap;

/**
 * Entries of {@link GisParameters} for features of few distinct values (token-class pairs, the
 * previous-map feature), remembered by their strings: a small map that stays in the processor's
 * cache instead of the large table. Not thread-safe: one per name finder.
 */
final class RememberedFeatures {

  /** Features remembered at most; the memory is cleared when it is full. */
  private static final int CAPACITY = 100_000;

  private final GisParameters parameters;
  private final HashMap<String, Integer> entries = new HashMap<>();

  RememberedFeatures(GisParameters parameters) {
    this.parameters = parameters;
  }

  int find(String feature) {
    Integer entry = entries.get(feature);
    if (entry == null) {
      if (entries.size() >= CAPACITY) {
        entries.clear();
      }
      entry = parameters.find(feature);
      entries.put(feature, entry);
    }
    return entry;
  }
}
