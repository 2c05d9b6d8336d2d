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
    TermFrequencyRows.ranked(COUNTS, 1, rows::add);
    assertEquals(List.of(
        new Ranked("nato", 1, 4, 1, 0),
        new Ranked("asia", 1, 2, 2, 1),
        new Ranked("china", 1, 2, 2, 2),
        new Ranked("japan", 1, 1, 4, 3),
        new Ranked("asia pacific", 2, 2, 1, 0),
        new Ranked("nato expansion", 2, 2, 1, 1)), rows);
  }

  @Test
  void minCountDropsTermsAfterRankingAndPositionsCountTheListedOnes() {
    List<Ranked> rows = new ArrayList<>();
    TermFrequencyRows.ranked(Map.of("a", 1, "b", 3, "c", 1, "d", 2), 2, rows::add);
    assertEquals(List.of(new Ranked("b", 1, 3, 1, 0), new Ranked("d", 1, 2, 2, 1)), rows);
  }
}
