package org.presslens.transforms.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formatting for reports: plain decimal notation, fixed rounding, no locale. */
public final class Numbers {

  private Numbers() {}

  /** {@code value} rounded half-up to {@code decimals} places, trailing zeros removed. */
  public static String decimal(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.isNaN(value) ? "" : (value > 0 ? "Infinity" : "-Infinity");
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
    if (rounded.signum() == 0) {
      return "0";
    }
    return rounded.toPlainString();
  }

  /**
   * {@code value} to {@code digits} significant digits, for p- and q-values that can be tiny:
   * "0.0123", "4.56E-12" (a form spreadsheets read as a number).
   */
  public static String significant(double value, int digits) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return decimal(value, 0);
    }
    if (value == 0) {
      return "0";
    }
    return BigDecimal.valueOf(value).round(new MathContext(digits, RoundingMode.HALF_UP)).stripTrailingZeros().toString();
  }
}
