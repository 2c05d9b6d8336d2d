package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.OutletTables;

/** A stored segment less some members gives the tables of a segment built from nothing of the others. */
class ShrinkingSegmentTest {

  private static final List<AnalyzedDocument> DOCS = List.of(
      doc("a", "RT", "2024-01-02", 9, Map.of("nato", 2, "asia", 1, "nato summit", 1),
          new Mention("NATO", "organization", "NATO", 0, 0, 1, Mention.DICTIONARY),
          new Mention("Jens Stoltenberg", "person", "Stoltenberg", 0, 3, 4, Mention.MODEL, 0.8, 20, 31, "Stoltenberg")),
      doc("b", "RT", "", 5, Map.of("nato", 1, "asia", 2),
          new Mention("NATO", "organization", "Nato", 1, 0, 1, Mention.DICTIONARY),
          new Mention("Jens Stoltenberg", "person", "Jens Stoltenberg", 1, 2, 4, Mention.DICTIONARY)),
      doc("c", "Global Times", "2024-01-02", 7, Map.of("asia", 3),
          new Mention("United States", "location", "U.S.", 0, 1, 2, Mention.DICTIONARY)),
      doc("d", "RT", "2024-01-03", 4, Map.of("nato", 4)),
      doc("e", "Global Times", "2024-01-05", 3, Map.of("only here", 1, "asia", 1),
          new Mention("United States", "location", "United States", 0, 0, 2, Mention.MODEL, 0.7, 0, 13, "United States")));

  @Test
  void removedMembersAreTakenAway() {
    assertShrinksTo(Map.of("d", true), Map.of("b", false, "c", false, "d", true));
  }

  @Test
  void aMemberThatBecameACopyStopsCounting() {
    assertShrinksTo(Map.of("d", true), Map.of("a", true, "b", false, "c", false, "d", true, "e", false));
  }

  @Test
  void anOutletAndDatesWithoutCountedMembersAreLeftOut() {
    assertShrinksTo(Map.of("d", true), Map.of("a", false, "d", true, "e", true));
  }

  @Test
  void aCopyThatCountsNowIsAdded() {
    // d's original was removed: d counts now, in a date and with terms the stored tables lack
    assertShrinksTo(Map.of("d", true), Map.of("b", false, "c", false, "d", false, "e", false));
  }

  /** An outlet none of whose members counts otherwise keeps its stored tables as they are (the same encoded tables). */
  @Test
  void anOutletWithoutChangesKeepsItsStoredTables() {
    Segment shrunk = assertShrinksTo(Map.of("d", true), Map.of("a", false, "c", false, "d", true, "e", false));
    assertSame(shrunkFrom.tables().get("Global Times"), shrunk.tables().get("Global Times"),
        "not decoded and encoded again");
  }

  @Test
  void aCopyThatCountsNowBringsBackItsOutlet() {
    assertShrinksTo(Map.of("c", true, "e", true), Map.of("a", false, "c", false, "e", true));
  }

  /**
   * @param storedCopies the members that were copies in the stored segment
   * @param remaining the members that remain, with their copy status now
   */
  /** The stored segment the last {@link #assertShrinksTo} shrank. */
  private Segment shrunkFrom;

  private Segment assertShrinksTo(Map<String, Boolean> storedCopies, Map<String, Boolean> remaining) {
    Segment stored = Segment.of("s", DOCS, storedCopies::containsKey);
    shrunkFrom = stored;
    ShrinkingSegment shrinking = new ShrinkingSegment(stored, remaining);
    List<AnalyzedDocument> kept = new ArrayList<>();
    for (AnalyzedDocument doc : DOCS) {
      if (remaining.containsKey(doc.docId())) {
        shrinking.add(doc, remaining.get(doc.docId()));
        kept.add(doc);
      } else {
        shrinking.drop(doc);
      }
    }
    Segment actual = shrinking.build("t");
    Segment expected = Segment.of("t", kept, remaining::get);
    assertEquals(expected.members(), actual.members());
    assertEquals(Segment.membersHash(expected.members()), shrinking.membersHash());
    assertEquals(expected.tables().keySet(), actual.tables().keySet());
    expected.tables().forEach((outlet, tables) -> {
      OutletTables want = tables.decode();
      OutletTables got = actual.tables().get(outlet).decode();
      assertEquals(want.terms(), got.terms(), outlet);
      assertEquals(want.entities(), got.entities(), outlet);
      assertEquals(want.cooccurrence(), got.cooccurrence(), outlet);
    });
    assertEquals(expected.dated(), actual.dated());
    assertEquals(expected.postings(), actual.postings());
    return actual;
  }

  private static AnalyzedDocument doc(String id, String outlet, String published, long tokens, Map<String, Integer> counts,
      Mention... mentions) {
    return new AnalyzedDocument(id, outlet, published, "", id + ".txt", "UTF-8", "", "", 0, 2, tokens, counts.size(),
        new HashMap<>(counts), new ArrayList<>(List.of(mentions)), new HashMap<>());
  }
}
