package org.presslens.transforms.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini-Hochberg adjusted p-values (q-values) controlling the false discovery rate, as R's
 * {@code p.adjust(p, "BH")}: q_(k) = min over j >= k of min(1, m * p_(j) / j), p sorted ascending.
 */
public final class BenjaminiHochberg {

  private BenjaminiHochberg() {}

  /** q-values in the order of {@code p}. */
  public static double[] adjust(double[] p) {
    int m = p.length;
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] q = new double[m];
    double running = 1.0;
    for (int k = m - 1; k >= 0; k--) {
      int i = order[k];
      if (Double.isNaN(p[i]) || p[i] < 0 || p[i] > 1) {
        throw new IllegalArgumentException("not a p-value: " + p[i]);
      }
      running = Math.min(running, m * p[i] / (k + 1));
      q[i] = running;
    }
    return q;
  }
}
