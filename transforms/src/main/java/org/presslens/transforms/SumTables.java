package org.presslens.transforms;

import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.OutletTables;

/**
 * Sums the analysed documents once into the tables of each outlet (terms, entities,
 * co-occurrence: {@link OutletTables}; a combiner applied after grouping, see
 * {@link CombineGrouped}: one element per document in, no element per term), and merges the
 * outlet tables into the corpus tables. Each document is added once: the corpus is not summed
 * from the documents a second time, so the documents are grouped once and no single key ever
 * holds all of them. The corpus tables are absent when there are no documents. The output holds
 * {@link #DOCUMENTS} (the input), {@link #CORPUS} and {@link #BY_OUTLET}.
 */
public final class SumTables extends PTransform<PCollection<AnalyzedDocument>, PCollectionTuple> {

  public static final TupleTag<AnalyzedDocument> DOCUMENTS = new TupleTag<>() {};
  public static final TupleTag<OutletTables> CORPUS = new TupleTag<>() {};
  public static final TupleTag<KV<String, OutletTables>> BY_OUTLET = new TupleTag<>() {};

  public static SumTables create() {
    return new SumTables();
  }

  @Override
  public PCollectionTuple expand(PCollection<AnalyzedDocument> docs) {
    PCollection<KV<String, OutletTables>> byOutlet = docs
        .apply("KeyByOutlet", WithKeys.of(AnalyzedDocument::outlet).withKeyType(TypeDescriptors.strings()))
        .apply("SumOutlets", CombineGrouped.perKey(OutletTables.combineFn()));
    PCollection<OutletTables> corpus = byOutlet
        .apply("OutletTables", Values.create())
        .apply("SumCorpus", CombineGrouped.globally(OutletTables.mergeFn()));
    return PCollectionTuple.of(DOCUMENTS, docs).and(CORPUS, corpus).and(BY_OUTLET, byOutlet);
  }

  /**
   * The corpus tables as a side input: a list holding them, because {@code View.asSingleton} is
   * built on a combiner (see {@link CombineGrouped}). The list is empty only when there are no
   * documents, and then no DoFn reads it.
   */
  public static PCollectionView<List<OutletTables>> corpusView(PCollectionTuple tables) {
    return tables.get(CORPUS).apply("CorpusView", View.asList());
  }
}
