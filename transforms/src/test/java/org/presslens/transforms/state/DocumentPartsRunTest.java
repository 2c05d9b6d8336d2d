package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.parquet.ParquetTables;
import org.presslens.transforms.reports.DocumentTables;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TextOptions;

/**
 * A rerun without one of the last run's documents rewrites the part of the per-document tables
 * that held its rows, with the rest of that part's documents, and leaves every other part's file
 * as it was, also in the segment it rebuilds; the tables then hold what a run from scratch writes.
 */
class DocumentPartsRunTest {

  @TempDir Path dir;

  private static final List<SourceDocument> DOCS = List.of(doc("a", "NATO met in Madrid."),
      doc("b", "Ministers agreed on grain."), doc("c", "NATO agreed on shipping."), doc("d", "Grain ships left Odesa."));

  @Test
  void aRemovalRewritesOnlyThePartThatHeldTheDocument() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Map<String, String> partsBefore = firstRun(data, 1); // a part per document
    Map<String, FileTime> timesBefore = times(data);
    Thread.sleep(20); // a file written again would have a later time

    Map<String, String> partsAfter = rerunWithout("b", data, 1);

    assertEquals(3, partsAfter.size());
    partsAfter.forEach((doc, part) -> assertEquals(partsBefore.get(doc), part, doc + " keeps its part"));
    Map<String, FileTime> timesAfter = times(data);
    timesBefore.remove(partsBefore.get("b") + ".parquet");
    assertEquals(timesBefore, timesAfter, "the other parts' files as they were, b's gone");
    assertEquals(scratch(), rows(data));
  }

  @Test
  void aPartThatLostADocumentIsWrittenAgainWithItsOtherDocuments() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Map<String, String> partsBefore = firstRun(data, 1_000); // one part
    assertEquals(1, Set.copyOf(partsBefore.values()).size());

    Map<String, String> partsAfter = rerunWithout("b", data, 1_000);

    assertEquals(1, Set.copyOf(partsAfter.values()).size());
    assertNotEquals(partsBefore.get("a"), partsAfter.get("a"), "a new part without b");
    assertEquals(List.of(partsAfter.get("a") + ".parquet"), List.copyOf(times(data).keySet()));
    assertEquals(scratch(), rows(data));
  }

  /** The last run: the documents analysed into segments of parts of about {@code partRows} rows. */
  private Map<String, String> firstRun(Path data, int partRows) {
    SegmentStore store = new SegmentStore(dir.resolve("state").toString());
    // one element's outputs, one bundle, one segment: whether documents share a part is up to its rows
    Pipeline first = Pipeline.create(PipelineOptionsFactory.create());
    first.apply(Create.of("all")).apply(FlatMapElements.into(TypeDescriptor.of(SourceDocument.class)).via(all -> DOCS))
        .apply(AnalyzeIntoSegments.of(analysis(), null,
        DocumentTables.in(data.toString(), "", false).partRows(partRows)).storedIn(store, "r1"));
    first.run().waitUntilFinish();
    return partsOf(live(store));
  }

  /** A rerun on the documents but {@code removed}, with the last run's data folder as its own. */
  private Map<String, String> rerunWithout(String removed, Path data, int partRows) throws IOException {
    SegmentStore store = new SegmentStore(dir.resolve("state").toString());
    Map<String, List<Member>> live = live(store);
    Pipeline rerun = Pipeline.create(PipelineOptionsFactory.create());
    rerun.apply(Create.of(DOCS.stream().filter(d -> !d.docId().equals(removed)).toList()))
        .apply(UpdateSegments.of(analysis(), null, DocumentTables.in(data.toString(), data.toString(), false)
            .partRows(partRows)).keptIn(store, live, "r2", List.of()));
    rerun.run().waitUntilFinish();
    try {
      store.publish("r2");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return partsOf(live(store));
  }

  /** The segments whose files are in the store: the last run's (a first run without its list, a published rerun). */
  private Map<String, List<Member>> live(SegmentStore store) {
    Map<String, List<Member>> live = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir.resolve("state").resolve("segments"))) {
      for (Path members : files.filter(f -> f.toString().endsWith(".members")).toList()) {
        String id = members.getFileName().toString().replace(".members", "");
        live.put(id, store.readMembers(id));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return live;
  }

  private static Map<String, String> partsOf(Map<String, List<Member>> live) {
    Map<String, String> parts = new TreeMap<>();
    live.values().forEach(members -> members.forEach(m -> parts.put(m.docId(), m.part())));
    return parts;
  }

  private static Map<String, FileTime> times(Path data) throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    try (Stream<Path> files = Files.list(data.resolve("document_terms"))) {
      for (Path file : files.toList()) {
        times.put(file.getFileName().toString(), Files.getLastModifiedTime(file));
      }
    }
    return times;
  }

  private static List<List<Object>> rows(Path data) throws Exception {
    return ParquetTables.read(data.resolve("document_terms"), "ORDER BY doc_id, term");
  }

  /** The rows a run from scratch writes for the documents but b. */
  private List<List<Object>> scratch() throws Exception {
    Path data = Files.createDirectories(dir.resolve("scratch"));
    Pipeline run = Pipeline.create(PipelineOptionsFactory.create());
    run.apply(Create.of(DOCS.stream().filter(d -> !d.docId().equals("b")).toList()))
        .apply(AnalyzeIntoSegments.of(analysis(), null, DocumentTables.in(data.toString(), "", false)));
    run.run().waitUntilFinish();
    return rows(data);
  }

  private static SourceDocument doc(String id, String text) {
    return new SourceDocument(id, "RT", "", "", id + ".txt", "UTF-8", text);
  }

  private static AnalyzeDocuments analysis() {
    return AnalyzeDocuments.withoutEntities(new TextOptions(StopWords.english(), 1, false, false));
  }
}
