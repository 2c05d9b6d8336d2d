package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermFrequencyRowsTest {

  private static final Map<String, Integer> COUNTS =
      Map.of("nato", 4, "asia", 2, "china", 2, "japan", 1, "nato expansion", 2, "asia pacific", 2);
  private static final Map<String, Integer> DF =
      Map.of("nato", 5, "asia", 2, "china", 1, "japan", 1, "nato expansion", 2, "asia pacific", 1);

  @Test
  void ordersByNThenCountThenTermAndRanksWithTies() {
    List<List<String>> rows = new ArrayList<>();
    TermFrequencyRows.rows("corpus", "", COUNTS, 200, DF::get, 0, 1, rows::add);
    assertEquals(List.of(
        List.of("corpus", "", "nato", "1", "4", "200", "5", "", "1"),
        List.of("corpus", "", "asia", "1", "2", "100", "2", "", "2"),
        List.of("corpus", "", "china", "1", "2", "100", "1", "", "2"),
        List.of("corpus", "", "japan", "1", "1", "50", "1", "", "4"),
        List.of("corpus", "", "asia pacific", "2", "2", "100", "1", "", "1"),
        List.of("corpus", "", "nato expansion", "2", "2", "100", "2", "", "1")), rows);
  }

  @Test
  void documentScopeAddsTfIdfAndMinCountKeepsRanks() {
    List<List<String>> rows = new ArrayList<>();
    TermFrequencyRows.rows("document", "d1", COUNTS, 200, DF::get, 5, 2, rows::add);
    // asia: 2 * log10(5/2) = 0.79588; china: 2 * log10(5/1) = 1.39794; nato: 4 * log10(1) = 0
    assertEquals(List.of("document", "d1", "asia", "1", "2", "100", "2", "0.7959", "2"), rows.get(1));
    assertEquals(List.of("document", "d1", "china", "1", "2", "100", "1", "1.3979", "2"), rows.get(2));
    assertEquals("0", rows.get(0).get(7));
    assertEquals(5, rows.size(), "japan (count 1) is below minCount 2");
  }
}
