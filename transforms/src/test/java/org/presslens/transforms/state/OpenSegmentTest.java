package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.presslens.transforms.TestDocuments.analyzed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.parquet.ParquetTables;
import org.presslens.transforms.reports.DocumentTables;

/** A task the runner repeats builds the same segment again: its files replace the first ones. */
class OpenSegmentTest {

  @TempDir Path dir;

  private static final List<AnalyzedDocument> DOCS = List.of(
      analyzed("b", "RT", 10, Map.of("nato", 2, "asia", 1)),
      analyzed("a", "RT", 5, Map.of("nato", 1)));

  private Segment build(SegmentStore store, DocumentTables terms, List<AnalyzedDocument> docs) throws IOException {
    try (OpenSegment open = OpenSegment.start("r1", store, terms)) {
      docs.forEach(doc -> open.add(doc, false));
      return open.finish();
    }
  }

  private static List<String> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * A segment's document_terms rows read back by DuckDB: every term of every document with its
   * count, rate per 10,000 words and rank among the document's terms of its n.
   */
  @Test
  void writesEachDocumentsTermRows() throws Exception {
    DocumentTables terms = DocumentTables.in(dir.resolve("data").toString(), "", true);
    build(null, terms, List.of(DOCS.get(0), DOCS.get(1), analyzed("c", "AP", 4, Map.of("asia", 3, "nato summit", 1))));
    assertEquals(List.of(
            List.of("a", "RT", "nato", 1L, 1L, 2000.0, 1L),
            List.of("b", "RT", "asia", 1L, 1L, 1000.0, 2L),
            List.of("b", "RT", "nato", 1L, 2L, 2000.0, 1L),
            List.of("c", "AP", "asia", 1L, 3L, 7500.0, 1L),
            List.of("c", "AP", "nato summit", 2L, 1L, 2500.0, 1L)),
        ParquetTables.read(dir.resolve("data").resolve("document_terms"), "ORDER BY doc_id, term"));
  }

  @Test
  void theSameDocumentsGiveTheSameSegmentAndOneSetOfFiles() throws IOException {
    SegmentStore store = new SegmentStore(dir.resolve("state").toString());
    DocumentTables terms = DocumentTables.in(dir.resolve("data").toString(), "", true);
    Segment first = build(store, terms, DOCS);
    Segment again = build(store, terms, List.of(DOCS.get(1), DOCS.get(0))); // another order, the same members
    assertEquals(first.id(), again.id());
    assertEquals(first, store.readSegment(again.id()));
    assertEquals(List.of(first.members().get(0).part() + ".parquet"), files(dir.resolve("data").resolve("document_terms")));
    assertEquals(first.members().get(0).part(), first.members().get(1).part(), "one part");
    assertEquals(List.of(first.id() + ".docs", first.id() + ".members", first.id() + ".tables"),
        files(dir.resolve("state").resolve("segments")));
    assertEquals(true, first.id().startsWith("r1-") && first.analysedIn("r1"));

    Segment other = build(store, terms, List.of(DOCS.get(0)));
    assertNotEquals(first.id(), other.id(), "other members, another segment");
  }

  /**
   * A recomputed bundle whose documents came in another order may be cut into other segments and
   * parts; once the run knows the parts it ends with, the first attempt's files go.
   */
  @Test
  void filesOfPartsTheRunDidNotEndWithAreRemoved() throws IOException {
    DocumentTables terms = DocumentTables.in(dir.resolve("data").toString(), "", true);
    Segment firstAttempt = build(null, terms, DOCS);
    Segment secondA = build(null, terms, List.of(DOCS.get(1)));
    Segment secondB = build(null, terms, List.of(DOCS.get(0)));
    List<String> parts = List.of(secondA.members().get(0).part(), secondB.members().get(0).part());
    Pipeline pipeline = Pipeline.create();
    pipeline.apply(Create.of(KV.of((Void) null, (Iterable<String>) parts))
            .withCoder(KvCoder.of(VoidCoder.of(), IterableCoder.of(StringUtf8Coder.of()))))
        .apply(ParDo.of(terms.removeOthersFn()));
    pipeline.run().waitUntilFinish();
    for (String table : List.of("document_terms", "entity_mentions")) {
      assertEquals(parts.stream().map(p -> p + ".parquet").sorted().toList(),
          files(dir.resolve("data").resolve(table)), table + " without " + firstAttempt.members().get(0).part());
    }
  }

  /**
   * A part is complete once its documents have the rows it is sized for: each member names the
   * part that holds its rows (the run and a hash of the part's doc_ids), a copy none, and each part's
   * file holds the rows of its members only.
   */
  @Test
  void aSegmentsDocumentsAreCutIntoPartsThatTheirMembersName() throws Exception {
    DocumentTables terms = DocumentTables.in(dir.resolve("data").toString(), "", false).partRows(3);
    Segment segment;
    try (OpenSegment open = OpenSegment.start("r1", null, terms)) {
      open.add(DOCS.get(0), false); // 2 rows
      open.add(DOCS.get(1), false); // 1 row: the part is complete
      open.add(analyzed("c", "AP", 4, Map.of("asia", 3)), true);
      open.add(analyzed("d", "AP", 4, Map.of("asia", 3, "nato", 1)), false);
      segment = open.finish();
    }
    Map<String, String> partOf = new java.util.TreeMap<>();
    segment.members().forEach(m -> partOf.put(m.docId(), m.part()));
    assertEquals("", partOf.get("c"), "a copy has no rows");
    assertEquals(partOf.get("a"), partOf.get("b"));
    assertNotEquals(partOf.get("a"), partOf.get("d"));
    assertEquals("r1-part-" + Segment.idsHash(List.of("a", "b")), partOf.get("a"));
    assertEquals(List.of(partOf.get("a") + ".parquet", partOf.get("d") + ".parquet").stream().sorted().toList(),
        files(dir.resolve("data").resolve("document_terms")));
    Path folder = dir.resolve("data").resolve("document_terms");
    assertEquals(List.of(List.of("a"), List.of("b")), ParquetTables.query("SELECT DISTINCT doc_id FROM read_parquet('"
        + folder.resolve(partOf.get("a") + ".parquet") + "') ORDER BY doc_id"));
    assertEquals(List.of(List.of("d")), ParquetTables.query("SELECT DISTINCT doc_id FROM read_parquet('"
        + folder.resolve(partOf.get("d") + ".parquet") + "')"));
  }
}
