package org.presslens.transforms.stats;

/**
 * chi2 and lr exactly as quanteda.textstats' {@code textstat_keyness} computes them, so that
 * analysts can reproduce published quanteda results. Both are signed: positive when
 * a &gt; E(a).
 */
public final class QuantedaKeyness {

  /** quanteda adds this inside log() to avoid log(0). */
  private static final double EPSILON = 1e-9;

  /** quanteda's {@code correction} argument. */
  public enum Correction {
    /** Yates' 0.5 only when |ad - bc| >= N/2 and some expected cell is below 5. */
    DEFAULT,
    NONE
  }

  private QuantedaKeyness() {}

  /** The continuity adjustment delta: 0.5 or 0. */
  static double yatesDelta(double a, double b, double c, double d) {
    double n = a + b + c + d;
    boolean smallExpected = (a + b) * (a + c) / n < 5 || (a + b) * (b + d) / n < 5
        || (a + c) * (c + d) / n < 5 || (c + d) * (b + d) / n < 5;
    return Math.abs(a * d - b * c) >= n / 2 && smallExpected ? 0.5 : 0.0;
  }

  /** Pearson chi2 = N(|ad - bc| - N*delta)^2 / ((a+b)(c+d)(a+c)(b+d)), signed. */
  public static double chi2(TwoByTwo t, Correction correction) {
    double a = t.a();
    double b = t.b();
    double c = t.c();
    double d = t.d();
    double n = a + b + c + d;
    double e = (a + b) * (a + c) / n;
    double delta = correction == Correction.DEFAULT ? yatesDelta(a, b, c, d) : 0.0;
    double num = n * Math.pow(Math.abs(a * d - b * c) - n * delta, 2.0);
    double den = (a + b) * (c + d) * (a + c) * (b + d) * (a > e ? 1.0 : -1.0);
    return num / den;
  }

  /**
   * G2 = 2 * sum O ln(O/E + 1e-9) over the four cells, signed; with the default correction the
   * four cells first move delta towards independence.
   */
  public static double lr(TwoByTwo t, Correction correction) {
    double a = t.a();
    double b = t.b();
    double c = t.c();
    double d = t.d();
    double n = a + b + c + d;
    double e = (a + b) * (a + c) / n;
    double aa = a;
    double bb = b;
    double cc = c;
    double dd = d;
    if (correction == Correction.DEFAULT) {
      double delta = yatesDelta(a, b, c, d);
      boolean positive = a * d - b * c > 0;
      aa += positive ? -delta : delta;
      bb += positive ? delta : -delta;
      cc += positive ? delta : -delta;
      dd += positive ? -delta : delta;
    }
    double sum = aa * Math.log(aa / ((aa + bb) * (aa + cc) / n) + EPSILON)
        + bb * Math.log(bb / ((aa + bb) * (bb + dd) / n) + EPSILON)
        + cc * Math.log(cc / ((aa + cc) * (cc + dd) / n) + EPSILON)
        + dd * Math.log(dd / ((bb + dd) * (cc + dd) / n) + EPSILON);
    return 2 * sum * (a > e ? 1.0 : -1.0);
  }
}
