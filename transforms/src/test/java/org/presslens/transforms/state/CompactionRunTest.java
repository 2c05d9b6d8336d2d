package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.reports.DocumentTables;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TextOptions;

/**
 * A rerun over more than {@value Compaction#MAX_SMALL} small segments merges them into one,
 * rebuilt from the stored analyses of all their members, with the tables of those members; a
 * heavy segment is kept as it is.
 */
@ExtendWith(TestPipelineExtension.class)
class CompactionRunTest {

  private static final int SEGMENTS = Compaction.MAX_SMALL + 1;

  @TempDir Path dir;

  @Test
  void smallSegmentsAreMergedIntoOneWithAllTheirMembersTables(TestPipeline pipeline) throws IOException {
    SegmentStore store = new SegmentStore(dir.resolve("state").toString());
    String data = Files.createDirectories(dir.resolve("data")).toString();
    List<SourceDocument> docs = smallDocuments();
    Map<String, List<Member>> live = storeASegmentEach(store, data, docs, DocumentTables.PART_ROWS);
    List<SourceDocument> all = new ArrayList<>(docs);
    all.add(HEAVY);

    PCollection<Segment> segments = pipeline.apply(Create.of(all))
        .apply(UpdateSegments.of(analysis(), null, DocumentTables.in(data, "", false)).keptIn(store, live, "r2", List.of()))
        .get(UpdateSegments.SEGMENTS);

    OutletTables rt = new OutletTables();
    OutletTables gt = new OutletTables();
    AnalyzeDocuments.Analyzer analyzer = analysis().newAnalyzer();
    for (SourceDocument doc : docs) {
      (doc.outlet().equals("RT") ? rt : gt).add(analyzer.analyze(doc));
    }
    PAssert.that(segments).satisfies(out -> {
      List<Segment> list = new ArrayList<>();
      out.forEach(list::add);
      list.sort((a, b) -> b.id().compareTo(a.id()));
      assertEquals(2, list.size(), "the heavy segment kept and one merged, nothing analysed");
      assertTrue(list.get(0).id().startsWith("rh-"), "the heavy segment is kept: " + list.get(0).id());
      Segment merged = list.get(1);
      assertTrue(merged.id().startsWith("r2-" + Segment.REBUILT + "-"), merged.id());
      assertEquals(docs.stream().map(SourceDocument::docId).toList(), merged.members().stream().map(Member::docId).toList());
      Map<String, OutletTables> tables = new HashMap<>();
      merged.tables().forEach((outlet, t) -> tables.put(outlet, t.decode()));
      assertEquals(rt.terms(), tables.get("RT").terms());
      assertEquals(gt.terms(), tables.get("GT").terms());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  /**
   * A merge writes the merged segments' small parts of the per-document tables (under a quarter
   * of a complete part's rows) into parts of its own, so that reruns' small files do not pile up,
   * and keeps every other part's files as they are.
   */
  @Test
  void aMergeWritesSmallPartsAgainAndKeepsTheOthers() throws IOException {
    for (int partRows : List.of(DocumentTables.PART_ROWS, 4)) {
      Path folder = Files.createDirectories(dir.resolve("rows-" + partRows));
      SegmentStore store = new SegmentStore(folder.resolve("state").toString());
      String data = Files.createDirectories(folder.resolve("data")).toString();
      List<SourceDocument> docs = smallDocuments();
      Map<String, List<Member>> live = storeASegmentEach(store, data, docs, partRows);
      Map<String, String> before = partsByDocId(live);
      List<SourceDocument> all = new ArrayList<>(docs);
      all.add(HEAVY);

      Pipeline rerun = Pipeline.create(PipelineOptionsFactory.create());
      rerun.apply(Create.of(all)).apply(UpdateSegments.of(analysis(), null, DocumentTables.in(data, data, false)
          .partRows(partRows)).keptIn(store, live, "r2", List.of()));
      rerun.run().waitUntilFinish();
      store.publish("r2");

      Map<String, List<Member>> after = new TreeMap<>();
      store.live().forEach(id -> after.put(id, store.readMembers(id)));
      Map<String, String> parts = partsByDocId(after);
      assertEquals(before.get("heavy"), parts.get("heavy"), "the heavy segment's part");
      for (SourceDocument doc : docs) {
        String part = parts.get(doc.docId());
        if (partRows == DocumentTables.PART_ROWS) {
          assertEquals(parts.get("d00"), part, "the small parts merged into one");
          assertTrue(part.startsWith("r2-"), part);
        } else {
          assertEquals(before.get(doc.docId()), part, "parts of a quarter of their rows or more are kept");
        }
      }
      try (var files = Files.list(Path.of(data, "document_terms"))) {
        assertEquals(Set.copyOf(parts.values()).size(), files.count(), "a file per part");
      }
    }
  }

  private static final SourceDocument HEAVY = heavy();

  private static SourceDocument heavy() {
    StringBuilder manyTerms = new StringBuilder("Ministers listed");
    for (int i = 0; i < 1_000; i++) {
      manyTerms.append(' ').append((char) ('a' + i % 26)).append((char) ('a' + i / 26 % 26)).append("word");
    }
    return new SourceDocument("heavy", "RT", "", "", "h.txt", "UTF-8", manyTerms + ".");
  }

  private static List<SourceDocument> smallDocuments() {
    List<SourceDocument> docs = new ArrayList<>();
    for (int i = 0; i < SEGMENTS; i++) {
      docs.add(new SourceDocument(String.format("d%02d", i), i % 2 == 0 ? "RT" : "GT", "", "", "d.txt", "UTF-8",
          "NATO met in Madrid on day " + i + ". Ministers agreed on " + (i % 3 == 0 ? "grain" : "shipping") + "."));
    }
    return docs;
  }

  /** A run per document, so a segment each, as reruns with a new document each make, and one for the heavy document. */
  private Map<String, List<Member>> storeASegmentEach(SegmentStore store, String data, List<SourceDocument> docs,
      int partRows) throws IOException {
    List<SourceDocument> all = new ArrayList<>(docs);
    all.add(HEAVY);
    for (int i = 0; i < all.size(); i++) {
      Pipeline first = Pipeline.create(PipelineOptionsFactory.create());
      first.apply(Create.of(all.get(i))).apply(AnalyzeIntoSegments.of(analysis(), null,
          DocumentTables.in(data, "", false).partRows(partRows)).storedIn(store, i == docs.size() ? "rh" : "r" + i));
      first.run().waitUntilFinish();
    }
    Map<String, List<Member>> live = new TreeMap<>();
    try (var files = Files.list(Path.of(store.folder()).resolve("segments"))) {
      for (Path members : files.filter(f -> f.toString().endsWith(".members")).toList()) {
        String id = members.getFileName().toString().replace(".members", "");
        live.put(id, store.readMembers(id));
      }
    }
    assertEquals(SEGMENTS + 1, live.size(), "a segment per document");
    return live;
  }

  private static Map<String, String> partsByDocId(Map<String, List<Member>> live) {
    Map<String, String> parts = new TreeMap<>();
    live.values().forEach(members -> members.forEach(m -> parts.put(m.docId(), m.part())));
    return parts;
  }

  private static AnalyzeDocuments analysis() {
    return AnalyzeDocuments.withoutEntities(new TextOptions(StopWords.english(), 1, false, false));
  }
}
