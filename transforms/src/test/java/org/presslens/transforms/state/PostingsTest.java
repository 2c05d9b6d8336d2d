package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.presslens.transforms.TestDocuments.analyzed;
import static org.presslens.transforms.TestDocuments.ids;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.model.AnalyzedDocument;

class PostingsTest {

  @TempDir
  Path dir;

  private static final List<AnalyzedDocument> DOCS = List.of(
      analyzed("d", "RT", 10, Map.of("nato", 2, "asia", 1)),
      analyzed("a", "RT", 5, Map.of("nato", 1, "zoo", 1)),
      analyzed("c", "Global Times", 7, Map.of("asia", 3, "peace", 1)),
      analyzed("b", "RT", 4, Map.of("peace", 2)));

  @Test
  void findsEachOutletsFirstDocumentsOfATerm() {
    Postings postings = Postings.of(DOCS);
    assertArrayEquals(new String[] {"a", "b", "c", "d"}, postings.docIds());
    assertEquals(List.of("a", "d"), ids(postings.firstDocuments("nato", "RT", 5)));
    assertEquals(List.of("a"), ids(postings.firstDocuments("nato", "RT", 1)));
    assertEquals(List.of("c"), ids(postings.firstDocuments("asia", "Global Times", 5)));
    assertEquals(List.of("d"), ids(postings.firstDocuments("asia", "RT", 5)));
    assertEquals(List.of(), ids(postings.firstDocuments("nato", "Global Times", 5)));
    assertEquals(List.of(), ids(postings.firstDocuments("china", "RT", 5)));
    assertEquals(List.of("asia", "nato", "peace", "zoo"),
        IntStream.range(0, postings.termCount()).mapToObj(postings::term).toList(), "terms sorted");
  }

  @Test
  void firstDocumentsAreAsFewAsHoldTheLinesTogether() {
    Postings postings = Postings.of(List.of(
        analyzed("a", "RT", 9, Map.of("war", 3)),
        analyzed("b", "RT", 9, Map.of("war", 1)),
        analyzed("c", "RT", 9, Map.of("war", 5)),
        analyzed("d", "RT", 900, Map.of("war", 1000)),
        analyzed("e", "RT", 9, Map.of("war", 1))));
    assertEquals(List.of("a"), ids(postings.firstDocuments("war", "RT", 3)));
    assertEquals(List.of("a", "b"), ids(postings.firstDocuments("war", "RT", 4)));
    assertEquals(List.of("a", "b", "c"), ids(postings.firstDocuments("war", "RT", 5)));
    assertEquals(List.of(3, 1, 5), postings.firstDocuments("war", "RT", 5).stream().map(Postings.Occurrences::count).toList());
    // d's count is kept as the cap, a lower bound: e is named too, as a document that may be needed
    assertEquals(List.of("a", "b", "c", "d"), ids(postings.firstDocuments("war", "RT", 264)));
    assertEquals(List.of("a", "b", "c", "d", "e"), ids(postings.firstDocuments("war", "RT", 265)));
    assertEquals(Postings.COUNT_CAP, postings.firstDocuments("war", "RT", 300).get(3).count());
  }

  @Test
  void countsSurviveAnOutletsPartMergingAndTheCoder() throws IOException {
    Postings all = Postings.of(DOCS);
    Postings merged = Postings.merge(List.of(Postings.of(DOCS.subList(2, 4)), Postings.of(DOCS.subList(0, 2))));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StateCoders.encodePostings(merged, bytes);
    Postings back = StateCoders.decodePostings(new ByteArrayInputStream(bytes.toByteArray())).loaded();
    // RT's nato: a once, d twice
    for (Postings p : List.of(all, merged, back, all.of("RT"))) {
      assertEquals(List.of(1, 2), p.firstDocuments("nato", "RT", 9).stream().map(Postings.Occurrences::count).toList());
    }
    assertEquals(List.of(3), back.firstDocuments("asia", "Global Times", 9).stream().map(Postings.Occurrences::count).toList());
  }

