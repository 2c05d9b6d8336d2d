package org.presslens.transforms.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void competitionRanksShareTheLowestRank() {
    assertArrayEquals(new int[] {1, 2, 2, 4, 5, 5, 5, 8}, Ranks.competition(new long[] {9, 7, 7, 5, 3, 3, 3, 1}));
    assertArrayEquals(new int[] {}, Ranks.competition(new long[] {}));
    assertThrows(IllegalArgumentException.class, () -> Ranks.competition(new long[] {1, 2}));
  }

  @Test
  void per10kByHand() {
    // 108 of 4,980 words: 108 * 10000 / 4980 = 216.86746987951807
    assertEquals(216.86746987951807, TermWeights.per10k(108, 4980), 1e-12);
    assertEquals(0.0, TermWeights.per10k(3, 0));
  }

  @Test
  void tfIdfByHand() {
    // 4 occurrences, in 2 of 5 documents: 4 * log10(5/2) = 4 * 0.397940008672 = 1.591760034688
    assertEquals(1.5917600346881504, TermWeights.tfIdf(4, 2, 5), 1e-12);
    assertEquals(0.0, TermWeights.tfIdf(7, 5, 5));
    assertThrows(IllegalArgumentException.class, () -> TermWeights.tfIdf(1, 0, 5));
  }

  @Test
  void decimalsAreRoundedHalfUpWithoutTrailingZeros() {
    assertEquals("216.8675", Numbers.decimal(216.86746987951807, 4));
    assertEquals("2.5", Numbers.decimal(2.50000, 4));
    assertEquals("0", Numbers.decimal(-0.00001, 4));
    assertEquals("-1.2346", Numbers.decimal(-1.23456, 4));
    assertEquals("1000000", Numbers.decimal(1e6, 4));
    assertEquals("", Numbers.decimal(Double.NaN, 4));
  }
}
