package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.DatedTables;
import org.presslens.transforms.model.TermTable;
import org.presslens.transforms.model.TermTables;
import org.presslens.transforms.reports.TrendRows.PeriodCount;
import org.presslens.transforms.stats.Keyness;
import org.presslens.transforms.stats.TwoByTwo;
import org.presslens.transforms.time.PeriodPlan;
import org.presslens.transforms.time.PeriodUnit;

/** One scope over two years and some undated words, counted by hand. */
class TrendRowsTest {

  private static final ContrastOptions OPTIONS = new ContrastOptions(1, 1.0, false, 0, 0, 0);

  /** One document per year of 100 words; undated: one document of 50 words. */
  private static TreeMap<String, DatedTables> periods() {
    TreeMap<String, DatedTables> periods = new TreeMap<>();
    periods.put("2020", tables(Map.of("alpha", 2, "beta", 8), 100));
    periods.put("2021", tables(Map.of("alpha", 10, "beta", 2, "gamma", 3), 100));
    periods.put(PeriodPlan.UNDATED, tables(Map.of(), 50).sizesOnly());
    return periods;
  }

  private static DatedTables tables(Map<String, Integer> counts, long words) {
    DatedTables t = new DatedTables();
    t.terms().addDocument(counts, words);
    t.entities().addDocument(Map.of(), words);
    return t;
  }

  private static TrendRows latest(String period) {
    return new TrendRows(periods(), DatedTables::terms, TrendRows.latestAndEarlier(periods(), period), OPTIONS);
  }

  @Test
  void theLatestPeriodIsTestedAgainstTheEarlierOnes() {
    TrendRows rows = latest("2021");
    TrendRows.Emerging alpha = rows.testOf("alpha");
    assertEquals(10, alpha.contrast().table().a());
    assertEquals(2, alpha.contrast().table().b());
    assertEquals(Keyness.g2(new TwoByTwo(10, 2, 100, 100)), alpha.contrast().g2(), 1e-12);
    // K = 12 occurrences, equal words: P(X >= 10) = 79 / 4096, two-sided twice that
    assertEquals(158.0 / 4096, alpha.rateP(), 1e-12);
    assertTrue(alpha.contrast().over());
    assertEquals("2020", alpha.firstSeen());
    assertEquals("2021", rows.testOf("gamma").firstSeen());
    assertEquals(false, rows.testOf("beta").contrast().over());
    assertEquals(3, rows.tested().size());
    // q over the three tested items: the smallest p times 3, and so on (Benjamini-Hochberg)
    double[] p = rows.tested().stream().mapToDouble(TrendRows.Emerging::rateP).sorted().toArray();
    assertEquals(Math.min(1, p[0] * 3), rows.tested().stream().mapToDouble(TrendRows.Emerging::rateQ).min().orElseThrow(), 1e-12);
  }

  @Test
  void onlySignificantRisesAreEmerging() {
    TrendRows rows = latest("2021");
    List<String> emerging = rows.emerging(0.05, 10).stream().map(l -> l.item().contrast().term()).toList();
    for (String term : emerging) {
      TrendRows.Emerging e = rows.testOf(term);
      assertTrue(e.contrast().over() && e.contrast().q() < 0.05, term);
    }
    assertTrue(!emerging.contains("beta"));
    assertEquals(List.of(), rows.emerging(1e-300, 10));
  }

  @Test
  void countsListEveryPeriodAndTheUndatedRemainder() {
    TrendRows rows = latest("2021");
    TermTable total = new TermTable().addDocument(Map.of("alpha", 2, "beta", 8), 100)
        .addDocument(Map.of("alpha", 10, "beta", 2, "gamma", 3), 100).addDocument(Map.of("alpha", 3), 50);
    DatedTables undated = periods().get(PeriodPlan.UNDATED);
    List<PeriodCount> alpha = rows.counts("alpha", List.of("2020", "2021"), total, undated);
    assertEquals(List.of(new PeriodCount("2020", 2, 1, 100, 1), new PeriodCount("2021", 10, 1, 100, 1),
        new PeriodCount(PeriodPlan.UNDATED, 3, 1, 50, 1)), alpha);
    List<PeriodCount> gamma = rows.counts("gamma", List.of("2020", "2021"), total, undated);
    assertEquals(0, gamma.get(0).count());
    assertEquals(0, gamma.get(2).count());
  }

  @Test
  void fullDetailHoldsTheNonZeroCountsOfTestedItems() {
    TrendRows rows = latest("2021");
    List<String> seen = new ArrayList<>();
    rows.nonZero(Set.of("beta"), (item, count) -> seen.add(count.period() + " " + item + " " + count.count()));
    assertEquals(List.of("2020 alpha 2", "2021 alpha 10", "2021 gamma 3"), seen);
  }

