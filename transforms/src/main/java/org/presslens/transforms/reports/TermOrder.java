package org.presslens.transforms.reports;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order of strings by {@link String#compareTo}, for the hundreds of thousands of terms a
 * corpus tests: sorted first as numbers, each string's first {@value #PREFIX_CHARS} characters
 * packed into a long beside its place, and only strings with the same packed start compared as
 * strings. Comparing strings directly costs a visit to two scattered strings per comparison; the
 * packed starts sit in one array and decide most comparisons.
 *
 * <p>A start packs each character below 255 as itself and stops at the first character of 255 or
 * more, which it packs as 255, the rest as 0 (as does the end of a shorter string). Two strings
 * whose packed starts differ then compare as their starts do: before the first place where the
 * starts differ both have the same characters below 255, and there the smaller start has the
 * smaller character or has ended. Strings with equal starts are put in order by {@code compareTo}.
 */
final class TermOrder {

  static final int PREFIX_CHARS = 5;
  /** Bits of a string's place beside its start in a long. */
  private static final int PLACE_BITS = 64 - 8 * PREFIX_CHARS;

  private TermOrder() {}

  /** The places of {@code terms} in the order of the terms they hold. */
  static int[] of(String[] terms) {
    int n = terms.length;
    if (n >= 1 << PLACE_BITS) {
      return byComparison(terms);
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      // the sign bit flipped, so that sorting as signed numbers sorts the starts as unsigned ones
      keys[i] = (start(terms[i]) << PLACE_BITS | i) ^ Long.MIN_VALUE;
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    long placeMask = (1L << PLACE_BITS) - 1;
    for (int k = 0; k < n; k++) {
      order[k] = (int) (keys[k] & placeMask);
    }
    for (int from = 0; from < n;) {
      int to = from + 1;
      while (to < n && keys[to] >>> PLACE_BITS == keys[from] >>> PLACE_BITS) {
        to++;
      }
      if (to - from > 1) {
        sortRange(order, from, to, terms);
      }
      from = to;
    }
    return order;
  }

  /** The string's first characters packed as described in the class comment, most significant first. */
  static long start(String term) {
    long packed = 0;
    boolean stopped = false;
    for (int i = 0; i < PREFIX_CHARS; i++) {
      int c = stopped || i >= term.length() ? 0 : Math.min(term.charAt(i), 255);
      stopped |= c == 255;
      packed = packed << 8 | c;
    }
    return packed;
  }

  private static void sortRange(int[] order, int from, int to, String[] terms) {
    Integer[] places = new Integer[to - from];
    for (int k = from; k < to; k++) {
      places[k - from] = order[k];
    }
    Arrays.sort(places, Comparator.comparing(place -> terms[place]));
    for (int k = from; k < to; k++) {
      order[k] = places[k - from];
    }
  }

  private static int[] byComparison(String[] terms) {
    int[] order = new int[terms.length];
    Arrays.setAll(order, i -> i);
    sortRange(order, 0, order.length, terms);
    return order;
  }
}
