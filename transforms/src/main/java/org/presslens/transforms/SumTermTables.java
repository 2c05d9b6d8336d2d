package org.presslens.transforms;

import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.TermTable;

/**
 * Sums the analysed documents once into the corpus table and one table per outlet (with a
 * combiner: one element per document in, no element per term), for every report that needs them.
 * The output holds {@link #DOCUMENTS} (the input), {@link #CORPUS} and {@link #BY_OUTLET}.
 */
public final class SumTermTables extends PTransform<PCollection<AnalyzedDocument>, PCollectionTuple> {

  public static final TupleTag<AnalyzedDocument> DOCUMENTS = new TupleTag<>() {};
  public static final TupleTag<TermTable> CORPUS = new TupleTag<>() {};
  public static final TupleTag<KV<String, TermTable>> BY_OUTLET = new TupleTag<>() {};

  public static SumTermTables create() {
    return new SumTermTables();
  }

  @Override
  public PCollectionTuple expand(PCollection<AnalyzedDocument> docs) {
    PCollection<TermTable> corpus = docs.apply("SumCorpus", Combine.globally(TermTable.combineFn()));
    PCollection<KV<String, TermTable>> byOutlet = docs
        .apply("KeyByOutlet", WithKeys.of(AnalyzedDocument::outlet).withKeyType(TypeDescriptors.strings()))
        .apply("SumOutlets", Combine.perKey(TermTable.combineFn()));
    return PCollectionTuple.of(DOCUMENTS, docs).and(CORPUS, corpus).and(BY_OUTLET, byOutlet);
  }
}
