package org.presslens.transforms.stats;

import java.util.Arrays;

/**
 * Benjamini-Hochberg adjusted p-values (q-values) controlling the false discovery rate, as R's
 * {@code p.adjust(p, "BH")}: q_(k) = min over j >= k of min(1, m * p_(j) / j), p sorted ascending.
 */
public final class BenjaminiHochberg {

  private BenjaminiHochberg() {}

  /**
   * q-values in the order of {@code p}. Tied p-values share one q-value (the one at the last of
   * them in ascending order, which the running minimum gives them all), so each p-value's q-value
   * is looked up in the sorted values rather than carried through a sort of indices.
   */
  public static double[] adjust(double[] p) {
    int m = p.length;
    for (double value : p) {
      if (Double.isNaN(value) || value < 0 || value > 1) {
        throw new IllegalArgumentException("not a p-value: " + value);
      }
    }
    double[] sorted = p.clone();
    Arrays.sort(sorted);
    double[] qSorted = new double[m];
    double running = 1.0;
    for (int k = m - 1; k >= 0; k--) {
      running = Math.min(running, m * sorted[k] / (k + 1));
      qSorted[k] = running;
    }
    double[] q = new double[m];
    for (int i = 0; i < m; i++) {
      q[i] = qSorted[lastIndexOf(sorted, p[i])];
    }
    return q;
  }

  /**
   * q-values of p-values that each stand for several tests: {@code p[i]} is the p-value of
   * {@code tests[i]} tests (the p-values in any order, equal ones allowed). The result is what
   * {@link #adjust} gives every one of those tests in the list with each p-value repeated, bit for
   * bit: tied tests share the q-value at the last of them, so with the tests in ascending order
   * only the end of each run of equal p-values enters the running minimum, at its place
   * {@code j}: q = min over later ends of min(1, m * p_j / j). Contrasts test hundreds of
   * thousands of terms whose p-values come from a few thousand count patterns; this works on the
   * patterns.
   */
  public static double[] adjustGrouped(double[] p, long[] tests) {
    int n = p.length;
    if (tests.length != n) {
      throw new IllegalArgumentException(n + " p-values, " + tests.length + " test counts");
    }
    long m = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(p[i]) || p[i] < 0 || p[i] > 1) {
        throw new IllegalArgumentException("not a p-value: " + p[i]);
      }
      if (tests[i] < 1) {
        throw new IllegalArgumentException("a p-value of " + tests[i] + " tests");
      }
      m += tests[i];
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
    long[] end = new long[n]; // 1-based place of the last test with each p-value, in ascending order
    long place = 0;
    for (int k = 0; k < n; k++) {
      place += tests[order[k]];
      end[k] = place;
    }
    double[] q = new double[n];
    double running = 1.0;
    for (int k = n - 1; k >= 0; k--) {
      double value = p[order[k]];
      if (k == n - 1 || p[order[k + 1]] != value) { // the last of its run of equal p-values
        running = Math.min(running, m * value / end[k]);
      }
      q[order[k]] = running;
    }
    return q;
  }

  /** The last index of {@code value} in ascending {@code sorted}, which holds it. */
  private static int lastIndexOf(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (sorted[mid] <= value) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }
}
