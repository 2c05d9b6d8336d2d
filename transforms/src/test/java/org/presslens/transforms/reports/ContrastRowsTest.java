package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.reports.ContrastRows.Contrast;
import org.presslens.transforms.reports.ContrastRows.Side;

class ContrastRowsTest {

  /** The options of a run with PressLens's defaults. */
  private static final ContrastOptions OPTIONS = new ContrastOptions(3, 1.0, false, 10, 20, 8);

  // Target: 1,000 words; reference: 2,000 words. "nato" 10 vs 5 (the table worked by hand in
  // KeynessTest), "peace" 1 vs 20, "rare" 1 vs 1 (total 2, below minCount 3).
  private static final Map<String, Long> TARGET = Map.of("nato", 10L, "peace", 1L, "rare", 1L);
  private static final Map<String, Long> REFERENCE = Map.of("nato", 5L, "peace", 20L, "rare", 1L);

  private static List<Contrast> compute() {
    Side target = new Side(t -> TARGET.getOrDefault(t, 0L), 1000);
    Side reference = new Side(t -> REFERENCE.getOrDefault(t, 0L), 2000);
    Side corpus = new Side(t -> TARGET.getOrDefault(t, 0L) + REFERENCE.getOrDefault(t, 0L), 3000);
    return ContrastRows.compute(List.of("nato", "peace", "rare"), target, reference, corpus, OPTIONS);
  }

  @Test
  void rowsCarryEveryStatisticWithHandComputedValues() {
    List<Contrast> rows = compute();
    assertEquals(2, rows.size(), "rare is below the minimum count");
    assertEquals(List.of("China", "rest", "nato", "1", "10", "5", "100", "25",
            "1.4952", "6.9692", "0.008292", "0.008292", "2", "300", "7.5377", "6.9692", "over", "1", "nato alliance"),
        OutletContrastReport.SPEC.render(
            RowValues.collect(values -> ContrastRows.write(values, "China", "rest", rows.get(0), "nato alliance"))));
  }

  @Test
  void underUsedTermsRankSeparatelyAndQValuesAdjustAcrossTerms() {
    List<Contrast> rows = compute();
    Contrast peace = rows.get(1);
    assertEquals("peace", peace.term());
    assertEquals(false, peace.over());
    assertEquals(1, peace.rank());
    // peace: 1 per 1,000 vs 20 per 2,000 -> log2(0.001 / 0.01) = log2(0.1)
    assertEquals(Math.log(0.1) / Math.log(2), peace.logRatio(), 1e-12);
    // Two tests: BH gives q = max-ordered min(1, 2p/rank).
    double pNato = rows.get(0).p();
    double pPeace = peace.p();
    double smaller = Math.min(pNato, pPeace);
    double larger = Math.max(pNato, pPeace);
    assertEquals(Math.min(2 * smaller, larger), Math.min(rows.get(0).q(), peace.q()), 1e-15);
    assertEquals(larger, Math.max(rows.get(0).q(), peace.q()), 1e-15);
  }

  @Test
  void emptyReferenceGivesNoRows() {
    Side some = new Side(t -> 1L, 10);
    Side none = new Side(t -> 0L, 0);
    assertEquals(List.of(), ContrastRows.compute(List.of("x"), some, none, some, OPTIONS));
  }

  /**
   * Many terms share their counts, so their statistics tie: the rows must still come over-used
   * first, then by |z| and G2 descending, then by term, ranked from 1 in each direction, each
   * with the Benjamini-Hochberg q-value of its p-value among all tested terms.
   */
  @Test
  void tiedStatisticsAreOrderedByTermAndRankedPerDirection() {
    java.util.Random random = new java.util.Random(7);
    Map<String, Long> target = new java.util.HashMap<>();
    Map<String, Long> reference = new java.util.HashMap<>();
    for (int i = 0; i < 3_000; i++) {
      String term = (i % 7 == 0 ? "\u00e9t\u00e9" : "") + Integer.toString(random.nextInt(1_000_000), 36);
      target.put(term, (long) random.nextInt(4));
      reference.put(term, (long) random.nextInt(6));
    }
    Side t = new Side(term -> target.getOrDefault(term, 0L), 5_000);
    Side r = new Side(term -> reference.getOrDefault(term, 0L), 9_000);
    Side corpus = new Side(term -> target.getOrDefault(term, 0L) + reference.getOrDefault(term, 0L), 14_000);
    List<Contrast> rows = ContrastRows.compute(target.keySet(), t, r, corpus, OPTIONS);

    java.util.Comparator<Contrast> expected = java.util.Comparator.comparing((Contrast c) -> !c.over())
        .thenComparing(c -> Math.abs(c.z()), java.util.Comparator.reverseOrder())
        .thenComparing(Contrast::g2, java.util.Comparator.reverseOrder())
        .thenComparing(Contrast::term);
    List<Contrast> sorted = new java.util.ArrayList<>(rows);
    sorted.sort(expected);
    assertEquals(sorted.stream().map(Contrast::term).toList(), rows.stream().map(Contrast::term).toList());
    long over = rows.stream().filter(Contrast::over).count();
    assertEquals(java.util.stream.LongStream.rangeClosed(1, over).boxed().toList(),
        rows.stream().filter(Contrast::over).map(c -> (long) c.rank()).toList());
    assertEquals(java.util.stream.LongStream.rangeClosed(1, rows.size() - over).boxed().toList(),
        rows.stream().filter(c -> !c.over()).map(c -> (long) c.rank()).toList());
    double[] q = org.presslens.transforms.stats.BenjaminiHochberg.adjust(rows.stream().mapToDouble(Contrast::p).toArray());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(q[i], rows.get(i).q(), 0.0, "the q-value of the tested terms' p-values, term by term");
    }
    org.junit.jupiter.api.Assertions.assertTrue(rows.size() > 1_000 && over > 100, "enough tested terms in both directions");
  }
}
