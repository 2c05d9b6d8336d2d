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
import org.presslens.transforms.model.TermTable;

/**
 * Sums the analysed documents once into one table per outlet (with a combiner applied after
 * grouping, see {@link CombineGrouped}: one element per document in, no element per term), and
 * merges the outlet tables into the corpus table, for every report that needs them. Each document
 * is added once: the corpus table is not summed from the documents a second time, so the documents
 * are grouped once and no single key ever holds all of them. The corpus table is absent when
 * there are no documents. The output holds {@link #DOCUMENTS} (the input), {@link #CORPUS} and
 * {@link #BY_OUTLET}.
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
    PCollection<KV<String, TermTable>> byOutlet = docs
        .apply("KeyByOutlet", WithKeys.of(AnalyzedDocument::outlet).withKeyType(TypeDescriptors.strings()))
        .apply("SumOutlets", CombineGrouped.perKey(TermTable.combineFn()));
    PCollection<TermTable> corpus = byOutlet
        .apply("OutletTables", Values.create())
        .apply("SumCorpus", CombineGrouped.globally(TermTable.mergeFn()));
    return PCollectionTuple.of(DOCUMENTS, docs).and(CORPUS, corpus).and(BY_OUTLET, byOutlet);
  }

  /**
   * The corpus table as a side input: a list holding it, because {@code View.asSingleton} is built
   * on a combiner (see {@link CombineGrouped}). The list is empty only when there are no documents,
   * and then no DoFn reads it.
   */
  public static PCollectionView<List<TermTable>> corpusView(PCollectionTuple tables) {
    return tables.get(CORPUS).apply("CorpusView", View.asList());
  }
}
