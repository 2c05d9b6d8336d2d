package org.presslens.transforms.boilerplate;

import java.io.Serializable;
import java.util.Arrays;

/**
 * When a line counts as boilerplate of an outlet: it occurs in at least {@code minDocuments}
 * documents of the outlet and in at least {@code minShare} of them. {@code minDocuments = 0}
 * turns removal off.
 */
public record BoilerplateRule(int minDocuments, double minShare) implements Serializable {

  public boolean enabled() {
    return minDocuments > 0;
  }

  /** The outlet's boilerplate lines with the number of documents each occurs in (the outlet's name left empty). */
  public BoilerplateHashes apply(LineCounts lines) {
    if (!enabled()) {
      return new BoilerplateHashes("", lines.documents(), new long[0], new int[0]);
    }
    long[] hashes = lines.hashes();
    int[] counts = lines.counts();
    long[] kept = new long[hashes.length];
    int[] keptCounts = new int[hashes.length];
    int size = 0;
    for (int i = 0; i < hashes.length; i++) {
      if (counts[i] >= minDocuments && counts[i] >= minShare * lines.documents()) {
        kept[size] = hashes[i];
        keptCounts[size++] = counts[i];
      }
    }
    return new BoilerplateHashes("", lines.documents(), Arrays.copyOf(kept, size), Arrays.copyOf(keptCounts, size));
  }
}
