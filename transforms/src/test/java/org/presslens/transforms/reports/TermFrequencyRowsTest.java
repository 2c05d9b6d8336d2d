package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.reports.TermFrequencyRows.Ranked;

class TermFrequencyRowsTest {

  private static final Map<String, Integer> COUNTS =
      Map.of("nato", 4, "asia", 2, "china", 2, "japan", 1, "nato expansion", 2, "asia pacific", 2);

  @Test
  void ordersByNThenCountThenTermAndRanksWithTies() {
    List<Ranked> rows = new ArrayList<>();
    TermFrequencyRows.ranked(COUNTS, 1, Integer.MAX_VALUE, rows::add);
    assertEquals(List.of(
        new Ranked("nato", 1, 4, 1, 1, 0),
        new Ranked("asia", 1, 2, 1, 2, 1),
        new Ranked("china", 1, 2, 1, 2, 2),
        new Ranked("japan", 1, 1, 1, 4, 3),
        new Ranked("asia pacific", 2, 2, 1, 1, 0),
        new Ranked("nato expansion", 2, 2, 1, 1, 1)), rows);
  }

  @Test
  void minCountDropsTermsAfterRankingAndPositionsCountTheListedOnes() {
    List<Ranked> rows = new ArrayList<>();
    TermFrequencyRows.ranked(Map.of("a", 1, "b", 3, "c", 1, "d", 2), 2, Integer.MAX_VALUE, rows::add);
    assertEquals(List.of(new Ranked("b", 1, 3, 1, 1, 0), new Ranked("d", 1, 2, 1, 2, 1)), rows);
  }

  @Test
  void onlyTheFirstOrderedTermsOfEachNAreInTermOrderTheRestKeepTheirRanksAndCounts() {
    Map<String, Integer> counts = Map.of("e", 3, "d", 2, "c", 2, "b", 1, "a", 1, "x y", 1);
    List<Ranked> rows = new ArrayList<>();
    TermFrequencyRows.ranked(counts, 1, 2, rows::add);
    assertEquals(List.of(new Ranked("e", 1, 3, 1, 1, 0), new Ranked("c", 1, 2, 1, 2, 1), new Ranked("d", 1, 2, 1, 2, 2)),
        rows.subList(0, 3), "the group holding the second listed term is in term order as a whole");
    assertEquals(List.of("a", "b"), rows.subList(3, 5).stream().map(Ranked::term).sorted().toList());
    assertEquals(List.of(4, 4), rows.subList(3, 5).stream().map(Ranked::rank).toList());
    assertEquals(new Ranked("x y", 2, 1, 1, 1, 0), rows.get(5));
  }
  /**
   * The ranking sorts by packed numbers; its order is the entries' own comparison, also for terms
   * of equal hashes ("Aa" and "BB", "AaAa" and "BBBB" ...) and counts beyond what a key packs.
   */
  @Test
  void theNumericSortOrdersAsTheEntriesCompare() {
    java.util.Random random = new java.util.Random(7);
    for (long countLimit : new long[] {3, 1000, 1L << 30}) {
      Map<String, Long> counts = new java.util.HashMap<>();
      String[] pieces = {"Aa", "BB", "x"};
      for (int i = 0; i < 3000; i++) {
        StringBuilder term = new StringBuilder();
        for (int p = random.nextInt(4); p >= 0; p--) {
          term.append(pieces[random.nextInt(pieces.length)]);
        }
        int n = 1 + random.nextInt(3);
        for (int k = 1; k < n; k++) {
          term.append(' ').append(pieces[random.nextInt(pieces.length)]).append(k);
        }
        counts.put(term.toString(), 1 + (long) (random.nextDouble() * countLimit));
      }
      List<Ranked> rows = new ArrayList<>();
      TermFrequencyRows.ranked(counts, 1, 0, rows::add);
      List<Map.Entry<String, Long>> expected = new ArrayList<>(counts.entrySet());
      expected.sort((a, b) -> {
        int na = a.getKey().split(" ").length;
        int nb = b.getKey().split(" ").length;
        if (na != nb) {
          return Integer.compare(na, nb);
        }
        if (!a.getValue().equals(b.getValue())) {
          return Long.compare(b.getValue(), a.getValue());
        }
        if (a.getKey().hashCode() != b.getKey().hashCode()) {
          return Integer.compare(a.getKey().hashCode(), b.getKey().hashCode());
        }
        return a.getKey().compareTo(b.getKey());
      });
      assertEquals(expected.stream().map(Map.Entry::getKey).toList(), rows.stream().map(Ranked::term).toList(),
          "counts up to " + countLimit);
    }
  }

  @Test
  void aSummedTablesRowsCarryEachTermsDocumentFrequency() {
    org.presslens.transforms.model.TermTable table = new org.presslens.transforms.model.TermTable()
        .addDocument(Map.of("nato", 2, "asia", 1), 3)
        .addDocument(Map.of("nato", 1, "china", 1), 2)
        .addDocument(Map.of("nato", 1, "asia", 1), 2);
    List<Ranked> rows = new ArrayList<>();
    TermFrequencyRows.ranked(table, 1, Integer.MAX_VALUE, rows::add);
    assertEquals(List.of(new Ranked("nato", 1, 4, 3, 1, 0), new Ranked("asia", 1, 2, 2, 2, 1),
        new Ranked("china", 1, 1, 1, 3, 2)), rows);
    rows.forEach(r -> assertEquals(table.documentFrequency(r.term()), r.documents(), r.term()));
  }
}
