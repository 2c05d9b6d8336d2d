package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.RemoveBoilerplate;
import org.presslens.transforms.boilerplate.BoilerplateHashes;
import org.presslens.transforms.boilerplate.BoilerplateLines;
import org.apache.beam.sdk.values.PCollection;
import org.presslens.transforms.dedup.Duplicate;
import org.presslens.transforms.SpillToFiles;
import org.presslens.transforms.model.DocumentFacts;
import org.presslens.transforms.model.EncodedTables;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.reports.DocumentTables;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TextOptions;

/** Each bundle's documents become segments: every document a member, copies stored but not counted. */
@ExtendWith(TestPipelineExtension.class)
class AnalyzeIntoSegmentsTest {

  @TempDir Path dir;

  @Test
  void documentsAreSummedIntoSegmentsWithCopiesStoredButNotCounted(TestPipeline pipeline) throws IOException {
    SourceDocument a = new SourceDocument("a", "RT", "", "", "a.txt", "UTF-8", "NATO met in Madrid. NATO agreed.");
    SourceDocument b = new SourceDocument("b", "GT", "", "", "b.txt", "UTF-8", "China answered NATO.");
    SourceDocument copy = new SourceDocument("c", "GT", "", "", "c.txt", "UTF-8", "China answered NATO.");
    PCollectionView<Map<String, Duplicate>> copies = pipeline
        .apply("Copies", Create.of(KV.of("c", new Duplicate("c", "GT", "b", "GT", "exact", 1.0))))
        .apply(View.asMap());
    Path data = Files.createDirectories(dir.resolve("data"));
    SegmentStore store = new SegmentStore(dir.resolve("state").toString());

    PCollectionTuple out = pipeline.apply("Docs", Create.of(a, b, copy))
        .apply(AnalyzeIntoSegments.of(AnalyzeDocuments.withoutEntities(new TextOptions(StopWords.english(), 1, false, false)),
            copies, DocumentTables.in(data.toString(), "", true)).storedIn(store, "r1"));

    PAssert.that(out.get(AnalyzeIntoSegments.SEGMENTS)).satisfies(segments -> {
      OutletTables rt = new OutletTables();
      OutletTables gt = new OutletTables();
      List<String> members = new ArrayList<>();
      for (Segment s : segments) {
        assertTrue(s.id().startsWith("r1-"), s.id());
        s.members().forEach(m -> members.add(m.docId() + (m.copy() ? " (copy)" : "")));
        if (s.tables().containsKey("RT")) {
          rt.merge(s.tables().get("RT").decode());
        }
        if (s.tables().containsKey("GT")) {
          gt.merge(s.tables().get("GT").decode());
        }
      }
      assertEquals(List.of("a", "b", "c (copy)"), members.stream().sorted().toList());
      assertEquals(2L, rt.terms().count("nato"));
      assertEquals(1L, gt.terms().count("nato"), "the copy does not count");
      assertEquals(1, gt.terms().documents());
      return null;
    });
    PAssert.that(out.get(AnalyzeIntoSegments.FACTS)).satisfies(facts -> {
      List<String> ids = new ArrayList<>();
      facts.forEach(f -> ids.add(f.docId() + " " + f.sentences()));
      assertEquals(List.of("a 2", "b 1", "c 1"), ids.stream().sorted().toList());
      return null;
    });
    pipeline.run().waitUntilFinish();

    try (Stream<Path> files = Files.list(dir.resolve("state/segments"))) {
      List<Path> members = files.filter(f -> f.toString().endsWith(".members")).toList();
      assertFalse(members.isEmpty(), "segments are written to the store");
      int stored = 0;
      for (Path m : members) {
        String id = m.getFileName().toString().replace(".members", "");
        stored += store.readMembers(id).size();
      }
      assertEquals(3, stored, "every document is stored, the copy too");
    }
    try (Stream<Path> files = Files.list(data.resolve("document_terms"))) {
      assertFalse(files.toList().isEmpty(), "document terms are written per segment");
    }
  }

