package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.presslens.transforms.SumTables;
import org.presslens.transforms.TestDocuments;
import org.presslens.transforms.model.TermTable;

@ExtendWith(TestPipelineExtension.class)
class OutletContrastReportTest {

  @Test
  void testsTheCorpusTermsOfAtLeastTheMinimumCountInOrder() throws Exception {
    TermTable corpus = new TermTable()
        .addDocument(Map.of("peace", 2, "nato", 1, "asia", 3), 6)
        .addDocument(Map.of("nato", 1, "zoo", 1), 2);
    assertEquals(List.of("asia", "nato", "peace"), List.of(TestedTerms.of(corpus, 2).terms()));
    assertEquals(List.of("asia", "nato", "peace", "zoo"), List.of(TestedTerms.of(corpus, 1).terms()));
    TestedTerms tested = TestedTerms.of(corpus, 3);
    assertEquals(List.of("asia"), List.of(tested.terms()));
    assertArrayEquals(new long[] {3}, tested.corpusCounts());
    assertEquals(8, tested.tokens());
    assertArrayEquals(new long[] {3, 2, 2, 1}, TestedTerms.of(corpus, 1).corpusCounts(), "each term's corpus count beside it");
    TestedTerms back = CoderUtils.clone(TestedTerms.TestedTermsCoder.of(), TestedTerms.of(corpus, 1));
    assertEquals(List.of("asia", "nato", "peace", "zoo"), List.of(back.terms()));
    assertArrayEquals(new long[] {3, 2, 2, 1}, back.corpusCounts());
    assertEquals(8, back.tokens());

    // an outlet's counts beside the tested terms, whichever of the two is gone through
    TermTable fewer = new TermTable().addDocument(Map.of("nato", 5, "untested", 2), 7);
    TermTable more = new TermTable().addDocument(Map.of("zoo", 4, "b", 1, "c", 1, "d", 1, "e", 1), 8);
    TestedTerms four = TestedTerms.of(corpus, 1);
    assertArrayEquals(new long[] {0, 5, 0, 0}, four.countsIn(fewer), "the table's terms found among the tested");
    assertArrayEquals(new long[] {0, 0, 0, 4}, four.countsIn(more), "the tested terms found in the table");
    assertArrayEquals(new long[] {0, 5, 0, 0}, back.countsIn(fewer), "decoded, too");
  }

  @Test
  void contrastsEachOutletWithTheRestAndWithEachOther(TestPipeline pipeline) {
    ContrastOptions options = new ContrastOptions(3, 1.0, true, 1, 20, 8);
    PCollectionTuple out = pipeline
        .apply(Create.of(
            analyzed("a1", "A", 600, Map.of("nato", 6, "peace", 1)),
            analyzed("a2", "A", 400, Map.of("nato", 4)),
            analyzed("b1", "B", 1000, Map.of("nato", 3, "peace", 10)),
            analyzed("c1", "C", 1000, Map.of("nato", 2, "peace", 10))))
        .apply(TestDocuments.asSegments()).apply(SumTables.create())
        .apply(OutletContrastReport.with(options, ReportTiers.defaults("")));

    PAssert.that(out.get(OutletContrastReport.REPORT)).satisfies(blocks -> {
      Map<SortKey, List<List<String>>> byKey = Blocks.rowsByKey(blocks);
      assertEquals(List.of(SortKey.of("A", "0"), SortKey.of("A", "1", "B"), SortKey.of("A", "1", "C"), SortKey.of("B", "0"),
          SortKey.of("B", "1", "A"), SortKey.of("B", "1", "C"), SortKey.of("C", "0"), SortKey.of("C", "1", "A"),
          SortKey.of("C", "1", "B")), byKey.keySet().stream().sorted().toList());
      // A vs rest: nato 10 of 1,000 words against 5 of 2,000 (the table worked by hand in KeynessTest).
      List<String> nato = byKey.get(SortKey.of("A", "0")).get(0);
      assertEquals(List.of("A", "rest", "nato", "1", "10", "5"), nato.subList(0, 6));
      assertEquals(List.of("6.9692", "0.008292"), nato.subList(9, 11));
      assertEquals(List.of("over", "1"), nato.subList(16, 18));
      // A vs B: nato 10 of 1,000 against 3 of 1,000.
      assertEquals(List.of("A", "B", "nato", "1", "10", "3"), byKey.get(SortKey.of("A", "1", "B")).get(0).subList(0, 6));
      return null;
    });
    PAssert.that(out.get(OutletContrastReport.TOP_TERMS)).containsInAnyOrder(
        KV.of("A", List.of("nato")), KV.of("B", List.of("peace")), KV.of("C", List.of("peace")));
    pipeline.run().waitUntilFinish();
  }
}
