package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.presslens.transforms.TestDocuments.analyzed;
import static org.presslens.transforms.TestDocuments.ids;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.TermTables;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.model.AnalyzedDocument;

class SegmentStoreTest {

  @TempDir Path dir;

  private static final List<AnalyzedDocument> DOCS = List.of(
      analyzed("b", "RT", 10, Map.of("nato", 2, "asia", 1)),
      analyzed("a", "RT", 5, Map.of("nato", 1)),
      analyzed("c", "RT", 5, Map.of("china", 3)));

  private Segment write(SegmentStore store, String id) throws IOException {
    Segment.Builder builder = new Segment.Builder();
    try (SegmentStore.DocumentsWriter docs = store.startSegment(id)) {
      for (AnalyzedDocument doc : DOCS) {
        builder.add(doc, doc.docId().equals("c"));
        docs.add(doc);
      }
      Segment segment = builder.build(id);
      docs.finish(segment);
      return segment;
    }
  }

  @Test
  void theEntityPartOfTablesIsNeverStoredAsWholeTables() throws IOException {
    SegmentStore store = new SegmentStore(dir.toString());
    Segment whole = Segment.of("r1-y", DOCS, id -> false);
    Segment entityPart = new Segment("r1-y", whole.members(), whole.entityPart().tables(), whole.dated(), whole.postings());
    try (SegmentStore.DocumentsWriter docs = store.startSegment("r1-y")) {
      assertThrows(IllegalStateException.class, () -> docs.finish(entityPart));
    }
    assertNull(store.readMembers("r1-y"), "no segment is stored");
  }

  @Test
  void aTruncatedOrForeignMemoFileGivesNoResultsSoTheyAreComputedAgain() throws IOException {
    SegmentStore store = new SegmentStore(dir.toString());
    String id = SegmentStore.memoId(Memo.WORDS, "r1");
    store.writeMemo(id, new TreeMap<>(Map.of("k1", "12\t5".getBytes(StandardCharsets.UTF_8),
        "k2", "3\t9".getBytes(StandardCharsets.UTF_8))));
    assertEquals("12\t5", new String(store.readMemo(id).get("k1"), StandardCharsets.UTF_8));
    Path file = dir.resolve("memos/" + id + ".bin");
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(whole, whole.length - 3));
    assertEquals(Map.of(), store.readMemo(id), "truncated");
    Files.write(file, "not a memo file at all".getBytes(StandardCharsets.UTF_8));
    assertEquals(Map.of(), store.readMemo(id), "foreign");
    Files.delete(file);
    assertEquals(Map.of(), store.readMemo(id), "missing");
  }

  @Test
  void aSegmentReadsBackWithItsMembersTablesPostingsAndDocuments() throws IOException {
    SegmentStore store = new SegmentStore(dir.toString());
    Segment segment = write(store, "r1-x");
    Segment back = store.readSegment("r1-x");
    assertEquals(segment, back);
    assertEquals(segment.members(), store.readMembers("r1-x"));
    assertEquals(List.of("a", "b", "c"), back.members().stream().map(Member::docId).toList());
    assertTrue(back.members().get(2).copy(), "c is a copy");
    assertEquals(Map.of("nato", 3L, "asia", 1L), TermTables.counts(back.tables().get("RT").decode().terms()), "the copy does not count");
    assertEquals(List.of("a", "b"), ids(back.postings().loaded().firstDocuments("nato", "RT", 5)), "postings in doc_id order");
    assertEquals(List.of("a"), ids(back.postings().loaded().firstDocuments("nato", "RT", 1)));
    assertEquals(List.of(), ids(back.postings().loaded().firstDocuments("china", "RT", 5)), "the copy's terms are not posted");
    List<AnalyzedDocument> docs = new ArrayList<>();
    store.readDocuments("r1-x", docs::add);
    assertEquals(DOCS, docs);
  }

  @Test
  void damagedFilesAreRefusedAndOnlyPublishedSegmentsAreLive() throws IOException {
    SegmentStore store = new SegmentStore(dir.toString());
    write(store, "r1-x");
    write(store, "r1-y");
    assertEquals(List.of(), store.live(), "nothing is live before a run publishes");
    store.writePending("r1", List.of("r1-x", "r1-y"));
    assertEquals(List.of("r1-x", "r1-y"), store.publish("r1"));
    assertEquals(List.of("r1-x", "r1-y"), store.live());

    Path members = dir.resolve("segments/r1-x.members");
    byte[] bytes = Files.readAllBytes(members);
    bytes[bytes.length / 2] ^= 1;
    Files.write(members, bytes);
    assertNull(store.readMembers("r1-x"), "a changed members file fails its checksum");
    Path docs = dir.resolve("segments/r1-y.docs");
    Files.write(docs, "PLDOC1\nnot documents".getBytes());
    assertNull(store.readMembers("r1-y"), "a documents file of another size voids the segment");
    IOException damaged = assertThrows(IOException.class, () -> store.readDocuments("r1-y", d -> {}));
    assertTrue(damaged.getMessage().contains("is damaged") && damaged.getMessage().contains("delete the cache folder"),
        damaged.getMessage());

    write(store, "r2-z");
    store.writePending("r2", List.of("r2-z"));
    store.writePending("killed", List.of("r1-x"));
    store.publish("r2");
    try (Stream<Path> files = Files.list(dir.resolve("segments"))) {
      assertEquals(List.of("r2-z.docs", "r2-z.members", "r2-z.tables"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.notExists(dir.resolve("pending-killed.txt")), "a killed run's list is removed");
    Files.writeString(dir.resolve(SegmentStore.LIVE), "something else\nr2-z\n");
    assertEquals(List.of(), store.live(), "a list that is not ours names no segment");
  }

  @Test
  void aDamagedTablesFileStopsTheRunWithTheRemedy() throws IOException {
    SegmentStore store = new SegmentStore(dir.toString());
    write(store, "r1-x");
    Path tables = dir.resolve("segments/r1-x.tables");
    byte[] bytes = Files.readAllBytes(tables);
    bytes[bytes.length / 2] ^= 1;
    Files.write(tables, bytes);
    assertEquals(3, store.readMembers("r1-x").size(), "the sizes still match: the members are usable");
    IOException damaged = assertThrows(IOException.class, () -> store.readSegment("r1-x"));
    assertTrue(damaged.getMessage().contains("r1-x.tables is damaged"), damaged.getMessage());
  }
}
