package org.presslens.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.presslens.transforms.model.TermTable;
import org.presslens.transforms.model.TermTables;

@ExtendWith(TestPipelineExtension.class)
class CombineGroupedTest {

  private static TermTable table(Map<String, Integer> counts, long words) {
    return new TermTable().addDocument(counts, words);
  }

  @Test
  void mergesTablesOfAnySizeInAnyOrderIntoTheirSum(TestPipeline pipeline) {
    TermTable small = table(Map.of("nato", 1), 5);
    TermTable large = table(Map.of("nato", 4, "asia", 2, "china", 3, "peace", 1), 40)
        .merge(table(Map.of("asia", 1, "summit", 2), 20));
    TermTable medium = table(Map.of("china", 2, "talks", 1), 10);
    // Key "up": each table larger than all before it; "down": the largest first; "one": a single table.
    PCollection<KV<String, TermTable>> sums = pipeline
        .apply(Create.of(KV.of("up", small), KV.of("up", medium), KV.of("up", large),
            KV.of("down", large), KV.of("down", small), KV.of("down", medium), KV.of("one", medium)))
        .apply(CombineGrouped.perKey(TermTable.mergeFn()));

    // By hand: nato 1 + 4, asia 2 + 1 (two documents), china 3 + 2, peace 1, summit 2, talks 1;
    // 5 + 60 + 10 words in 1 + 2 + 1 documents.
    Map<String, Long> counts = Map.of("nato", 5L, "asia", 3L, "china", 5L, "peace", 1L, "summit", 2L, "talks", 1L);
    Map<String, Integer> documents = Map.of("nato", 2, "asia", 2, "china", 2, "peace", 1, "summit", 1, "talks", 1);
    PAssert.that(sums).satisfies(all -> {
      all.forEach(kv -> {
        TermTable sum = kv.getValue();
        if (kv.getKey().equals("one")) {
          assertEquals(medium, sum);
          return;
        }
        assertEquals(counts, TermTables.counts(sum), kv.getKey());
        assertEquals(documents, TermTables.documentFrequencies(sum), kv.getKey());
        assertEquals(75, sum.tokens(), kv.getKey());
        assertEquals(4, sum.documents(), kv.getKey());
      });
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
