package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.boilerplate.BoilerplateHashes;
import org.presslens.transforms.boilerplate.LineCounts;
import org.presslens.transforms.boilerplate.OutletBoilerplate;
import org.presslens.transforms.dedup.Duplicate;
import org.presslens.transforms.dedup.Fingerprint;
import org.presslens.transforms.reports.KwicLines;
import org.presslens.transforms.reports.ReportBlock;
import org.presslens.transforms.reports.Row;
import org.presslens.transforms.state.Segment;
import org.presslens.transforms.time.PeriodPlan;
import org.presslens.transforms.time.PeriodTables;
import org.presslens.transforms.time.PeriodUnit;

/**
 * The coder a pipeline infers for each type with a compact coder is that coder: a coder class
 * named by {@code @DefaultCoder} without a provider method is passed over, and the type would
 * then cross shuffles with Java serialization.
 */
class DefaultCodersTest {

  @Test
  void eachTypeGetsTheCoderItsAnnotationNames() throws Exception {
    CoderRegistry registry = CoderRegistry.createDefault();
    for (Class<?> type : List.of(AnalyzedDocument.class, SourceDocument.class, DocumentFacts.class, TermTable.class,
        CooccurrenceTable.class, OutletTables.class, DatedTables.class, Fingerprint.class, Segment.class,
        PeriodTables.class, KwicLines.Line.class, Row.class, ReportBlock.class, RejectedInput.class, Duplicate.class,
        OutletBoilerplate.class, PeriodPlan.class, LineCounts.class, BoilerplateHashes.class,
        org.presslens.transforms.reports.TestedTerms.class)) {
      assertEquals(type.getAnnotation(DefaultCoder.class).value(), registry.getCoder(type).getClass(), type.getName());
    }
  }

  @Test
  void smallRecordsRoundTripWithTheirCoders() throws Exception {
    CoderRegistry registry = CoderRegistry.createDefault();
    LineCounts counts = new LineCounts();
    counts.addDocument(new long[] {-7, 3});
    counts.addDocument(new long[] {3, Long.MAX_VALUE});
    LineCounts back = CoderUtils.clone(registry.getCoder(LineCounts.class), counts);
    assertEquals(2, back.documents());
    assertArrayEquals(new long[] {-7, 3, Long.MAX_VALUE}, back.hashes());
    assertArrayEquals(new int[] {1, 2, 1}, back.counts());
    CoderProperties.coderDecodeEncodeEqual(registry.getCoder(BoilerplateHashes.class),
        new BoilerplateHashes("RT", 14, new long[] {Long.MIN_VALUE, 5}, new int[] {12, 9}));
    CoderProperties.coderDecodeEncodeEqual(registry.getCoder(RejectedInput.class),
        RejectedInput.of("a.jsonl", "line 3", RejectedInput.Reason.MALFORMED_JSON, "Unexpected character ('}')"));
    CoderProperties.coderDecodeEncodeEqual(registry.getCoder(RejectedInput.class), new RejectedInput("x", null, "empty", ""));
    CoderProperties.coderDecodeEncodeEqual(registry.getCoder(Duplicate.class),
        new Duplicate("d2", "RT", "d1", "BBC", "near", 0.8125));
    TreeMap<String, Integer> lines = new TreeMap<>(Map.of("Back to Top", 12, "Share this article", 9));
    CoderProperties.coderDecodeEncodeEqual(registry.getCoder(OutletBoilerplate.class), new OutletBoilerplate("RT", 14, lines));
    CoderProperties.coderDecodeEncodeEqual(registry.getCoder(OutletBoilerplate.class),
        new OutletBoilerplate("BBC", 0, new TreeMap<>()));
    TreeMap<String, Long> periods = new TreeMap<>(Map.of("1990s", 120_000L, "2000s", 98_765L));
    CoderProperties.coderDecodeEncodeEqual(registry.getCoder(PeriodPlan.class),
        new PeriodPlan(PeriodUnit.DECADE, true, periods, 42));
    CoderProperties.coderDecodeEncodeEqual(registry.getCoder(PeriodPlan.class),
        new PeriodPlan(PeriodUnit.DAY, false, new TreeMap<>(), 0));
  }
}