  /**
   * A bundle's documents beyond the term limit go into further segments, whose tables and
   * postings wait in files; summed, they are the tables of one segment of all the documents, and
   * merged, the postings of all of them.
   */
  @Test
  void segmentsEndAtTheTermLimitAndTheirTablesWaitInFiles(TestPipeline pipeline) throws IOException {
    List<SourceDocument> docs = List.of(
        new SourceDocument("a", "RT", "", "", "a.txt", "UTF-8", "NATO met in Madrid. NATO agreed."),
        new SourceDocument("b", "RT", "", "", "b.txt", "UTF-8", "Madrid answered NATO."),
        new SourceDocument("c", "GT", "", "", "c.txt", "UTF-8", "China answered NATO twice."),
        new SourceDocument("d", "RT", "", "", "d.txt", "UTF-8", "NATO again, and Madrid."));
    Path spill = dir.resolve("spill");
    AnalyzeDocuments analysis = AnalyzeDocuments.withoutEntities(new TextOptions(StopWords.english(), 2, false, false));
    Path data = Files.createDirectories(dir.resolve("data2"));
    PCollectionTuple out = pipeline.apply("Docs", Create.of(docs))
        .apply(AnalyzeIntoSegments.of(analysis, null, DocumentTables.in(data.toString(), "", true))
            .spillingInto(spill.toString()).limitedTo(new AnalyzeIntoSegments.Limits(100, 3, 0)));

    PAssert.that(out.get(AnalyzeIntoSegments.SEGMENTS)).satisfies(segments -> {
      OutletTables rt = new OutletTables();
      List<Postings> postings = new ArrayList<>();
      int count = 0;
      for (Segment s : segments) {
        count++;
        assertTrue(s.tables().values().stream().allMatch(EncodedTables::spilled), "every table waits in a file");
        assertTrue(s.postings().spilled(), "the postings wait in a file");
        postings.add(s.postings().loaded());
        if (s.tables().containsKey("RT")) {
          rt.merge(s.tables().get("RT").decode());
        }
      }
      assertTrue(count >= 3, "a segment ends at 3 distinct terms: " + count);
      OutletTables whole = new OutletTables();
      AnalyzeDocuments.Analyzer analyzer = analysis.newAnalyzer();
      docs.stream().filter(d -> d.outlet().equals("RT")).forEach(d -> whole.add(analyzer.analyze(d)));
      assertEquals(whole.terms(), rt.terms());
      assertEquals(Postings.of(docs.stream().map(analyzer::analyze).toList()), Postings.merge(postings),
          "the postings read back are those of all the documents");
      return null;
    });
    pipeline.run().waitUntilFinish();
    try (Stream<Path> files = Files.list(spill)) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("spill-")), "tables spilled into the folder");
    }
    SpillToFiles.delete(spill.toString());
    assertFalse(Files.exists(spill), "the run deletes its spilled tables with the folder");
  }

  /**
   * Read from files of the documents as they came in, each document is cleaned of its outlet's
   * boilerplate before it is analysed: the segments and facts are those of the cleaned documents,
   * and a document that is nothing but boilerplate is skipped.
   */
  @Test
  void documentsReadFromFilesAreCleanedOfBoilerplateFirst(TestPipeline pipeline) throws IOException {
    List<SourceDocument> docs = List.of(
        new SourceDocument("a", "RT", "", "", "a.txt", "UTF-8", "Menu\nNATO met in Madrid.\nMenu"),
        new SourceDocument("b", "RT", "", "", "b.txt", "UTF-8", "Menu\nMadrid answered NATO."),
        new SourceDocument("c", "RT", "", "", "c.txt", "UTF-8", "Menu"),
        new SourceDocument("d", "GT", "", "", "d.txt", "UTF-8", "Menu\nChina answered."));
    BoilerplateHashes rtMenu = new BoilerplateHashes("RT", 3, new long[] {BoilerplateLines.hash("Menu")}, new int[] {3});
    AnalyzeDocuments analysis = AnalyzeDocuments.withoutEntities(new TextOptions(StopWords.english(), 1, false, false));
    Path spill = dir.resolve("spill3");
    PCollectionView<Map<String, BoilerplateHashes>> boilerplate = pipeline
        .apply("Lines", Create.of(rtMenu).withCoder(BoilerplateHashes.BoilerplateHashesCoder.of()))
        .apply("Boilerplate", RemoveBoilerplate.byOutlet());
    PCollection<SourceDocument> input = pipeline.apply("Docs", Create.of(docs));
    PCollectionTuple out = input.apply("Spill", SpillToFiles.into(spill.toString()))
        .apply("Analyze", AnalyzeIntoSegments.of(analysis, null, DocumentTables.in(Files.createDirectories(dir.resolve("data3")).toString(), "", true))
            .readingFiles(input.getCoder(), boilerplate));

    PAssert.that(out.get(AnalyzeIntoSegments.SEGMENTS)).satisfies(segments -> {
      OutletTables rt = new OutletTables();
      List<String> members = new ArrayList<>();
      for (Segment s : segments) {
        s.members().forEach(m -> members.add(m.docId()));
        if (s.tables().containsKey("RT")) {
          rt.merge(s.tables().get("RT").decode());
        }
      }
      assertEquals(List.of("a", "b", "d"), members.stream().sorted().toList());
      OutletTables cleaned = new OutletTables();
      AnalyzeDocuments.Analyzer analyzer = analysis.newAnalyzer();
      cleaned.add(analyzer.analyze(RemoveBoilerplate.cleaned(docs.get(0), Map.of("RT", rtMenu))));
      cleaned.add(analyzer.analyze(RemoveBoilerplate.cleaned(docs.get(1), Map.of("RT", rtMenu))));
      assertEquals(cleaned.terms(), rt.terms());
      assertEquals(0L, rt.terms().count("menu"), "RT's menu line is not counted");
      return null;
    });
    AnalyzeDocuments.Analyzer analyzer = analysis.newAnalyzer();
    List<String> expected = new ArrayList<>();
    for (SourceDocument doc : List.of(docs.get(0), docs.get(1), docs.get(3))) {
      DocumentFacts facts = analyzer.analyze(RemoveBoilerplate.cleaned(doc, Map.of("RT", rtMenu))).facts("");
      expected.add(doc.docId() + " " + facts.characters() + " " + facts.tokens());
    }
    assertEquals("d 20 3", expected.get(2), "GT keeps its menu line");
    PAssert.that(out.get(AnalyzeIntoSegments.FACTS)).satisfies(facts -> {
      List<String> ids = new ArrayList<>();
      facts.forEach(f -> ids.add(f.docId() + " " + f.characters() + " " + f.tokens()));
      assertEquals(expected, ids.stream().sorted().toList());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