  @Test
  void sinceComparesWhatIsNewWithWhatCameBefore() {
    // what is new: 2021's document; before: 2020's and the undated one (as --since=last-run may have it)
    DatedTables before = tables(Map.of("alpha", 5, "beta", 8), 150);
    TrendRows rows = new TrendRows(periods(), DatedTables::terms, new TrendRows.Compared(periods().get("2021"), before), OPTIONS);
    assertEquals(10, rows.testOf("alpha").contrast().table().a());
    assertEquals(5, rows.testOf("alpha").contrast().table().b());
    assertEquals(150, rows.testOf("alpha").contrast().table().referenceTotal());
    assertEquals("2020", rows.testOf("alpha").firstSeen(), "first seen still counts in periods");
  }

  @Test
  void withoutAnEarlierPeriodNothingIsTested() {
    TrendRows.Compared compared = TrendRows.latestAndEarlier(periods(), "2020");
    assertNull(compared.earlier());
    assertEquals(List.of(), new TrendRows(periods(), DatedTables::terms, compared, OPTIONS).tested());
  }

  @Test
  void withoutALatestPeriodNothingIsTested() {
    TrendRows rows = latest("2022");
    assertEquals(List.of(), rows.tested());
    assertNull(rows.testOf("alpha"));
  }

  /** The watched items: largest counts first, ties by item, whatever order the map holds them in. */
  @Test
  void theWatchedAreTheLargestCountsTiesByItem() {
    Map<String, Long> counts = new java.util.HashMap<>(Map.of("e", 3L, "a", 7L, "d", 3L, "b", 1L, "c", 7L, "f", 3L));
    assertEquals(List.of("a", "c", "d", "e"), TrendReport.top(tableOf(counts), 4));
    assertEquals(List.of("a", "c", "d", "e", "f", "b"), TrendReport.top(tableOf(counts), 10));
    assertEquals(List.of(), TrendReport.top(tableOf(counts), 0));
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    Map<String, Long> many = new java.util.HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      many.put("t" + random.nextInt(100_000), (long) random.nextInt(40));
    }
    List<String> sorted = many.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
    assertEquals(sorted.subList(0, 250), TrendReport.top(tableOf(many), 250));
  }

  private static TermTable tableOf(Map<String, Long> counts) {
    Map<String, Integer> asInts = new java.util.HashMap<>();
    counts.forEach((item, count) -> asInts.put(item, count.intValue()));
    return new TermTable().addDocument(asInts, 100);
  }

  /** The totals go to the join whole only where a listed item's undated row can read them. */
  @Test
  void theTotalsJoinedAreThoseTheUndatedRowsRead() {
    DatedTables all = tables(Map.of("alpha", 12, "beta", 10, "gamma", 3), 250);
    all.entities().addDocument(Map.of("Oslo\u0000LOC", 2, "Bergen\u0000LOC", 1), 0);
    TrendReport.Watched watched = new TrendReport.Watched(List.of("beta", "delta"), List.of("Oslo\u0000LOC"));
    PeriodPlan datedOnly = new PeriodPlan(PeriodUnit.YEAR, true, new TreeMap<>(Map.of("2020", 100L, "2021", 150L)), 0);
    PeriodPlan undatedOnly = new PeriodPlan(PeriodUnit.DECADE, true, new TreeMap<>(), 250);
    PeriodPlan both = new PeriodPlan(PeriodUnit.YEAR, true, new TreeMap<>(Map.of("2020", 100L)), 150);

    DatedTables sizes = TrendReport.TotalsFn.read(all, datedOnly, watched, false);
    assertEquals(0, sizes.terms().size() + sizes.entities().size());
    assertEquals(250, sizes.words());
    assertEquals(1, sizes.documents());

    DatedTables listed = TrendReport.TotalsFn.read(all, undatedOnly, watched, false);
    assertEquals(Map.of("beta", 10L), TermTables.counts(listed.terms()));
    assertEquals(Map.of("Oslo\u0000LOC", 2L), TermTables.counts(listed.entities()));
    assertEquals(250, listed.words());

    assertSame(all, TrendReport.TotalsFn.read(all, both, watched, false));
    assertSame(all, TrendReport.TotalsFn.read(all, undatedOnly, watched, true), "--since lists what is new, not only the watched");
  }

  @Test
  void theWatchedItemsRoundTripAsStrings() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(TrendReport.Watched.coder(),
        new TrendReport.Watched(List.of("jobs plan", "applause"), List.of("Oslo\u0000LOC")));
    CoderProperties.coderDecodeEncodeEqual(TrendReport.Watched.coder(),
        new TrendReport.Watched(List.of(), List.of()));
  }
}
