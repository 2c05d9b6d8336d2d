package org.presslens.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.presslens.transforms.TestDocuments.dated;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.DatedTables;
import org.presslens.transforms.reports.TrendOptions;
import org.presslens.transforms.time.PeriodPlan;
import org.presslens.transforms.time.PeriodTables;
import org.presslens.transforms.time.PeriodUnit;

@ExtendWith(TestPipelineExtension.class)
class SumPeriodsTest {

  private static final List<AnalyzedDocument> DOCS = List.of(
      dated("a", "RT", "2022-01-05", 100, Map.of("nato", 3)),
      dated("b", "RT", "2022-02-10", 50, Map.of("nato", 1)),
      dated("c", "Xinhua", "2022-02-20", 200, Map.of("china", 4)),
      dated("d", "Xinhua", "", 10, Map.of("china", 1)),
      dated("e", "Xinhua", "2022", 30, Map.of("asia", 2))); // a year only: undated for months

  private static TrendOptions months(String since) {
    return new TrendOptions("month", 10, 25, since);
  }

  private static DatedTables of(AnalyzedDocument... docs) {
    DatedTables t = new DatedTables();
    for (AnalyzedDocument doc : docs) {
      t.add(doc);
    }
    return t;
  }

  private static DatedTables sizes(AnalyzedDocument... docs) {
    return of(docs).sizesOnly();
  }

  @Test
  void outletsAndCorpusAreSummedPerPeriodWithTheUndatedWordsApart(TestPipeline pipeline) {
    PCollectionTuple periods = pipeline.apply(Create.of(DOCS)).apply(TestDocuments.asSegments())
        .apply(SumPeriods.of(months(""), ""));

    PAssert.that(periods.get(SumPeriods.PLAN)).satisfies(plans -> {
      PeriodPlan plan = plans.iterator().next();
      assertEquals(PeriodUnit.MONTH, plan.unit());
      // by hand: January 100 words, February 50 + 200, undated 10 + 30
      assertEquals(Map.of("2022-01", 100L, "2022-02", 250L), plan.periodWords());
      assertEquals(40, plan.undatedWords());
      return null;
    });
    PAssert.that(periods.get(SumPeriods.BY_OUTLET)).containsInAnyOrder(
        KV.of("RT", new PeriodTables(new TreeMap<>(Map.of("2022-01", of(DOCS.get(0)), "2022-02", of(DOCS.get(1)))))),
        KV.of("Xinhua", new PeriodTables(new TreeMap<>(Map.of("2022-02", of(DOCS.get(2)),
            PeriodPlan.UNDATED, sizes(DOCS.get(3), DOCS.get(4)))))));
    PAssert.that(periods.get(SumPeriods.CORPUS)).containsInAnyOrder(new PeriodTables(new TreeMap<>(Map.of(
        "2022-01", of(DOCS.get(0)), "2022-02", of(DOCS.get(1), DOCS.get(2)), PeriodPlan.UNDATED, sizes(DOCS.get(3), DOCS.get(4))))));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void sinceADateSplitsTheDatedDocumentsAndLeavesOutThoseItCannotPlace(TestPipeline pipeline) {
    PCollectionTuple periods = pipeline.apply(Create.of(DOCS)).apply(TestDocuments.asSegments())
        .apply(SumPeriods.of(months("2022-02-01"), ""));
    // new: b and c; before: a; d has no date; e's "2022" cannot be placed against 2022-02-01
    PAssert.that(periods.get(SumPeriods.CORPUS)).satisfies(corpus -> {
      PeriodTables tables = corpus.iterator().next();
      assertEquals(of(DOCS.get(1), DOCS.get(2)), tables.get(PeriodPlan.SINCE));
      assertEquals(of(DOCS.get(0)), tables.get(PeriodPlan.BEFORE));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
