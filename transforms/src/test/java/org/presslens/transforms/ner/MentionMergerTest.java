package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.ner.MentionMerger.Candidate;

class MentionMergerTest {

  private static Candidate d(int s, int e, String type) {
    return new Candidate(s, e, type, "dictionary", Double.NaN);
  }

  private static Candidate m(int s, int e, String type) {
    return m(s, e, type, 0.9);
  }

  private static Candidate m(int s, int e, String type, double probability) {
    return new Candidate(s, e, type, "model", probability);
  }

  @Test
  void dictionarySpansWinLongestFirstAndConfirmingModelSpansMakeThemBoth() {
    // "NATO Secretary-General Jens Stoltenberg visited South Korea"
    String[] tokens = "NATO Secretary-General Jens Stoltenberg visited South Korea with Truss".split(" ");
    List<Candidate> merged = MentionMerger.merge(tokens,
        List.of(d(0, 1, "organization"), d(2, 4, "person"), d(5, 7, "location"), d(6, 7, "location")),
        List.of(m(0, 4, "organization", 0.7), m(5, 7, "location", 0.8), m(6, 7, "location", 0.95), m(8, 9, "person")));
    assertEquals(List.of(
        new Candidate(0, 1, "organization", "both", 0.7),
        new Candidate(2, 4, "person", "dictionary", Double.NaN),
        new Candidate(5, 7, "location", "both", 0.8),
        new Candidate(8, 9, "person", "model", 0.9)), merged);
  }

  @Test
  void overlappingModelSpansKeepTheLongest() {
    assertEquals(List.of(m(1, 4, "person")), MentionMerger.merge("a b c d".split(" "), List.of(),
        List.of(m(2, 3, "person"), m(1, 4, "person"))));
  }

  @Test
  void aLeadingTheDoesNotMakeADictionarySpanLonger() {
    // "the U.S. Embassy": the alias "the U.S." and the name "U.S. Embassy" overlap; the name is longer
    String[] tokens = "of the U.S. Embassy said".split(" ");
    assertEquals(List.of(d(2, 4, "organization")),
        MentionMerger.merge(tokens, List.of(d(1, 3, "location"), d(2, 4, "organization")), List.of()));
  }

  @Test
  void aPlaceBeforeAModelOrganisationIsPartOfIt() {
    String[] tokens = "of U.S. Courier division".split(" ");
    assertEquals(List.of(m(1, 3, "organization", 0.7)),
        MentionMerger.merge(tokens, List.of(d(1, 2, "location")), List.of(m(2, 3, "organization", 0.7))));
    assertEquals(List.of(d(1, 2, "location"), m(2, 3, "person")),
        MentionMerger.merge(tokens, List.of(d(1, 2, "location")), List.of(m(2, 3, "person"))), "only organisations");
  }
}
