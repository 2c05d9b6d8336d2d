package org.presslens.transforms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Binomial tails summed by hand: X ~ Binomial(k + m, n1 / (n1 + n0)). */
class RateTestTest {

  @Test
  void equalWordsMakeAFairCoin() {
    // K = 4, p = 1/2: P(X >= 3) = (4 + 1) / 16, P(X <= 3) = 15 / 16
    assertEquals(5.0 / 16, RateTest.upper(3, 1, 500, 500), 1e-12);
    assertEquals(15.0 / 16, RateTest.lower(3, 1, 500, 500), 1e-12);
    assertEquals(10.0 / 16, RateTest.twoSided(3, 1, 500, 500), 1e-12);
    // K = 12: P(X >= 10) = (66 + 12 + 1) / 4096
    assertEquals(79.0 / 4096, RateTest.upper(10, 2, 100, 100), 1e-12);
    assertEquals(158.0 / 4096, RateTest.twoSided(10, 2, 100, 100), 1e-12);
  }

  @Test
  void unequalWordsShiftTheExpectation() {
    // p = 1/4, K = 2, k = 2: P(X >= 2) = 1/16; two-sided 1/8
    assertEquals(1.0 / 16, RateTest.upper(2, 0, 100, 300), 1e-12);
    assertEquals(1.0 / 8, RateTest.twoSided(2, 0, 100, 300), 1e-12);
    // nothing in the latest period: P(X <= 0) = (3/4)^5 when K = 5
    assertEquals(Math.pow(0.75, 5), RateTest.lower(0, 5, 100, 300), 1e-12);
    assertEquals(1.0, RateTest.upper(0, 5, 100, 300));
  }

  @Test
  void aSideWithoutWordsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RateTest.twoSided(1, 1, 0, 10));
  }
}