  /**
   * Spilled postings wait in a file whose name is all a segment's coder writes of them; read back
   * they are the same postings, and nothing reads them before they are loaded.
   */
  @Test
  void spilledPostingsWaitInAFileAndReadBackTheSame() throws IOException {
    Postings postings = Postings.of(DOCS);
    Postings spilled = postings.spilledInto(dir.toString(), 1);
    assertTrue(spilled.spilled());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "one file");
    }
    assertEquals(postings, spilled.loaded());
    assertEquals(List.of("a", "d"), ids(spilled.loaded().firstDocuments("nato", "RT", 5)));
    assertThrows(IllegalStateException.class, () -> spilled.firstDocuments("nato", "RT", 5));
    assertThrows(IllegalStateException.class, () -> Postings.merge(List.of(spilled, postings)));

    Segment segment = new Segment("s", new ArrayList<>(), new java.util.TreeMap<>(), new java.util.TreeMap<>(), spilled);
    byte[] coded = CoderUtils.encodeToByteArray(StateCoders.SegmentCoder.INSTANCE, segment);
    assertTrue(coded.length < 200, "the segment crosses with the file's name: " + coded.length + " bytes");
    Segment back = CoderUtils.decodeFromByteArray(StateCoders.SegmentCoder.INSTANCE, coded);
    assertTrue(back.postings().spilled());
    assertEquals(postings, back.postings().loaded());

    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    StateCoders.encodePostings(spilled, stored);
    assertEquals(postings, StateCoders.decodePostings(new ByteArrayInputStream(stored.toByteArray())),
        "the store writes the content of spilled postings");
  }

  @Test
  void smallPostingsStayInMemory() {
    Postings postings = Postings.of(DOCS);
    Postings kept = postings.spilledInto(dir.toString(), 1 << 20);
    assertSame(postings, kept);
    assertFalse(kept.spilled());
    assertSame(kept, kept.loaded());
  }

  @Test
  void anOutletsPartIsThePostingsOfItsDocumentsAlone() {
    Postings all = Postings.of(DOCS);
    assertEquals(Postings.of(DOCS.stream().filter(d -> d.outlet().equals("RT")).toList()), all.of("RT"));
    assertEquals(Postings.of(DOCS.stream().filter(d -> d.outlet().equals("Global Times")).toList()), all.of("Global Times"));
  }

  @Test
  void mergedPartsAreThePostingsOfAllTheirDocuments() {
    Postings merged = Postings.merge(List.of(Postings.of(DOCS.subList(0, 2)), Postings.of(DOCS.subList(2, 4))));
    assertEquals(Postings.of(DOCS), merged);
  }

  @Test
  void mergesPartsWhoseDocumentsAndTermsInterleave() {
    // d and a hold nato, c and b peace; each part's documents fall between the other parts'
    List<Postings> parts = List.of(Postings.of(List.of(DOCS.get(0))), Postings.of(List.of(DOCS.get(1), DOCS.get(2))),
        Postings.of(List.of(DOCS.get(3))));
    Postings merged = Postings.merge(parts);
    assertEquals(Postings.of(DOCS), merged);
    assertEquals(List.of("a", "d"), ids(merged.firstDocuments("nato", "RT", 5)));
    assertEquals(List.of("b"), ids(merged.firstDocuments("peace", "RT", 5)));
    assertEquals(Postings.of(DOCS), Postings.merge(List.of(parts.get(2), parts.get(0), parts.get(1))), "in any order");
  }

  @Test
  void readsBackWhatItWritesAndTermsStoredInAnyOrder() throws IOException {
    Postings postings = Postings.of(DOCS);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StateCoders.encodePostings(postings, bytes);
    assertEquals(postings, StateCoders.decodePostings(new ByteArrayInputStream(bytes.toByteArray())));

    // the same postings with the terms in another order, as files written from a hash map hold them
    ByteArrayOutputStream unsorted = new ByteArrayOutputStream();
    VarIntCoder ints = VarIntCoder.of();
    StringUtf8Coder strings = StringUtf8Coder.of();
    ints.encode(postings.docIds().length, unsorted);
    for (int d = 0; d < postings.docIds().length; d++) {
      strings.encode(postings.docIds()[d], unsorted);
      strings.encode(postings.outlets()[d], unsorted);
    }
    ints.encode(postings.termCount(), unsorted);
    for (int t = postings.termCount() - 1; t >= 0; t--) {
      strings.encode(postings.term(t), unsorted);
      ints.encode(postings.documentCount(t), unsorted);
      int previous = 0;
      for (int i = 0; i < postings.documentCount(t); i++) {
        int count = postings.count(t, i);
        ints.encode((postings.position(t, i) - previous) << 1 | (count > 1 ? 1 : 0), unsorted);
        if (count > 1) {
          ints.encode(count, unsorted);
        }
        previous = postings.position(t, i);
      }
    }
    assertEquals(postings, StateCoders.decodePart(new ByteArrayInputStream(unsorted.toByteArray())));
  }

  /**
   * Postings of several parts answer as the postings of all their documents, also where the parts'
   * documents interleave, and cross the coder part by part: a part read back is written again as
   * the same bytes, without being decoded.
   */
  @Test
  void partsAnswerAsTheirMergeAndPassThroughTheCoderEncoded() throws IOException {
    List<AnalyzedDocument> docs = List.of(
        analyzed("a", "RT", 9, Map.of("war", 3, "nato", 1)),
        analyzed("b", "RT", 9, Map.of("war", 1)),
        analyzed("c", "RT", 9, Map.of("war", 5, "nato", 2)),
        analyzed("d", "Global Times", 9, Map.of("war", 2)),
        analyzed("e", "RT", 9, Map.of("war", 1)));
    Postings whole = Postings.of(docs);
    Postings parts = Postings.ofParts(List.of(Postings.of(List.of(docs.get(1), docs.get(4))),
        Postings.of(List.of(docs.get(0), docs.get(3))), Postings.of(List.of(docs.get(2)))));
    assertEquals(3, parts.parts().size());
    assertEquals(whole, parts);
    for (int lines : new int[] {1, 3, 4, 5, 9, 10, 300}) {
      for (String term : List.of("war", "nato", "peace")) {
        for (String outlet : List.of("RT", "Global Times")) {
          assertEquals(whole.firstDocuments(term, outlet, lines), parts.firstDocuments(term, outlet, lines),
              term + " " + outlet + " " + lines);
        }
      }
    }
    assertEquals(whole.of("RT"), parts.of("RT"));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StateCoders.encodePostings(parts, bytes);
    Postings back = StateCoders.decodePostings(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(3, back.parts().size());
    assertThrows(IllegalStateException.class, () -> back.firstDocuments("war", "RT", 5), "still encoded");
    assertEquals(parts.firstDocuments("war", "RT", 5), back.loaded().firstDocuments("war", "RT", 5));
    Postings again = Postings.ofParts(List.of(back, Postings.of(List.of(analyzed("f", "RT", 9, Map.of("war", 1))))));
    assertEquals(4, again.parts().size());
    for (int i = 0; i < 3; i++) {
      assertSame(back.parts().get(i).partBytes(), again.parts().get(i).partBytes(), "part " + i + " not decoded");
    }
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
    StateCoders.encodePostings(back, rewritten);
    assertArrayEquals(bytes.toByteArray(), rewritten.toByteArray());
  }

  /**
   * Sums keep stored parts as they are and merge the ones a run built into one part, up to
   * {@link Postings#MAX_PARTS} parts; beyond that they merge all, with the same documents.
   */
  @Test
  void combinedSumsKeepStoredPartsAndMergeWhenTheyWouldHaveTooMany() throws IOException {
    List<AnalyzedDocument> docs = new ArrayList<>();
    for (int i = 0; i < Postings.MAX_PARTS + 2; i++) {
      docs.add(analyzed("doc" + i, "RT", 9, Map.of("war", i + 1)));
    }
    List<Postings> built = new ArrayList<>();
    for (AnalyzedDocument doc : docs) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      StateCoders.encodePostings(Postings.of(List.of(doc)), bytes);
      built.add(StateCoders.decodePostings(new ByteArrayInputStream(bytes.toByteArray())));
    }
    Postings first = Postings.combined(List.of(), built.subList(0, 3));
    assertEquals(1, first.parts().size(), "a run's own parts merged");
    assertEquals(Postings.of(docs.subList(0, 3)), first);

    Postings stored = Postings.ofParts(built.subList(0, Postings.MAX_PARTS - 1));
    Postings next = Postings.combined(List.of(stored), built.subList(Postings.MAX_PARTS - 1, Postings.MAX_PARTS + 1));
    assertEquals(Postings.MAX_PARTS, next.parts().size(), "the stored parts and one of the new documents");
    for (int i = 0; i < Postings.MAX_PARTS - 1; i++) {
      assertSame(stored.parts().get(i).partBytes(), next.parts().get(i).partBytes(), "stored part " + i + " not decoded");
    }
    assertEquals(Postings.of(docs.subList(0, Postings.MAX_PARTS + 1)), next);

    Postings merged = Postings.combined(List.of(next), List.of(built.get(Postings.MAX_PARTS + 1)));
    assertEquals(1, merged.parts().size(), "one part beyond " + Postings.MAX_PARTS);
    assertEquals(Postings.of(docs), merged);
  }
}
