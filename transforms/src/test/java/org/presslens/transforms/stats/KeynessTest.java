package org.presslens.transforms.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.stats.QuantedaKeyness.Correction;

/** Hand-computed values (worked out independently of this code; derivations in comments). */
class KeynessTest {

  // a=10 of 1,000 target words, b=5 of 2,000 reference words. N=3000, E = 5, 10, 995, 1990.
  private static final TwoByTwo TABLE = new TwoByTwo(10, 5, 1000, 2000);
  // a=3 of 100, b=0 of 300: |ad-bc| = 900 >= N/2 = 200 and E(a) = 0.75 < 5, so Yates applies.
  private static final TwoByTwo SMALL = new TwoByTwo(3, 0, 100, 300);

  @Test
  void g2FourCellByHand() {
    // 2 * (10 ln 2 + 5 ln 0.5 + 990 ln(990/995) + 1995 ln(1995/1990))
    assertEquals(6.969191931932806, Keyness.g2(TABLE), 1e-12);
    // b = 0 contributes 0; E = 0.75, 2.25, 99.25, 297.75:
    // 2 * (3 ln(3/0.75) + 97 ln(97/99.25) + 300 ln(300/297.75))
    assertEquals(8.386123452794394, Keyness.g2(SMALL), 1e-12);
    assertEquals(0.0, Keyness.g2(new TwoByTwo(10, 20, 1000, 2000)), 1e-12);
  }

  @Test
  void pValueIsTheChiSquaredUpperTail() {
    // For 1 df, P(X > x) = erfc(sqrt(x / 2)).
    assertEquals(0.00829249358480712, Keyness.pValue(6.969191931932806), 1e-15);
    assertEquals(0.05, Keyness.pValue(3.841458820694124), 1e-12);
    assertEquals(1.0, Keyness.pValue(0));
    assertTrue(Keyness.pValue(400) > 0, "tiny p-values stay positive");
  }

  @Test
  void logRatioAndPercentDiff() {
    // (10/1000) / (5/2000) = 4 -> log2 = 2; %DIFF = (0.01 - 0.0025) / 0.0025 * 100 = 300
    assertEquals(2.0, Keyness.logRatio(TABLE), 1e-12);
    assertEquals(300.0, Keyness.percentDiff(TABLE), 1e-9);
    // zero reference count -> 0.5: log2((3/100) / (0.5/300)) = log2(18)
    assertEquals(4.169925001442312, Keyness.logRatio(SMALL), 1e-12);
    assertTrue(Double.isNaN(Keyness.percentDiff(SMALL)));
    assertEquals(-2.0, Keyness.logRatio(new TwoByTwo(5, 40, 1000, 2000)), 1e-12);
  }

  @Test
  void quantedaChi2AndLrWithAndWithoutCorrection() {
    // No cell expectation below 5 here: both corrections give Pearson's chi2 = N (ad-bc)^2 / margins.
    assertEquals(7.5376884422110555, QuantedaKeyness.chi2(TABLE, Correction.NONE), 1e-12);
    assertEquals(7.5376884422110555, QuantedaKeyness.chi2(TABLE, Correction.DEFAULT), 1e-12);
    // Yates: 400 (900 - 200)^2 / (3 * 397 * 100 * 300)
    assertEquals(5.4855863420095154, QuantedaKeyness.chi2(SMALL, Correction.DEFAULT), 1e-12);
    // lr with cells moved 0.5 towards independence: 2.5, 0.5, 97.5, 299.5
    assertEquals(4.5570922027079845, QuantedaKeyness.lr(SMALL, Correction.DEFAULT), 1e-9);
    // Under-use (5 per 1,000 vs 40 per 2,000) is negative: chi2 = -3000 (5*1960 - 40*995)^2 / (45*2955*1000*2000)
    TwoByTwo under = new TwoByTwo(5, 40, 1000, 2000);
    assertEquals(-10.152284263959391, QuantedaKeyness.chi2(under, Correction.NONE), 1e-9);
    assertTrue(QuantedaKeyness.lr(under, Correction.NONE) < 0);
  }

