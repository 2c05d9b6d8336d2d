package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.ByteIo;
import org.presslens.transforms.model.CooccurrenceTable;
import org.presslens.transforms.model.EntityTable;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.OutletTables;

/**
 * An outlet's stored totals less the documents a rerun lost give the terms, dated tables and
 * postings of the outlet's other documents; a segment's entity part with the members it gained
 * adds their terms to its entities.
 */
class TotalsLessLostTest {

  private static final AnalyzedDocument A = doc("a", "2024-01-02", 9, Map.of("nato", 2, "asia", 1, "nato summit", 1),
      new Mention("NATO", "organization", "NATO", 0, 0, 1, Mention.DICTIONARY));
  private static final AnalyzedDocument B = doc("b", "", 5, Map.of("nato", 1, "asia", 2),
      new Mention("NATO", "organization", "Nato", 1, 0, 1, Mention.DICTIONARY),
      new Mention("Jens Stoltenberg", "person", "Jens Stoltenberg", 1, 2, 4, Mention.DICTIONARY));
  private static final AnalyzedDocument D = doc("d", "2024-01-03", 4, Map.of("nato", 4));
  private static final AnalyzedDocument F = doc("f", "2024-01-05", 3, Map.of("only here", 1, "asia", 1),
      new Mention("United States", "location", "U.S.", 0, 1, 2, Mention.DICTIONARY));

  @Test
  void lostDocumentsAreTakenFromTermsDatedTablesAndPostings() {
    Segment less = totalsOf(List.of(A, B, D, F)).totalsWithout(List.of(B.countsOnly(), F.countsOnly()));
    Segment expected = Segment.of("rest", List.of(A, D), id -> false);
    OutletTables tables = less.tables().get("RT").decode();
    assertEquals(expected.tables().get("RT").decode().terms(), tables.terms(), "terms, words and documents of a and d");
    assertEquals(new EntityTable(), tables.entities(), "entities come from the segments");
    assertEquals(new CooccurrenceTable(), tables.cooccurrence(), "co-occurrences come from the segments");
    assertEquals(expected.dated(), less.dated(), "the undated sizes and 2024-01-05 go with b and f");
    assertEquals(expected.postings(), Postings.merge(List.of(less.postings().loaded())));
  }

  @Test
  void noDocumentLeftLeavesNoTotals() {
    assertNull(totalsOf(List.of(A, B)).totalsWithout(List.of(B, A)));
  }

  @Test
  void aPartWithoutLostDocumentsStaysAsStored() {
    Postings parts = Postings.ofParts(List.of(encoded(List.of(A, B)), encoded(List.of(D, F))));
    Postings less = parts.withoutInParts(Set.of("f"));
    assertEquals(2, less.parts().size());
    assertSame(parts.parts().get(0), less.parts().get(0), "the part of a and b is not decoded and encoded again");
    assertEquals(Postings.of(List.of(A, B, D)), Postings.merge(List.of(less.loaded())));
    assertEquals(1, parts.withoutInParts(Set.of("d", "f")).parts().size(), "a part left without documents goes");
  }

  @Test
  void aSegmentsEntityPartWithGainedMembersAddsTheirTerms() {
    Segment segment = Segment.of("s", List.of(A, B, D), id -> false);
    Segment share = segment.entityPart().withTermsOf(List.of(D));
    Segment gained = Segment.of("g", List.of(D), id -> false);
    OutletTables tables = share.tables().get("RT").decode();
    OutletTables all = segment.tables().get("RT").decode();
    assertEquals(gained.tables().get("RT").decode().terms(), tables.terms());
    assertEquals(all.entities(), tables.entities());
    assertEquals(all.cooccurrence(), tables.cooccurrence());
    assertEquals(gained.dated(), share.dated());
    assertEquals(gained.postings(), share.postings());
    assertTrue(segment.entityPart().dated().isEmpty(), "an entity part alone has no dated tables");
  }

  /** An outlet's totals as {@link SegmentStore#readTotals} gives them: postings as two stored parts. */
  private static Segment totalsOf(List<AnalyzedDocument> docs) {
    Segment sum = Segment.of("sum", docs, id -> false);
    int half = docs.size() / 2;
    Postings parts = Postings.ofParts(List.of(encoded(docs.subList(0, half)), encoded(docs.subList(half, docs.size()))));
    return new Segment("totals-run-rt", new ArrayList<>(), sum.tables(), sum.dated(), parts);
  }

  private static Postings encoded(List<AnalyzedDocument> docs) {
    UnsynchronizedByteArrayOutputStream bytes = ByteIo.output();
    try {
      StateCoders.encodePart(Postings.of(docs), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Postings.encodedPart(bytes.toByteArray());
  }

  private static AnalyzedDocument doc(String id, String published, long tokens, Map<String, Integer> counts,
      Mention... mentions) {
    return new AnalyzedDocument(id, "RT", published, "", id + ".txt", "UTF-8", "", "", 0, 2, tokens, counts.size(),
        new HashMap<>(counts), new ArrayList<>(List.of(mentions)), new HashMap<>());
  }
}
