package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.presslens.transforms.TestDocuments.analyzed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.RemoveBoilerplate;
import org.presslens.transforms.SpillToFiles;
import org.presslens.transforms.boilerplate.BoilerplateHashes;
import org.presslens.transforms.boilerplate.BoilerplateLines;
import org.apache.beam.sdk.values.PCollectionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.presslens.transforms.TestDocuments;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.state.Segment;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TextOptions;
import org.presslens.transforms.text.TokenizedDocument;
import org.presslens.transforms.reports.KwicLines.Line;

@ExtendWith(TestPipelineExtension.class)
class KeywordInContextTest {

  private static TokenizedDocument doc(String... sentences) {
    ArrayList<String[]> surfaces = new ArrayList<>();
    ArrayList<String[]> terms = new ArrayList<>();
    ArrayList<int[]> offsets = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String sentence : sentences) {
      String[] tokens = sentence.split(" ");
      String[] lower = new String[tokens.length];
      int[] places = new int[2 * tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        lower[i] = tokens[i].equals(",") ? null : tokens[i].toLowerCase();
        places[2 * i] = text.length();
        text.append(tokens[i]);
        places[2 * i + 1] = text.length();
        text.append(' ');
      }
      surfaces.add(tokens);
      terms.add(lower);
      offsets.add(places);
      text.append('\n');
    }
    return new TokenizedDocument(text.toString(), surfaces, terms, offsets);
  }

  @Test
  void findsMultiWordTermsWithContextInsideTheSentence() {
    TokenizedDocument d = doc("The Collective Security of Europe", "Collective , security again");
    List<Line> lines = KwicLines.find("d1", "RT", d, List.of("collective security", "europe"), 2);
    assertEquals(List.of(
        new Line("collective security", 1, "d1", "RT", 1, 1, "The", "Collective Security", "of Europe"),
        new Line("europe", 2, "d1", "RT", 1, 4, "Security of", "Europe", "")), lines);
  }

  @TempDir Path spill;

  /** Documents b and a count both terms; c is another outlet's; z comes too late for either term. */
  private static PCollection<Segment> counted(TestPipeline pipeline) {
    return pipeline.apply("Counted", Create.of(
            analyzed("b", "RT", 5, Map.of("nato", 2, "asia", 1)),
            analyzed("a", "RT", 2, Map.of("nato", 1, "old", 1)),
            analyzed("z", "RT", 2, Map.of("nato", 1, "asia", 1)),
            analyzed("c", "GT", 2, Map.of("nato", 1))))
        .apply(TestDocuments.asSegments());
  }

  /** The texts of the counted documents, each starting with {@code firstLine}. */
  private static List<SourceDocument> texts(String firstLine) {
    return List.of(
        new SourceDocument("b", "RT", "", "", "b.txt", "UTF-8", firstLine + "NATO in Asia. NATO again."),
        new SourceDocument("a", "RT", "", "", "a.txt", "UTF-8", firstLine + "Old NATO."),
        new SourceDocument("z", "RT", "", "", "z.txt", "UTF-8", firstLine + "NATO and Asia, at last."),
        new SourceDocument("c", "GT", "", "", "c.txt", "UTF-8", firstLine + "NATO elsewhere."));
  }

  /** The lines both concordance tests expect for RT: its terms in rank order, then by document. */
  private static final List<List<?>> FIRST_LINES = List.of(
      List.of("RT", "nato", 1, "a", 1, "Old", "NATO", "."),
      List.of("RT", "nato", 1, "b", 1, "", "NATO", "in"),
      List.of("RT", "asia", 2, "b", 1, "in", "Asia", "."),
      List.of("RT", "asia", 2, "z", 1, "and", "Asia", ","));

  @Test
  void ordersByTermRankThenDocumentAndCapsLinesPerTerm(TestPipeline pipeline) throws IOException {
    PCollection<KV<String, List<String>>> terms = pipeline.apply("Terms", Create.of(KV.of("RT", List.of("nato", "asia"))));
    ContrastOptions options = new ContrastOptions(3, 1.0, false, 2, 2, 1);
    TextOptions text = new TextOptions(StopWords.english(), 1, false, false);
    PCollectionTuple documents = PCollectionTuple
        .of(KeywordInContextReport.SEGMENTS, counted(pipeline))
        .and(KeywordInContextReport.TEXTS, pipeline.apply("Texts", Create.of(texts(""))))
        .and(KeywordInContextReport.TERMS, terms);
    var blocks = documents.apply(KeywordInContextReport.of(options, text, spill.toString()));
    PAssert.that(blocks).containsInAnyOrder(ReportBlocks.of(KeywordInContextReport.SPEC, SortKey.of("RT"), FIRST_LINES));
    pipeline.run().waitUntilFinish();
    try (Stream<Path> files = Files.list(spill)) {
      assertTrue(files.findAny().isPresent(), "the postings and texts waited in files");
    }
    SpillToFiles.delete(spill.toString());
    assertFalse(Files.exists(spill), "the spill folder is deleted with its files");
  }

  /**
   * Read from files of the documents as they came in, a candidate is cleaned of its outlet's
   * boilerplate first: the lines, and their sentence numbers, are those of the cleaned texts
   * (the same as above, where the texts come cleaned).
   */
  @Test
  void readsTheCheckedFilesAndCleansTheCandidatesFirst(TestPipeline pipeline) {
    PCollection<KV<String, List<String>>> terms = pipeline.apply("Terms", Create.of(KV.of("RT", List.of("nato", "asia"))));
    ContrastOptions options = new ContrastOptions(3, 1.0, false, 2, 2, 1);
    TextOptions text = new TextOptions(StopWords.english(), 1, false, false);
    PCollection<SourceDocument> asRead = pipeline.apply("Texts", Create.of(texts("Menu\n")));
    BoilerplateHashes rtMenu = new BoilerplateHashes("RT", 3, new long[] {BoilerplateLines.hash("Menu")}, new int[] {3});
    PCollectionView<Map<String, BoilerplateHashes>> boilerplate = pipeline
        .apply("Lines", Create.of(rtMenu).withCoder(BoilerplateHashes.BoilerplateHashesCoder.of()))
        .apply("Boilerplate", RemoveBoilerplate.byOutlet());
    PCollectionTuple documents = PCollectionTuple
        .of(KeywordInContextReport.SEGMENTS, counted(pipeline))
        .and(KeywordInContextReport.CHECKED_FILES, asRead.apply("Spill",
            SpillToFiles.<SourceDocument>into(spill.resolve("checked").toString()).keyedBy(SourceDocument::docId)))
        .and(KeywordInContextReport.TERMS, terms);
    var blocks = documents.apply(KeywordInContextReport.of(options, text, spill.toString())
        .readingFiles(asRead.getCoder(), boilerplate));
    PAssert.that(blocks).containsInAnyOrder(ReportBlocks.of(KeywordInContextReport.SPEC, SortKey.of("RT"), FIRST_LINES));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void linesCrossAShuffleAsTheirStringsAndNumbers() throws Exception {
    Line line = new Line("nato", 1, "d1", "RT", 2, 5, "said the", "NATO's", "chief, ü");
    CoderProperties.coderDecodeEncodeEqual(new KwicLines.LineCoder(), line);
    assertEquals(new KwicLines.LineCoder(), CoderRegistry.createDefault().getCoder(Line.class),
        "the coder a pipeline infers for a line");
  }

  /** However the runner splits an outlet's documents, the combiner keeps the same first lines per term. */
  @Test
  void firstLinesDoNotDependOnHowDocumentsAreCombined() {
    List<List<Line>> perDocument = new ArrayList<>();
    for (String id : List.of("e", "b", "d", "a", "c")) {
      perDocument.add(new ArrayList<>(KwicLines.find(id, "RT", doc("NATO and Asia", "NATO again , NATO"), List.of("nato", "asia"), 1)));
    }
    KeywordInContextReport.FirstLinesFn fn = new KeywordInContextReport.FirstLinesFn(3);
    List<Line> one = fn.createAccumulator();
    for (List<Line> lines : perDocument) {
      one = fn.addInput(one, lines);
    }
    List<Line> left = fn.addInput(fn.addInput(fn.createAccumulator(), perDocument.get(0)), perDocument.get(3));
    List<Line> right = fn.addInput(fn.addInput(fn.addInput(fn.createAccumulator(), perDocument.get(4)),
        perDocument.get(2)), perDocument.get(1));
    List<Line> merged = fn.mergeAccumulators(List.of(right, left));
    assertEquals(one, merged);
    // nato: the three of document a (sentence 1, then sentence 2 twice); asia: a, b, c
    assertEquals(List.of("nato a 1 0", "nato a 2 0", "nato a 2 3", "asia a 1 2", "asia b 1 2", "asia c 1 2"),
        merged.stream().map(l -> l.term() + " " + l.docId() + " " + l.sentence() + " " + l.position()).toList());
  }
  /**
   * Each term's first documents, as few as count the lines together, whatever the order and
   * grouping of the inputs, turned into the terms each document is needed for.
   */
  @Test
  void firstDocumentsDoNotDependOnHowInputsAreCombined() {
    KeywordInContextReport.FirstDocumentsFn fn = new KeywordInContextReport.FirstDocumentsFn(3);
    List<KV<String, KV<String, Integer>>> inputs = List.of(
        KV.of("nato", KV.of("d5", 4)), KV.of("nato", KV.of("d2", 1)), KV.of("asia", KV.of("d9", 1)),
        KV.of("nato", KV.of("d1", 1)), KV.of("asia", KV.of("d3", 7)), KV.of("nato", KV.of("d2", 1)),
        KV.of("asia", KV.of("d7", 1)), KV.of("nato", KV.of("d4", 1)), KV.of("peace", KV.of("d8", 1)), KV.of("asia", KV.of("d1", 1)));
    var one = fn.createAccumulator();
    for (var input : inputs) {
      one = fn.addInput(one, input);
    }
    var left = fn.createAccumulator();
    var right = fn.createAccumulator();
    for (int i = inputs.size() - 1; i >= 0; i--) {
      if (i % 2 == 0) {
        left = fn.addInput(left, inputs.get(i));
      } else {
        right = fn.addInput(right, inputs.get(i));
      }
    }
    // nato: d1, d2 and d4 hold three lines; asia: d1 and d3 (seven); peace: d8 holds all there are
    assertEquals(Map.of("d1", List.of("asia", "nato"), "d2", List.of("nato"), "d3", List.of("asia"), "d4", List.of("nato"),
        "d8", List.of("peace")), fn.extractOutput(one));
    assertEquals(fn.extractOutput(one), fn.extractOutput(fn.mergeAccumulators(List.of(right, left))));
  }
}
