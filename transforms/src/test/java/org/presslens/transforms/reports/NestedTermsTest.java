package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NestedTermsTest {

  /** Terms in rank order with their counts, as a top list sees them. */
  private static List<String> folded(Map<String, Long> counts, List<String> ranked, int limit) {
    return NestedTerms.fold(ranked, t -> t, counts::get, limit).stream()
        .map(l -> l.folded().isEmpty() ? l.item() : l.item() + " (+ " + String.join(", ", l.folded()) + ")")
        .toList();
  }

  @Test
  void partsSaidOnlyInsideAPhraseAndPhrasesThatAddNothingAreFolded() {
    // Hand-made counts for terms like those of a seed outlet's list: "collective" occurs 10 times,
    // 9 of them in "collective security" (0.9 >= 0.8: folded); "security" 15 times, 9 of them in
    // the phrase (0.6: listed on its own); "collective security system" 8 of the phrase's 9 (0.89: folded).
    Map<String, Long> counts = Map.of("collective security", 9L, "security", 15L, "arrangement", 6L,
        "collective", 10L, "cooperation", 7L, "close partners", 4L, "collective security system", 8L, "close", 9L);
    List<String> ranked = List.of("collective security", "security", "arrangement", "collective", "cooperation",
        "close partners", "collective security system", "close");

    assertEquals(List.of("collective security (+ collective, collective security system)", "security", "arrangement",
        "cooperation", "close partners", "close"), folded(counts, ranked, 10));
  }

  @Test
  void theLimitCountsListedTermsAndFoldedOnesMakeRoomForOthers() {
    Map<String, Long> counts = Map.of("prime minister", 20L, "prime", 20L, "minister", 40L, "budget", 5L);
    List<String> ranked = List.of("prime minister", "prime", "minister", "budget");

    assertEquals(List.of("prime minister (+ prime)", "minister"), folded(counts, ranked, 2));
    assertEquals(List.of("prime minister (+ prime)", "minister", "budget"), folded(counts, ranked, 3));
  }

  @Test
  void theShareIsInclusiveAndOnlyWholeWordsNest() {
    Map<String, Long> counts = Map.of("trade war", 8L, "trade", 10L, "war", 11L, "trade wars", 8L, "ade", 8L);
    // 8 of 10 is exactly 0.8: folded; 8 of 11 is not.
    assertEquals(List.of("trade war (+ trade)", "war", "trade wars", "ade"),
        folded(counts, List.of("trade war", "trade", "war", "trade wars", "ade"), 10));
    assertTrue(NestedTerms.containsWords("collective security system", "security"));
    assertTrue(NestedTerms.containsWords("a b a", "a"));
    assertFalse(NestedTerms.containsWords("trade wars", "trade war"));
    assertFalse(NestedTerms.containsWords("upgrade", "grade"));
  }
}
