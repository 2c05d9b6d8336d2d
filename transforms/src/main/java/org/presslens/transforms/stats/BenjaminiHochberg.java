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
