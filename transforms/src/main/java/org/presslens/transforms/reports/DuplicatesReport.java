package org.presslens.transforms.reports;

import static org.presslens.transforms.reports.ReportSpec.col;
import static org.presslens.transforms.reports.ReportSpec.decimal;

import java.util.List;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.dedup.Duplicate;

/** duplicates.csv: documents that copy another document, which the statistics count in their place. */
public final class DuplicatesReport extends PTransform<PCollection<Duplicate>, PCollection<Row>> {

  public static final ReportSpec SPEC = new ReportSpec(
      "duplicates.csv",
      "Exact and near copies. Each is listed in documents.csv but left out of term frequencies, contrasts, "
          + "concordances and entities, where the kept document (earliest date, then lowest doc_id) stands for it.",
      List.of(
          col("doc_id", "the copy"),
          col("outlet", "the copy's outlet"),
          col("duplicate_of", "the document kept in its place"),
          col("duplicate_of_outlet", "the kept document's outlet"),
          col("kind", "exact: same words in the same order (case, punctuation and layout ignored); "
              + "near: MinHash similarity at or above --duplicateSimilarity"),
          decimal("similarity", 4, "estimated Jaccard similarity of the two documents' sets of 5-word shingles "
              + "(128 one-permutation MinHash bins; 1 for exact copies)")));

  public static DuplicatesReport create() {
    return new DuplicatesReport();
  }

  @Override
  public PCollection<Row> expand(PCollection<Duplicate> copies) {
    return copies.apply("DuplicateRow", MapElements.into(TypeDescriptor.of(Row.class)).via(d ->
        new Row(SortKey.of(d.keptDocId(), d.docId()), List.of(
            d.docId(), d.outlet(), d.keptDocId(), d.keptOutlet(), d.kind(), d.similarity()))));
  }
}
