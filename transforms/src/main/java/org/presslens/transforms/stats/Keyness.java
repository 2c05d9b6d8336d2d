package org.presslens.transforms.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Keyness statistics of one term in a {@link TwoByTwo} table. Formulas are in docs/statistics.md
 * ("Keyness statistics").
 */
public final class Keyness {

  /** Hardie's Log Ratio replaces a zero count by this, so that the ratio stays finite. */
  public static final double LOG_RATIO_ZERO = 0.5;

  private Keyness() {}

  /**
   * Log-likelihood G2, 4-cell form (Rayson &amp; Garside 2000): 2 * sum of O * ln(O / E) over the
   * four cells, a cell with O = 0 contributing 0. Always non-negative; the direction is
   * {@link TwoByTwo#overused()}.
   */
  public static double g2(TwoByTwo t) {
    double n = t.n();
    double termTotal = t.a() + t.b();
    double otherTotal = t.c() + t.d();
    double sum = term(t.a(), termTotal * t.targetTotal() / n)
        + term(t.b(), termTotal * t.referenceTotal() / n)
        + term(t.c(), otherTotal * t.targetTotal() / n)
        + term(t.d(), otherTotal * t.referenceTotal() / n);
    return Math.max(0.0, 2.0 * sum);
  }

  private static double term(double observed, double expected) {
    return observed == 0 ? 0.0 : observed * Math.log(observed / expected);
  }

  /**
   * Upper-tail probability of a chi-squared distribution with 1 degree of freedom at
   * |statistic|: Q(1/2, x/2), the regularized upper incomplete gamma function (Commons Math),
   * accurate also for very small p where 1 - CDF would round to 0.
   */
  public static double pValue(double statistic) {
    double x = Math.abs(statistic);
    return x == 0 ? 1.0 : Gamma.regularizedGammaQ(0.5, x / 2.0);
  }

  /**
   * Hardie's Log Ratio: log2 of the ratio of relative frequencies, target over reference. A zero
   * count is replaced by {@value #LOG_RATIO_ZERO} on that side only (Hardie 2014), so a term absent
   * from the reference gets a large but finite value. Each point is a doubling.
   */
  public static double logRatio(TwoByTwo t) {
    double a = t.a() == 0 ? LOG_RATIO_ZERO : t.a();
    double b = t.b() == 0 ? LOG_RATIO_ZERO : t.b();
    return log2((a / t.targetTotal()) / (b / t.referenceTotal()));
  }

  /**
   * %DIFF (Gabrielatos &amp; Marchi 2012): 100 * (target rate - reference rate) / reference rate.
   * Undefined (NaN, an empty cell in reports) when the term does not occur in the reference.
   */
  public static double percentDiff(TwoByTwo t) {
    double target = t.a() / t.targetTotal();
    double reference = t.b() / t.referenceTotal();
    return t.b() == 0 ? Double.NaN : 100.0 * (target - reference) / reference;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2.0);
  }
}
