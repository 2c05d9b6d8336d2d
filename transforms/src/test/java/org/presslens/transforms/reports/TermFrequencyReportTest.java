package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.presslens.transforms.TestDocuments.analyzed;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.presslens.transforms.SumTermTables;

@ExtendWith(TestPipelineExtension.class)
class TermFrequencyReportTest {

  @Test
  void sumsCorpusAndOutletsAndWeighsDocuments(TestPipeline pipeline) {
    PCollection<ReportBlock> blocks = pipeline
        .apply(Create.of(
            analyzed("a", "RT", 100, Map.of("nato", 3, "asia", 1)),
            analyzed("b", "RT", 100, Map.of("nato", 1)),
            analyzed("c", "Global Times", 200, Map.of("nato", 2, "china", 4))))
        .apply(SumTermTables.create())
        .apply(TermFrequencyReport.withMinCount(1));

    PAssert.that(blocks).satisfies(all -> {
      Map<String, List<List<String>>> byKey = Blocks.rowsByKey(all);
      assertEquals(List.of("0", "1\u0000Global Times", "1\u0000RT", "2\u0000a", "2\u0000b", "2\u0000c"),
          byKey.keySet().stream().sorted().toList());
      assertEquals(List.of(
          List.of("corpus", "", "nato", "1", "6", "150", "3", "", "1"),
          List.of("corpus", "", "china", "1", "4", "100", "1", "", "2"),
          List.of("corpus", "", "asia", "1", "1", "25", "1", "", "3")), byKey.get("0"));
      assertEquals(List.of(
          List.of("outlet", "RT", "nato", "1", "4", "200", "2", "", "1"),
          List.of("outlet", "RT", "asia", "1", "1", "50", "1", "", "2")), byKey.get("1\u0000RT"));
      // china in c: 4 * log10(3/1) = 1.90849; nato is in every document, so its tf-idf is 0.
      assertEquals(List.of(
          List.of("document", "c", "china", "1", "4", "200", "1", "1.9085", "1"),
          List.of("document", "c", "nato", "1", "2", "100", "3", "0", "2")), byKey.get("2\u0000c"));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
