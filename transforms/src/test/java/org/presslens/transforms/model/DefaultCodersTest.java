package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.dedup.Fingerprint;
import org.presslens.transforms.reports.KwicLines;
import org.presslens.transforms.reports.ReportBlock;
import org.presslens.transforms.reports.Row;
import org.presslens.transforms.state.Segment;
import org.presslens.transforms.time.PeriodTables;

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
        PeriodTables.class, KwicLines.Line.class, Row.class, ReportBlock.class)) {
      assertEquals(type.getAnnotation(DefaultCoder.class).value(), registry.getCoder(type).getClass(), type.getName());
    }
  }
}