  @Test
  void weightedLogOddsByHand() {
    // prior scale 1: a_w = 15, a_0 = 3000; delta = ln(25/3975) - ln(20/4980); var = 1/25 + 1/20
    WeightedLogOdds.Result r = WeightedLogOdds.of(TABLE, 15, 3000, 1.0);
    assertEquals(0.44854869424447585, r.delta(), 1e-12);
    assertEquals(1.4951623141482528, r.z(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> WeightedLogOdds.of(TABLE, 0, 3000, 1.0));
  }

  @Test
  void benjaminiHochbergAsRPAdjust() {
    // sorted p 0.01, 0.03, 0.04, 0.5 -> 4p/k = 0.04, 0.06, 0.0533, 0.5 -> running minimum from the top
    assertArrayEquals(new double[] {0.04, 0.16 / 3, 0.16 / 3, 0.5},
        BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.5}), 1e-12);
    // m = 2: 0.7 -> 2 * 0.7 / 1 = 1.4, 0.9 -> 2 * 0.9 / 2 = 0.9; the running minimum gives 0.9 for both
    assertArrayEquals(new double[] {0.9, 0.9}, BenjaminiHochberg.adjust(new double[] {0.9, 0.7}), 1e-12);
    // R: p.adjust(c(0.02, 0.01, 0.02, 0.04, 0.02), "BH") = 0.025 0.025 0.025 0.040 0.025 (ties share one q)
    assertArrayEquals(new double[] {0.025, 0.025, 0.025, 0.04, 0.025},
        BenjaminiHochberg.adjust(new double[] {0.02, 0.01, 0.02, 0.04, 0.02}), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {1.5}));
    assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {Double.NaN}));
  }
  /**
   * q-values of p-values that stand for several tests each are those of the list with every
   * p-value repeated, bit for bit: random lists with many ties, in any order.
   */
  @Test
  void groupedQValuesAreThoseOfTheRepeatedList() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(30);
      double[] p = new double[n];
      long[] tests = new long[n];
      List<Double> expanded = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        p[i] = random.nextInt(4) == 0 && i > 0 ? p[random.nextInt(i)] : random.nextInt(5) == 0 ? 1.0 : random.nextDouble() / (1 + random.nextInt(50));
        tests[i] = 1 + random.nextInt(random.nextBoolean() ? 3 : 400);
        for (long t = 0; t < tests[i]; t++) {
          expanded.add(p[i]);
        }
      }
      double[] all = expanded.stream().mapToDouble(Double::doubleValue).toArray();
      double[] expected = BenjaminiHochberg.adjust(all);
      double[] grouped = BenjaminiHochberg.adjustGrouped(p, tests);
      int at = 0;
      for (int i = 0; i < n; i++) {
        for (long t = 0; t < tests[i]; t++, at++) {
          assertEquals(Double.doubleToLongBits(expected[at]), Double.doubleToLongBits(grouped[i]),
              "trial " + trial + ", p-value " + i);
        }
      }
    }
    assertArrayEquals(BenjaminiHochberg.adjust(new double[] {0.02, 0.01, 0.02, 0.04, 0.02}),
        Arrays.stream(new int[] {0, 1, 0, 2, 0}).mapToDouble(i -> BenjaminiHochberg.adjustGrouped(
            new double[] {0.02, 0.01, 0.04}, new long[] {3, 1, 1})[i]).toArray(), 0.0);
    assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.adjustGrouped(new double[] {0.5}, new long[] {0}));
    assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.adjustGrouped(new double[] {1.5}, new long[] {1}));
  }


  @Test
  void rejectsImpossibleTables() {
    assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(11, 0, 10, 10));
    assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(0, 0, 0, 10));
  }
}
