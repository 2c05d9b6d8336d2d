package org.presslens.transforms.io;

import org.apache.beam.sdk.values.TupleTag;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;

/** The two outputs of every corpus reader: documents, and inputs that could not become one. */
public final class CorpusTags {

  public static final TupleTag<SourceDocument> DOCUMENTS = new TupleTag<>() {};
  public static final TupleTag<RejectedInput> REJECTED = new TupleTag<>() {};

  private CorpusTags() {}
}
