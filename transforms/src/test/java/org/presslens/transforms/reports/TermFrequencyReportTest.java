package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.presslens.transforms.TestDocuments.analyzed;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.SumTables;
import org.presslens.transforms.TestDocuments;
import org.presslens.transforms.parquet.ParquetTables;

@ExtendWith(TestPipelineExtension.class)
class TermFrequencyReportTest {

  private static PCollection<ReportBlock> report(TestPipeline pipeline, ReportTiers tiers) {
    return pipeline
        .apply(Create.of(
            analyzed("a", "RT", 100, Map.of("nato", 3, "asia", 1)),
            analyzed("b", "RT", 100, Map.of("nato", 1)),
            analyzed("c", "Global Times", 200, Map.of("nato", 2, "china", 4))))
        .apply(TestDocuments.asSegments()).apply(SumTables.create())
        .apply(TermFrequencyReport.of(1, tiers));
  }

  @Test
  void sumsCorpusAndOutlets(TestPipeline pipeline) {
    PAssert.that(report(pipeline, ReportTiers.defaults(""))).satisfies(all -> {
      Map<SortKey, List<List<String>>> byKey = Blocks.rowsByKey(all);
      assertEquals(List.of(SortKey.of("0"), SortKey.of("1", "Global Times"), SortKey.of("1", "RT")),
          byKey.keySet().stream().sorted().toList());
      assertEquals(List.of(
          List.of("corpus", "", "nato", "1", "6", "150", "3", "1"),
          List.of("corpus", "", "china", "1", "4", "100", "1", "2"),
          List.of("corpus", "", "asia", "1", "1", "25", "1", "3")), byKey.get(SortKey.of("0")));
      assertEquals(List.of(
          List.of("outlet", "RT", "nato", "1", "4", "200", "2", "1"),
          List.of("outlet", "RT", "asia", "1", "1", "50", "1", "2")), byKey.get(SortKey.of("1", "RT")));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theCsvKeepsTheTopTermsAndTheFullTableEveryTerm(TestPipeline pipeline, @TempDir Path dir)
      throws Exception {
    ReportTiers tiers = new ReportTiers(1, 200, 1000, 200, 100_000, dir.toString());
    PAssert.that(report(pipeline, tiers)).satisfies(all -> {
      Map<SortKey, List<List<String>>> byKey = Blocks.rowsByKey(all);
      assertEquals(List.of(List.of("corpus", "", "nato", "1", "6", "150", "3", "1")), byKey.get(SortKey.of("0")));
      assertEquals(1, byKey.get(SortKey.of("1", "RT")).size());
      return null;
    });
    pipeline.run().waitUntilFinish();

    assertEquals(List.of(
            List.of("corpus", "", "asia", 1L, 1L, 25.0, 1L, 3L),
            List.of("corpus", "", "china", 1L, 4L, 100.0, 1L, 2L),
            List.of("corpus", "", "nato", 1L, 6L, 150.0, 3L, 1L),
            List.of("outlet", "Global Times", "china", 1L, 4L, 200.0, 1L, 1L),
            List.of("outlet", "Global Times", "nato", 1L, 2L, 100.0, 1L, 2L),
            List.of("outlet", "RT", "asia", 1L, 1L, 50.0, 1L, 2L),
            List.of("outlet", "RT", "nato", 1L, 4L, 200.0, 2L, 1L)),
        ParquetTables.read(dir.resolve("term_frequencies"), "ORDER BY scope, scope_key, term"));
  }
}
