package org.presslens.transforms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AssociationTest {

  // NATO and Asia-Pacific in the seeds: 235 sentences, 100 with NATO, 17 with Asia-Pacific, 14 with both.
  // PMI = log2(14 * 235 / (17 * 100)); NPMI = PMI / -log2(14 / 235);
  // G2 over the table [14, 86; 3, 132] with expected counts from its margins.
  @Test
  void pmiNpmiAndG2ByHand() {
    assertEquals(0.9525528375975397, Association.pmi(14, 17, 100, 235), 1e-12);
    assertEquals(0.23409066335048523, Association.npmi(14, 17, 100, 235), 1e-12);
    assertEquals(12.270584677447486, Association.g2(14, 17, 100, 235), 1e-9);
  }

  @Test
  void edgeCases() {
    // independent: 2 of 4 units each, together in 1 -> PMI 0, G2 0
    assertEquals(0.0, Association.pmi(1, 2, 2, 4), 1e-12);
    assertEquals(0.0, Association.g2(1, 2, 2, 4), 1e-12);
    // always together in every unit: NPMI is 1, G2 undefined -> 0
    assertEquals(1.0, Association.npmi(5, 5, 5, 5));
    // only ever together, in fewer units than all: exactly 1 (as a ratio of two logarithms, 2 of 5
    // units gives 1.0000000000000002 and 2 of 3 gives 0.9999999999999998)
    assertEquals(1.0, Association.npmi(2, 2, 2, 5));
    for (long n = 2; n <= 2_000; n++) {
      for (long together = 1; together < n; together += 1 + together / 3) {
        double npmi = Association.npmi(together, together, together, n);
        assertEquals(1.0, npmi, "together in " + together + " of " + n);
      }
    }
    assertEquals(0.0, Association.g2(5, 5, 5, 5));
    assertThrows(IllegalArgumentException.class, () -> Association.pmi(3, 2, 5, 10));
    assertThrows(IllegalArgumentException.class, () -> Association.pmi(0, 2, 5, 10));
  }
}
