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
    List<SourceDocument> docs = new ArrayList<>();
    Map<String, List<Member>> live = new TreeMap<>();
    StringBuilder manyTerms = new StringBuilder("Ministers listed");
    for (int i = 0; i < 1_000; i++) {
      manyTerms.append(' ').append((char) ('a' + i % 26)).append((char) ('a' + i / 26 % 26)).append("word");
    }
    SourceDocument heavy = new SourceDocument("heavy", "RT", "", "", "h.txt", "UTF-8", manyTerms + ".");
    for (int i = 0; i < SEGMENTS; i++) {
      SourceDocument doc = new SourceDocument(String.format("d%02d", i), i % 2 == 0 ? "RT" : "GT", "", "", "d.txt", "UTF-8",
          "NATO met in Madrid on day " + i + ". Ministers agreed on " + (i % 3 == 0 ? "grain" : "shipping") + ".");
      docs.add(doc);
      // one run per document: each makes a segment of its own, as reruns with a new document each do
      Pipeline first = Pipeline.create(PipelineOptionsFactory.create());
      first.apply(Create.of(doc)).apply(AnalyzeIntoSegments.of(analysis(), null, DocumentTables.in(data, "", false))
          .storedIn(store, "r" + i));
      first.run().waitUntilFinish();
    }
    Pipeline first = Pipeline.create(PipelineOptionsFactory.create());
    first.apply(Create.of(heavy)).apply(AnalyzeIntoSegments.of(analysis(), null, DocumentTables.in(data, "", false))
        .storedIn(store, "rh"));
    first.run().waitUntilFinish();
    try (var files = Files.list(dir.resolve("state").resolve("segments"))) {
      for (Path members : files.filter(f -> f.toString().endsWith(".members")).toList()) {
        String id = members.getFileName().toString().replace(".members", "");
        live.put(id, store.readMembers(id));
      }
    }
    assertEquals(SEGMENTS + 1, live.size(), "a segment per document");
    List<SourceDocument> all = new ArrayList<>(docs);
    all.add(heavy);

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

  private static AnalyzeDocuments analysis() {
    return AnalyzeDocuments.withoutEntities(new TextOptions(StopWords.english(), 1, false, false));
  }
}
