package org.presslens.transforms.stats;

import org.apache.commons.math3.special.Beta;

/**
 * Whether a term's rate in the latest period is outside what the earlier periods predict: the
 * exact conditional test of two Poisson rates (Przyborowski and Wilenski 1940). Given the
 * term's {@code k + m} occurrences, {@code k} in the latest period's {@code n1} running words and
 * {@code m} in the earlier periods' {@code n0}, equal rates make {@code k} binomial with
 * {@code K = k + m} trials and success probability {@code n1 / (n1 + n0)}. Exact for small counts,
 * which a day or a week of news mostly gives, where G2's chi-squared approximation is not.
 */
public final class RateTest {

  private RateTest() {}

  /** P(X >= k): the latest rate is this high or higher by chance. */
  public static double upper(long k, long m, long n1, long n0) {
    if (k == 0) {
      return 1.0;
    }
    // P(X >= k) for X ~ Binomial(K, p) is the regularized incomplete beta I_p(k, K - k + 1)
    return Beta.regularizedBeta(share(n1, n0), k, m + 1.0);
  }

  /** P(X <= k): the latest rate is this low or lower by chance. */
  public static double lower(long k, long m, long n1, long n0) {
    if (m == 0) {
      return 1.0;
    }
    return Beta.regularizedBeta(1.0 - share(n1, n0), m, k + 1.0);
  }

  /** Two-sided p-value: twice the smaller tail, at most 1. */
  public static double twoSided(long k, long m, long n1, long n0) {
    return Math.min(1.0, 2.0 * Math.min(upper(k, m, n1, n0), lower(k, m, n1, n0)));
  }

  private static double share(long n1, long n0) {
    if (n1 <= 0 || n0 <= 0) {
      throw new IllegalArgumentException("both sides need running words: " + n1 + ", " + n0);
    }
    return (double) n1 / (n1 + n0);
  }
}
