package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.presslens.transforms.TestDocuments.analyzed;
import static org.presslens.transforms.TestDocuments.ids;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.model.AnalyzedDocument;

/**
 * The totals a rerun starts from: an outlet's share of several segments, summed, is that outlet's
 * share of one segment of all their documents (dated tables, postings), and the totals (with the
 * outlet's tables) read back from the store as written.
 */
class TotalsTest {

  @TempDir Path dir;

  private static final List<AnalyzedDocument> DOCS = List.of(
      analyzed("d", "RT", 10, Map.of("nato", 2, "asia", 1)),
      analyzed("a", "RT", 5, Map.of("nato", 1)),
      analyzed("c", "Global Times", 7, Map.of("asia", 3, "peace", 1)),
      analyzed("b", "RT", 4, Map.of("peace", 2)),
      analyzed("e", "Global Times", 3, Map.of("nato", 1)));

  private static Segment segment(List<AnalyzedDocument> docs) {
    return Segment.of("s", docs, id -> false);
  }

  /** An outlet's share of a segment ({@link Segment#datedParts}); empty when it has no document of the outlet. */
  private static Segment share(Segment segment, String outlet) {
    return segment.datedParts().stream().filter(kv -> kv.getKey().equals(outlet)).map(kv -> kv.getValue())
        .findFirst().orElse(Segment.ofMembers("s", List.of()));
  }

  private static Segment sum(List<Segment> parts) {
    CombineFn<Segment, Segment.DatedSum, Segment> fn = Segment.datedSumFn();
    Segment.DatedSum sum = fn.createAccumulator();
    for (Segment part : parts) {
      sum = fn.addInput(sum, part);
    }
    return fn.extractOutput(sum);
  }

  @Test
  void anOutletsSharesOfSegmentsSumToItsShareOfAllDocuments() {
    Segment whole = segment(DOCS);
    List<Segment> pieces = List.of(segment(DOCS.subList(0, 2)), segment(DOCS.subList(2, 4)), segment(DOCS.subList(4, 5)));
    for (String outlet : List.of("RT", "Global Times")) {
      Segment expected = share(whole, outlet);
      Segment summed = sum(pieces.stream().map(p -> share(p, outlet)).toList());
      assertEquals(1, expected.dated().size(), outlet);
      assertEquals(expected.dated(), summed.dated(), outlet);
      assertEquals(expected.postings(), summed.postings(), outlet);
    }
    Postings rt = sum(pieces.stream().map(p -> share(p, "RT")).toList()).postings();
    assertEquals(List.of("b"), ids(rt.firstDocuments("peace", "RT", 5)));
    assertEquals(List.of("a", "d"), ids(rt.firstDocuments("nato", "RT", 5)));
    assertEquals(List.of("e"), ids(sum(pieces.stream().map(p -> share(p, "Global Times")).toList()).postings()
        .firstDocuments("nato", "Global Times", 5)));
  }

  @Test
  void totalsReadBackAsWrittenAndADamagedFileStopsWithAMessage() throws IOException {
    SegmentStore store = new SegmentStore(dir.toString());
    Segment whole = segment(DOCS);
    Segment rt = share(whole, "RT");
    store.writeTotalTables("r1", "RT", whole.tables().get("RT").decode());
    store.writeTotals("r1", "RT", rt);
    Path file;
    try (Stream<Path> files = Files.list(dir.resolve("totals"))) {
      file = files.filter(f -> f.toString().endsWith(".bin")).findFirst().orElseThrow();
    }
    String id = file.getFileName().toString().replace(".bin", "");
    assertTrue(SegmentStore.isTotals(id) && !SegmentStore.isSegment(id), id);
    Segment back = store.readTotals(id);
    assertEquals(java.util.Map.of("RT", whole.tables().get("RT")), back.tables());
    assertEquals(rt.dated(), back.dated());
    assertEquals(rt.postings(), back.postings());
    assertEquals(List.of(), back.members());

    // the next run's sum: the totals' postings stay encoded beside the new documents' part
    Segment next = sum(List.of(share(back, "RT"), share(segment(List.of(analyzed("f", "RT", 3, Map.of("nato", 4)))), "RT")));
    assertEquals(2, next.postings().parts().size());
    assertSame(back.postings().parts().get(0).partBytes(), next.postings().parts().get(0).partBytes(), "not decoded");
    assertEquals(List.of("a", "d"), ids(next.postings().loaded().firstDocuments("nato", "RT", 3)));
    assertEquals(List.of("a", "d", "f"), ids(next.postings().loaded().firstDocuments("nato", "RT", 4)));

    for (String kind : List.of(".bin", ".tables")) {
      Path part = file.resolveSibling(id + kind);
      byte[] bytes = Files.readAllBytes(part);
      Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length - 3));
      IOException damaged = assertThrows(IOException.class, () -> store.readTotals(id));
      assertTrue(damaged.getMessage().contains("is damaged") && damaged.getMessage().contains(part.getFileName().toString()),
          damaged.getMessage());
      Files.write(part, bytes);
    }
  }

  @Test
  void spilledTotalsSumAndStoreAsTheyDoInMemory() throws IOException {
    SegmentStore store = new SegmentStore(dir.resolve("cache").toString());
    Segment whole = segment(DOCS);
    store.writeTotalTables("r1", "RT", whole.tables().get("RT").decode());
    store.writeTotals("r1", "RT", share(whole, "RT"));
    String id;
    try (Stream<Path> files = Files.list(dir.resolve("cache").resolve("totals"))) {
      id = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".bin")).findFirst().orElseThrow()
          .replace(".bin", "");
    }
    Segment back = store.readTotals(id);
    String spill = dir.resolve("spill").toString();
    Segment spilled = back.spilledInto(spill, 0);
    assertTrue(spilled.postings().spilled() && spilled.tables().get("RT").spilled(), "in files");
    assertSame(back, back.spilledInto(null, 0), "no spill folder");
    assertSame(back.postings(), back.spilledInto(spill, Integer.MAX_VALUE).postings(), "too small to spill");
    assertEquals(back.tables().get("RT").decode(), spilled.tables().get("RT").decode());

    Segment added = share(segment(List.of(analyzed("f", "RT", 3, Map.of("nato", 4)))), "RT");
    Segment fromMemory = sum(List.of(share(back, "RT"), added));
    Segment fromFiles = sum(List.of(share(spilled, "RT"), added));
    assertEquals(fromMemory.dated(), fromFiles.dated());
    assertEquals(2, fromFiles.postings().parts().size());
    assertEquals(List.of("a", "d", "f"), ids(fromFiles.postings().loaded().firstDocuments("nato", "RT", 4)));
    store.writeTotals("r2", "RT", fromMemory);
    store.writeTotals("r3", "RT", fromFiles);
    try (Stream<Path> files = Files.list(dir.resolve("cache").resolve("totals"))) {
      List<Path> written = files.filter(f -> f.toString().endsWith(".bin") && !f.getFileName().toString().contains("r1"))
          .sorted().toList();
      assertEquals(2, written.size());
      assertArrayEquals(Files.readAllBytes(written.get(0)), Files.readAllBytes(written.get(1)), "the same totals file");
    }
  }
}
