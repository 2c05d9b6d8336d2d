package org.presslens.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.presslens.transforms.TestDocuments.analyzed;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.TermTables;
import org.junit.jupiter.api.extension.ExtendWith;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.model.TermTable;

@ExtendWith(TestPipelineExtension.class)
class SumTablesTest {

  private static final List<AnalyzedDocument> DOCS = List.of(
      analyzed("a", "RT", 100, Map.of("nato", 3, "asia", 1)),
      analyzed("b", "RT", 50, Map.of("nato", 1)),
      analyzed("c", "Global Times", 200, Map.of("nato", 2, "china", 4)),
      analyzed("d", "Xinhua", 10, Map.of("china", 1, "asia", 2)));

  @Test
  void corpusTableMergedFromOutletsIsTheTableOfAllDocuments(TestPipeline pipeline) {
    PCollectionTuple tables = pipeline.apply(Create.of(DOCS)).apply(TestDocuments.asSegments()).apply(SumTables.create());

    TermTable all = new TermTable();
    DOCS.forEach(all::add);
    // By hand: nato 6 in 3 documents, asia 3 in 2, china 5 in 2; 360 words, 4 documents.
    assertEquals(Map.of("nato", 6L, "asia", 3L, "china", 5L), TermTables.counts(all));
    assertEquals(Map.of("nato", 3, "asia", 2, "china", 2), TermTables.documentFrequencies(all));
    assertEquals(360, all.tokens());
    assertEquals(4, all.documents());
    PAssert.that(tables.get(SumTables.CORPUS)).satisfies(corpus -> {
      assertEquals(all, corpus.iterator().next().terms());
      return null;
    });

    PAssert.that(tables.get(SumTables.BY_OUTLET)).containsInAnyOrder(
        KV.of("RT", new OutletTables().add(DOCS.get(0)).add(DOCS.get(1))),
        KV.of("Global Times", new OutletTables().add(DOCS.get(2))), KV.of("Xinhua", new OutletTables().add(DOCS.get(3))));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void noDocumentsGiveNoCorpusTable(TestPipeline pipeline) {
    PCollectionTuple tables = pipeline.apply(Create.empty(TypeDescriptor.of(AnalyzedDocument.class))).apply(TestDocuments.asSegments()).apply(SumTables.create());
    PAssert.that(tables.get(SumTables.CORPUS)).empty();
    PAssert.that(tables.get(SumTables.BY_OUTLET)).empty();
    pipeline.run().waitUntilFinish();
  }
}
