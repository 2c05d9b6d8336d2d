package org.presslens.transforms.io;

import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.presslens.transforms.SpreadDocuments;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;

/**
 * The two outputs of every corpus reader: documents, and inputs that could not become one. A
 * reader's documents come spread over a few buckets per core ({@link SpreadDocuments}), so that
 * what follows the reading runs on every core also when the corpus is one file.
 */
public final class CorpusTags {

  public static final TupleTag<SourceDocument> DOCUMENTS = new TupleTag<>() {};
  public static final TupleTag<RejectedInput> REJECTED = new TupleTag<>() {};

  private CorpusTags() {}

  /** A reader's outputs with its documents spread ({@link SpreadDocuments#acrossCores}). */
  static PCollectionTuple spread(PCollectionTuple read) {
    return PCollectionTuple.of(DOCUMENTS, read.get(DOCUMENTS).apply("SpreadDocuments", SpreadDocuments.acrossCores()))
        .and(REJECTED, read.get(REJECTED));
  }
}
