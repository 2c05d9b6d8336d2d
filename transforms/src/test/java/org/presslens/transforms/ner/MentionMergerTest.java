package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.ner.MentionMerger.Candidate;

class MentionMergerTest {

  private static Candidate d(int s, int e, String type) {
    return new Candidate(s, e, type, "dictionary");
  }

  private static Candidate m(int s, int e, String type) {
    return new Candidate(s, e, type, "model");
  }

  @Test
  void dictionarySpansWinLongestFirstAndConfirmingModelSpansMakeThemBoth() {
    // "NATO Secretary-General Jens Stoltenberg visited South Korea"
    List<Candidate> merged = MentionMerger.merge(
        List.of(d(0, 1, "organization"), d(2, 4, "person"), d(5, 7, "location"), d(6, 7, "location")),
        List.of(m(0, 4, "organization"), m(5, 7, "location"), m(8, 9, "person")));
    assertEquals(List.of(
        new Candidate(0, 1, "organization", "both"),
        new Candidate(2, 4, "person", "dictionary"),
        new Candidate(5, 7, "location", "both"),
        new Candidate(8, 9, "person", "model")), merged);
  }

  @Test
  void overlappingModelSpansKeepTheLongest() {
    assertEquals(List.of(m(1, 4, "person")), MentionMerger.merge(List.of(), List.of(m(2, 3, "person"), m(1, 4, "person"))));
  }
}
