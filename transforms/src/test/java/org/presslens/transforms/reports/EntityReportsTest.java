package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.presslens.transforms.model.CooccurrenceTable;
import org.presslens.transforms.SumTables;
import org.presslens.transforms.TestDocuments;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.EntityTable;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.ner.Gazetteer;

@ExtendWith(TestPipelineExtension.class)
class EntityReportsTest {

  private static Mention m(String name, String type, int sentence, int start, String source) {
    return new Mention(name, type, name, sentence, start, start + 1, source);
  }

  private static final ReportTiers CSV_ONLY = ReportTiers.defaults("");

  // d1 (RT, 3 sentences): s0 NATO + China; s1 NATO; s2 NATO + China, adjacent.
  // d2 (GT, 2 sentences): s0 China; s1 NATO + Japan.
  private static final AnalyzedDocument D1 = TestDocuments.withEntities("d1", "RT", 3, new ArrayList<>(List.of(
      m("NATO", "organization", 0, 0, "both"), m("China", "location", 0, 5, "both"),
      m("NATO", "organization", 1, 2, "dictionary"),
      m("NATO", "organization", 2, 0, "both"), m("China", "location", 2, 2, "model"))),
      new HashMap<>(Map.of(0, "NATO x x x x China", 1, "x x NATO", 2, "NATO and China")));
  private static final AnalyzedDocument D2 = TestDocuments.withEntities("d2", "GT", 2, new ArrayList<>(List.of(
      m("China", "location", 0, 0, "model"), m("NATO", "organization", 1, 0, "model"), m("Japan", "location", 1, 3, "both"))),
      new HashMap<>(Map.of(0, "China", 1, "NATO x x Japan")));

  @Test
  void entitiesAreCountedPerOutletWithSpellingsAndSources(TestPipeline pipeline) {
    PCollection<ReportBlock> blocks = pipeline.apply(Create.of(D1, D2)).apply(TestDocuments.asSegments()).apply(SumTables.create())
        .get(SumTables.CORPUS).apply(EntitiesReport.of(2, CSV_ONLY));
    PAssert.that(blocks).containsInAnyOrder(ReportBlocks.of(EntitiesReport.SPEC, SortKey.of("0"), List.of(
        List.of("NATO", "organization", 4, 2, 2, "RT: 3; GT: 1", "NATO (4)", "both"),
        List.of("China", "location", 3, 2, 2, "RT: 2; GT: 1", "China (3)", "both"))));
    pipeline.run().waitUntilFinish();
  }

  private static Mention placed(String name, String written, int sentence, int charStart, String source, double p) {
    return new Mention(name, "person", written, sentence, 0, 1, source, p, charStart, charStart + written.length(), written);
  }

