package org.presslens.transforms.io;

import org.apache.beam.sdk.values.TupleTag;
import org.presslens.transforms.Spread;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;

/**
 * The two outputs of every corpus reader: documents, and inputs that could not become one. A
 * reader spreads its work over a few buckets per core ({@link Spread}) before the costly
 * part (parsing, reading markup), so that it and what follows run on every core also when the
 * corpus is one file.
 */
public final class CorpusTags {

  public static final TupleTag<SourceDocument> DOCUMENTS = new TupleTag<>() {};
  public static final TupleTag<RejectedInput> REJECTED = new TupleTag<>() {};

  private CorpusTags() {}
}
