package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.presslens.transforms.TestDocuments.analyzed;
import static org.presslens.transforms.TestDocuments.ids;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.EncodedTables;
import org.presslens.transforms.model.AnalyzedDocument;

class SegmentTest {

  private static final List<AnalyzedDocument> DOCS = List.of(
      analyzed("b", "RT", 4, Map.of("nato", 2)),
      analyzed("a", "RT", 5, Map.of("nato", 1, "asia", 1)),
      analyzed("c", "Global Times", 7, Map.of("asia", 3)));

  /** The concordance's part of a segment: the same postings and outlets, none of the tables. */
  @Test
  void postingsPartKeepsPostingsAndOutletsOnly() {
    Segment whole = Segment.of("s", DOCS, id -> false);
    Segment part = whole.postingsPart();
    assertEquals(whole.id(), part.id());
    assertEquals(whole.postings(), part.postings());
    assertEquals(List.of("a", "b"), ids(part.postings().firstDocuments("nato", "RT", 5)));
    assertEquals(whole.tables().keySet(), part.tables().keySet());
    assertEquals(List.of("Global Times", "RT"), List.copyOf(part.tables().keySet()));
    assertTrue(part.tables().values().stream().map(EncodedTables::decode)
        .allMatch(t -> t.terms().size() == 0 && t.terms().tokens() == 0));
    assertTrue(part.members().isEmpty());
    assertTrue(part.dated().isEmpty());
  }

  /** The trend reports' part of a segment: id and dated tables, and its tables only when asked for. */
  @Test
  void periodPartKeepsDatedTablesAndTermsWhenAsked() {
    Segment whole = Segment.of("s", DOCS, id -> false);
    Segment plain = whole.periodPart(false);
    assertEquals(whole.id(), plain.id());
    assertEquals(whole.dated(), plain.dated());
    assertTrue(plain.tables().isEmpty());
    assertTrue(plain.members().isEmpty());
    assertEquals(List.of(), ids(plain.postings().firstDocuments("nato", "RT", 5)));
    Segment withTables = whole.periodPart(true);
    assertEquals(whole.tables().keySet(), withTables.tables().keySet());
    whole.tables().forEach((outlet, t) -> {
      assertEquals(t.decode().terms(), withTables.tables().get(outlet).decode().terms());
      assertEquals(t.decode().entities(), withTables.tables().get(outlet).decode().entities());
    });
  }
}