  @Test
  void mentionsCsvShowsTheFirstMentionOfEachSpellingOfEachListedEntity(TestPipeline pipeline) {
    // Putin: "Putin" 3 times (first in a1 at 40), "Vladimir Putin" once (b2); Lavrov below the minimum of 2 mentions.
    AnalyzedDocument b2 = TestDocuments.withEntities("b2", "RT", 2, new ArrayList<>(List.of(
        placed("Vladimir Putin", "Vladimir Putin", 0, 5, "dictionary", Double.NaN),
        placed("Vladimir Putin", "Putin", 1, 90, "model", 0.81))), new HashMap<>());
    AnalyzedDocument a1 = TestDocuments.withEntities("a1", "GT", 1, new ArrayList<>(List.of(
        placed("Vladimir Putin", "Putin", 0, 40, "both", 0.93), placed("Vladimir Putin", "Putin", 0, 70, "model", 0.5),
        placed("Sergei Lavrov", "Lavrov", 0, 80, "model", 0.7))), new HashMap<>());
    PCollection<ReportBlock> blocks = pipeline.apply(Create.of(b2, a1)).apply(TestDocuments.asSegments()).apply(SumTables.create())
        .get(SumTables.CORPUS).apply(EntityMentionsReport.of(2, CSV_ONLY));
    PAssert.that(blocks).containsInAnyOrder(ReportBlocks.of(EntityMentionsReport.SPEC, SortKey.of("0"), List.of(
        List.of("a1", "GT", 1, 40, 45, "Putin", "Vladimir Putin", "person", "both", 0.93),
        List.of("b2", "RT", 1, 5, 19, "Vladimir Putin", "Vladimir Putin", "person", "dictionary", Double.NaN))));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void cooccurrenceCountsUnitsPerWindowAndScope(TestPipeline pipeline) {
    PCollection<ReportBlock> blocks = pipeline.apply(Create.of(D1, D2)).apply(TestDocuments.asSegments()).apply(SumTables.create())
        .apply(EntityCooccurrenceReport.of(1, CSV_ONLY));
    PAssert.that(blocks).satisfies(all -> {
      Map<SortKey, List<List<String>>> byKey = Blocks.rowsByKey(all);
      List<List<String>> corpus = byKey.get(SortKey.of("0"));
      // Sentence window: 5 sentences; China in 3 (d1 s0, s2; d2 s0), NATO in 4, together in 2 (d1 s0, s2).
      // PMI = log2(2 * 5 / (3 * 4)) = -0.26303; NPMI = PMI / -log2(2/5) = -0.19898; the closest example is d1 s2 (adjacent tokens).
      assertEquals(List.of("corpus", "", "China", "location", "NATO", "organization", "sentence", "2", "1", "1",
          "5", "3", "4", "-0.263", "-0.199"), corpus.get(0).subList(0, 15));
      assertEquals(List.of("d1", "3", "NATO and China"), corpus.get(0).subList(17, 20));
      // Document window: 2 documents, both mention China and NATO.
      List<String> documentRow = corpus.stream().filter(r -> r.get(6).equals("document") && r.get(2).equals("China")
          && r.get(4).equals("NATO")).findFirst().orElseThrow();
      assertEquals(List.of("2", "2", "2", "2", "2", "2", "0", "1"), documentRow.subList(7, 15));
      assertEquals(List.of("outlet", "GT", "Japan", "location", "NATO", "organization", "sentence", "1"),
          byKey.get(SortKey.of("1", "GT")).get(0).subList(0, 8));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void variantsCsvListsEachSpellingMergedIntoAName(TestPipeline pipeline) throws java.io.IOException {
    // Hayti in 2 documents (first b1), Haiti once; Buenos Ayres twice, Buenos Aires (the gazetteer's) once.
    AnalyzedDocument b1 = TestDocuments.withEntities("b1", "RT", 1, List.of(m("Hayti", "location", 0, 0, "model"),
        m("Buenos Ayres", "location", 0, 3, "model"), m("Buenos Ayres", "location", 0, 6, "model")), Map.of());
    AnalyzedDocument b2 = TestDocuments.withEntities("b2", "RT", 1, List.of(m("Hayti", "location", 0, 0, "model")), Map.of());
    AnalyzedDocument a1 = TestDocuments.withEntities("a1", "GT", 1, List.of(m("Haiti", "location", 0, 0, "model"),
        m("Buenos Aires", "location", 0, 2, "dictionary")), Map.of());
    PCollection<ReportBlock> blocks = pipeline.apply(Create.of(b1, b2, a1)).apply(TestDocuments.asSegments())
        .apply(SumTables.create()).get(SumTables.CORPUS)
        .apply(EntityVariantsReport.of(new Gazetteer().addNames(TestDocuments.lines("location\tBuenos Aires"), "test"), CSV_ONLY));
    PAssert.that(blocks).containsInAnyOrder(ReportBlocks.of(EntityVariantsReport.SPEC, SortKey.of("0"), List.of(
        List.of("Buenos Aires", "location", "gazetteer name", 1, "Buenos Ayres", 2, 1, "b1"),
        List.of("Hayti", "location", "most mentioned", 2, "Haiti", 1, 1, "a1"))));
    pipeline.run().waitUntilFinish();
  }

  /** Documents are counted, not remembered: tables of separate documents merge into the table of all. */
  @Test
  void tablesOfSeparateDocumentsMergeIntoTheTableOfAll() {
    CooccurrenceTable all = new CooccurrenceTable().add(D1.entities()).add(D2.entities());
    assertEquals(all, new CooccurrenceTable().add(D1.entities()).merge(new CooccurrenceTable().add(D2.entities())));
    CooccurrenceTable.Pair chinaNato = all.units(CooccurrenceTable.Window.SENTENCE).pairs(1).stream()
        .filter(p -> p.a().startsWith("China") && p.b().startsWith("NATO")).findFirst().orElseThrow();
    assertEquals(2, chinaNato.cooccurrences()); // two sentences of d1
    assertEquals(1, chinaNato.documentCount());
    EntityTable entities = new EntityTable().add(D1.entities()).add(D2.entities());
    assertEquals(entities, new EntityTable().add(D1.entities()).merge(new EntityTable().add(D2.entities())));
    assertEquals(List.of(2L, 1L, 2L), entities.entities().values().stream()
        .map(EntityTable.Entity::documentCount).toList()); // China, Japan, NATO
  }

  @Test
  void evidenceLongerThanItsLimitIsCutAfterItsLastWholeWord() {
    String fits = "x".repeat(EntityCooccurrenceReport.EVIDENCE_CHARS);
    assertEquals(fits, EntityCooccurrenceReport.evidence(fits));
    // "word" at every fifth character: the 60th would end after the room of 297 characters
    assertEquals("word ".repeat(59).strip() + "...", EntityCooccurrenceReport.evidence("word ".repeat(80)));
    assertEquals("word ".repeat(59).strip() + "...", EntityCooccurrenceReport.evidence("word ".repeat(59) + " \n word"
        + "s".repeat(50)));
    // one word longer than the room is cut inside, but not between the halves of a character
    assertEquals("x".repeat(297) + "...", EntityCooccurrenceReport.evidence("x".repeat(400)));
    assertEquals("\uD83D\uDE00".repeat(148) + "...", EntityCooccurrenceReport.evidence("\uD83D\uDE00".repeat(200)));
  }
}
