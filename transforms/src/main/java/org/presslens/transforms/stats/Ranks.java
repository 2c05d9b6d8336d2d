package org.presslens.transforms.stats;

/**
 * Standard competition ranking ("1224"): tied values share the smallest rank, as quanteda's
 * {@code textstat_frequency} ({@code ties_method = "min"}) ranks features.
 */
public final class Ranks {

  private Ranks() {}

  /** Ranks of {@code values}, which must already be sorted in descending order. */
  public static int[] competition(long[] descending) {
    int[] ranks = new int[descending.length];
    for (int i = 0; i < descending.length; i++) {
      if (i > 0 && descending[i] > descending[i - 1]) {
        throw new IllegalArgumentException("values are not in descending order at index " + i);
      }
      ranks[i] = (i > 0 && descending[i] == descending[i - 1]) ? ranks[i - 1] : i + 1;
    }
    return ranks;
  }
}
