package org.presslens.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.reports.TrendOptions;
import org.presslens.transforms.state.Segment;
import org.presslens.transforms.time.PeriodTables;

@ExtendWith(TestPipelineExtension.class)
class MergeNameVariantsTest {

  private static final String AIRES = Mention.key("Buenos Aires", "location");
  private static final String KADHAFI = Mention.key("Muammar Kadhafi", "person");
  private static final String QADDAFI = Mention.key("Muammar Qaddafi", "person");

  private static Mention m(String name, String written, String type, int start) {
    return new Mention(name, type, written, 0, start, start + 2, Mention.MODEL);
  }

  private static AnalyzedDocument doc(String id, String outlet, String published, Mention... mentions) {
    return new AnalyzedDocument(id, outlet, published, "", id + ".txt", "UTF-8", "", "", 0, 1, 20, 1,
        new HashMap<>(Map.of("x", 1)), new ArrayList<>(List.of(mentions)), new HashMap<>(Map.of(0, "sentence of " + id)));
  }

  /**
   * RT writes Buenos Ayres and Qaddafi; GT writes Buenos Aires (the gazetteer's name) and Kadhafi,
   * in two documents, so Kadhafi is the most mentioned spelling.
   */
  private static List<AnalyzedDocument> documents(UnaryOperator<String> name) {
    return List.of(
        doc("a", "RT", "2022-01-05", m(name.apply("Buenos Ayres"), "Buenos Ayres", "location", 0),
            m(name.apply("Buenos Ayres"), "Buenos Ayres", "location", 4), m(name.apply("Muammar Qaddafi"), "Qaddafi", "person", 8)),
        doc("b", "GT", "2022-02-10", m("Buenos Aires", "Buenos Aires", "location", 0), m("Muammar Kadhafi", "Kadhafi", "person", 3)),
        doc("c", "GT", "2022-02-11", m("Muammar Kadhafi", "Muammar Kadhafi", "person", 0)));
  }

  private static String oneSpelling(String name) {
    return Map.of("Buenos Ayres", "Buenos Aires", "Muammar Qaddafi", "Muammar Kadhafi").getOrDefault(name, name);
  }

  private static PCollectionTuple merged(TestPipeline pipeline, Gazetteer gazetteer) {
    PCollection<Segment> segments = pipeline.apply(Create.of(documents(name -> name)))
        .apply(TestDocuments.asSegments());
    PCollectionTuple tables = segments.apply(SumTables.create());
    PCollectionTuple periods = segments.apply(SumPeriods.of(new TrendOptions("month", 10, 25, ""), ""));
    return PCollectionTuple.of(SumTables.CORPUS, tables.get(SumTables.CORPUS))
        .and(SumTables.BY_OUTLET, tables.get(SumTables.BY_OUTLET))
        .and(SumPeriods.PLAN, periods.get(SumPeriods.PLAN))
        .and(SumPeriods.BY_OUTLET, periods.get(SumPeriods.BY_OUTLET))
        .and(SumPeriods.CORPUS, periods.get(SumPeriods.CORPUS))
        .apply(MergeNameVariants.with(gazetteer));
  }

  private static OutletTables sum(List<AnalyzedDocument> docs) {
    OutletTables tables = new OutletTables();
    docs.forEach(tables::add);
    return tables;
  }

  @Test
  void everyTableCountsTheVariantsUnderOneName(TestPipeline pipeline) {
    PCollectionTuple merged = merged(pipeline, Gazetteer.english());
    List<AnalyzedDocument> named = documents(MergeNameVariantsTest::oneSpelling);
    OutletTables expected = sum(named);
    PAssert.that(merged.get(SumTables.CORPUS)).satisfies(corpus -> {
      OutletTables tables = corpus.iterator().next();
      assertEquals(expected.entities(), tables.entities());
      assertEquals(expected.cooccurrence(), tables.cooccurrence());
      assertEquals(3, tables.entities().entities().get(AIRES).mentions(), "the gazetteer's name, though mentioned less");
      assertEquals(3, tables.entities().entities().get(KADHAFI).documentCount(), "the most mentioned spelling");
      return null;
    });
    PAssert.that(merged.get(SumTables.BY_OUTLET)).containsInAnyOrder(
        KV.of("RT", sum(named.subList(0, 1))), KV.of("GT", sum(named.subList(1, 3))));
    PAssert.that(merged.get(SumPeriods.CORPUS)).satisfies(corpus -> {
      PeriodTables periods = corpus.iterator().next();
      assertEquals(1, periods.get("2022-01").entities().count(KADHAFI));
      assertEquals(0, periods.get("2022-01").entities().count(QADDAFI));
      assertEquals(2, periods.get("2022-02").entities().documentFrequency(KADHAFI));
      return null;
    });
    PAssert.that(merged.get(SumPeriods.BY_OUTLET)).satisfies(outlets -> {
      outlets.forEach(outlet -> outlet.getValue().byPeriod().values().forEach(t -> assertEquals(0, t.entities().count(QADDAFI))));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aSpellingWithAnAliasOfTheUsersStaysApart(TestPipeline pipeline) throws IOException {
    Gazetteer gazetteer = Gazetteer.english().addAliases(TestDocuments.lines("Muammar Qaddafi\tMuammar Qaddafi"), "aliases.tsv");
    PCollectionTuple merged = merged(pipeline, gazetteer);
    PAssert.that(merged.get(SumTables.CORPUS)).satisfies(corpus -> {
      OutletTables tables = corpus.iterator().next();
      assertEquals(1, tables.entities().entities().get(QADDAFI).mentions());
      assertEquals(2, tables.entities().entities().get(KADHAFI).mentions());
      assertEquals(3, tables.entities().entities().get(AIRES).mentions());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
