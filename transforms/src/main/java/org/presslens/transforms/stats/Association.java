package org.presslens.transforms.stats;

/**
 * Association of two items (entities) counted over N units (sentences or documents): n_a units
 * contain a, n_b contain b, n_ab contain both.
 *
 * <pre>
 *   PMI  = log2(n_ab * N / (n_a * n_b))
 *   NPMI = PMI / -log2(n_ab / N)          (1 when n_ab = N or a and b are only found together; in [-1, 1])
 *   G2   = the 4-cell log-likelihood of the table [n_ab, n_b - n_ab; n_a - n_ab, N - n_a - n_b + n_ab]
 * </pre>
 */
public final class Association {

  private Association() {}

  public static double pmi(long nab, long na, long nb, long n) {
    check(nab, na, nb, n);
    return log2((double) nab * n / ((double) na * nb));
  }

  public static double npmi(long nab, long na, long nb, long n) {
    check(nab, na, nb, n);
    // a and b only ever found together: PMI is -log2(n_ab / N) itself, so NPMI is 1, which the
    // division of two logarithms computed apart can miss by a rounding (2 of 5 units: 1.0000000000000002)
    if (nab == n || nab == na && nab == nb) {
      return 1.0;
    }
    return pmi(nab, na, nb, n) / -log2((double) nab / n);
  }

  /** G2 of the 2x2 table; 0 when a or b is in every unit (nothing to compare against). */
  public static double g2(long nab, long na, long nb, long n) {
    check(nab, na, nb, n);
    if (na == n || nb == n) {
      return 0.0;
    }
    // Units with a are the "target", units without a the "reference"; the term is "contains b".
    return Keyness.g2(new TwoByTwo(nab, nb - nab, na, n - na));
  }

  private static void check(long nab, long na, long nb, long n) {
    if (nab < 1 || nab > na || nab > nb || na > n || nb > n || na + nb - nab > n) {
      throw new IllegalArgumentException("inconsistent counts: n_ab=" + nab + " n_a=" + na + " n_b=" + nb + " N=" + n);
    }
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2.0);
  }
}
