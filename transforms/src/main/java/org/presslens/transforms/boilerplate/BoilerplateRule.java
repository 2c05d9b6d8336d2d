package org.presslens.transforms.boilerplate;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * When a line counts as boilerplate of an outlet: it occurs in at least {@code minDocuments}
 * documents of the outlet and in at least {@code minShare} of them. {@code minDocuments = 0}
 * turns removal off.
 */
public record BoilerplateRule(int minDocuments, double minShare) implements Serializable {

  public boolean enabled() {
    return minDocuments > 0;
  }

  /** The outlet's boilerplate lines with the number of documents each occurs in. */
  public Map<String, Integer> apply(LineCounts counts) {
    Map<String, Integer> boilerplate = new TreeMap<>();
    if (!enabled()) {
      return boilerplate;
    }
    counts.lines().forEach((line, documents) -> {
      if (documents >= minDocuments && documents >= minShare * counts.documents()) {
        boilerplate.put(line, documents);
      }
    });
    return boilerplate;
  }
}
