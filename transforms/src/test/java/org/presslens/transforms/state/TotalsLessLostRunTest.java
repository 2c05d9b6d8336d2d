package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.reports.DocumentTables;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TextOptions;

/**
 * A rerun without one of the last run's documents takes the stored totals less what it counted:
 * the totals carry the outlet's terms without it, and the kept and rebuilt segments only the
 * entity parts of their tables of that outlet; another outlet's totals stand whole.
 */
@ExtendWith(TestPipelineExtension.class)
class TotalsLessLostRunTest {

  @TempDir Path dir;

  @Test
  void aRemovedDocumentIsTakenFromTheTotalsAndTheSegmentsAddTheirEntityParts(TestPipeline pipeline) throws IOException {
    SegmentStore store = new SegmentStore(dir.resolve("state").toString());
    String data = Files.createDirectories(dir.resolve("data")).toString();
    List<SourceDocument> docs = List.of(doc("a", "NATO met in Madrid."), doc("b", "Ministers agreed on grain."),
        doc("c", "NATO agreed on shipping."), doc("d", "Grain ships left Odesa."),
        new SourceDocument("g", "GT", "", "", "g.txt", "UTF-8", "Grain prices rose in Kyiv."));
    // the segments of two runs, and the outlets' totals as the last of them stored them
    store(docs.subList(0, 2), store, data, "r0");
    store(docs.subList(2, 5), store, data, "r1");
    Map<String, List<Member>> live = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir.resolve("state").resolve("segments"))) {
      for (Path members : files.filter(f -> f.toString().endsWith(".members")).toList()) {
        String id = members.getFileName().toString().replace(".members", "");
        live.put(id, store.readMembers(id));
      }
    }
    assertTrue(live.size() >= 2, "a segment or more per run");
    Segment all = Segment.of("all", analysed(docs), id -> false);
    for (KV<String, Segment> outlet : all.datedParts()) {
      store.writeTotalTables("r1", outlet.getKey(), all.tables().get(outlet.getKey()).decode());
      store.writeTotals("r1", outlet.getKey(), outlet.getValue());
    }
    List<String> totals;
    try (Stream<Path> files = Files.list(dir.resolve("state").resolve("totals"))) {
      totals = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".bin")).map(f -> f.replace(".bin", ""))
          .sorted().toList();
    }

    List<SourceDocument> rest = List.of(docs.get(0), docs.get(2), docs.get(3), docs.get(4)); // b removed
    PCollection<Segment> segments = pipeline.apply(Create.of(rest))
        .apply(UpdateSegments.of(analysis(), null, DocumentTables.in(data, "", false)).keptIn(store, live, "r2", totals))
        .get(UpdateSegments.SEGMENTS);
    OutletTables gt = all.tables().get("GT").decode();

    OutletTables expected = Segment.of("rest", analysed(rest.subList(0, 3)), id -> false).tables().get("RT").decode();
    PAssert.that(segments).satisfies(out -> {
      List<Segment> stored = new ArrayList<>();
      List<Segment> others = new ArrayList<>();
      out.forEach(s -> (SegmentStore.isTotals(s.id()) ? stored : others).add(s));
      assertEquals(2, stored.size(), "the outlets' totals");
      stored.sort((x, y) -> x.tables().firstKey().compareTo(y.tables().firstKey()));
      assertEquals(gt.terms(), stored.get(0).tables().get("GT").decode().terms(), "GT lost nothing: its totals stand whole");
      OutletTables less = stored.get(1).tables().get("RT").decode();
      assertEquals(expected.terms(), less.terms(), "the totals' terms less b's");
      assertTrue(less.entities().entities().isEmpty(), "entities come from the segments");
      assertEquals(List.of("a", "c", "d", "g"), others.stream().flatMap(s -> s.members().stream()).map(Member::docId)
          .sorted().toList(), "the kept and rebuilt segments' members");
      for (Segment s : others) {
        assertTrue(!s.tables().containsKey("GT"), s.id() + " adds nothing of GT, whose totals stand whole");
        assertTrue(!s.tables().containsKey("RT") || s.tables().get("RT").isEntityPart(), s.id() + " adds its entity part only");
        assertTrue(s.dated().isEmpty(), s.id() + " adds no dated tables");
      }
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  private static void store(List<SourceDocument> docs, SegmentStore store, String data, String runId) {
    Pipeline run = Pipeline.create(PipelineOptionsFactory.create());
    run.apply(Create.of(docs)).apply(AnalyzeIntoSegments.of(analysis(), null, DocumentTables.in(data, "", false))
        .storedIn(store, runId));
    run.run().waitUntilFinish();
  }

  private static List<AnalyzedDocument> analysed(List<SourceDocument> docs) {
    AnalyzeDocuments.Analyzer analyzer = analysis().newAnalyzer();
    return docs.stream().map(analyzer::analyze).toList();
  }

  private static SourceDocument doc(String id, String text) {
    return new SourceDocument(id, "RT", "", "", id + ".txt", "UTF-8", text);
  }

  private static AnalyzeDocuments analysis() {
    return AnalyzeDocuments.withoutEntities(new TextOptions(StopWords.english(), 1, false, false));
  }
}
