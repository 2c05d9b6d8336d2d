package org.presslens.transforms.stats;

/**
 * The 2x2 table behind every keyness statistic of one term:
 *
 * <pre>
 *                 target   reference
 *   term            a         b
 *   other words     c         d        c = targetTotal - a, d = referenceTotal - b
 * </pre>
 */
public record TwoByTwo(double a, double b, double targetTotal, double referenceTotal) {

  public TwoByTwo {
    if (a < 0 || b < 0 || a > targetTotal || b > referenceTotal || targetTotal <= 0 || referenceTotal <= 0) {
      throw new IllegalArgumentException("not a frequency table: a=" + a + " b=" + b
          + " targetTotal=" + targetTotal + " referenceTotal=" + referenceTotal);
    }
  }

  public double c() {
    return targetTotal - a;
  }

  public double d() {
    return referenceTotal - b;
  }

  public double n() {
    return targetTotal + referenceTotal;
  }

  /** True when the term is relatively more frequent in the target than in the reference. */
  public boolean overused() {
    return a / targetTotal > b / referenceTotal;
  }
}
