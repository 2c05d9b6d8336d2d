package org.presslens.transforms.reports;

import org.presslens.transforms.Stage;
import static org.presslens.transforms.reports.ReportSpec.col;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.SumTermTables;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.TermTable;

/**
 * term_frequencies.csv: term counts for the corpus, each outlet and each document, from the
 * tables of {@link SumTermTables}.
 */
public final class TermFrequencyReport extends PTransform<PCollectionTuple, PCollection<ReportBlock>> {

  public static final ReportSpec SPEC = new ReportSpec(
      "term_frequencies.csv",
      "How often each term (word or n-gram) occurs in the whole corpus, in each outlet and in each document.",
      List.of(
          col("scope", "corpus, outlet or document: the set of documents this row counts in"),
          col("scope_key", "empty for corpus; the outlet name; or the doc_id"),
          col("term", "the word or n-gram, lower-cased, words separated by one space (lemmas with --lemmatize)"),
          col("n", "words in the term: 1 for a unigram, 2 for a bigram, ..."),
          col("count", "occurrences of the term in the scope"),
          col("per_10k", "count per 10,000 running words of the scope (all words incl. stop words, punctuation excluded)"),
          col("doc_freq", "documents containing the term: in the corpus (corpus and document scope) or in the outlet (outlet scope)"),
          col("tf_idf", "document scope only: count x log10(corpus documents / corpus doc_freq), as quanteda dfm_tfidf"),
          col("rank", "rank by count among terms of the same n in the scope; ties share the lowest rank")));

  private final long minCount;

  private TermFrequencyReport(long minCount) {
    this.minCount = minCount;
  }

  /** Keeps rows with a count of at least {@code minCount} (ranks are computed before filtering). */
  public static TermFrequencyReport withMinCount(long minCount) {
    return new TermFrequencyReport(minCount);
  }

  @Override
  public PCollection<ReportBlock> expand(PCollectionTuple tables) {
    PCollection<AnalyzedDocument> docs = tables.get(SumTermTables.DOCUMENTS);
    PCollection<TermTable> corpus = tables.get(SumTermTables.CORPUS);
    PCollectionView<List<TermTable>> corpusView = SumTermTables.corpusView(tables);
    long min = minCount;

    PCollection<ReportBlock> corpusRows = corpus.apply("CorpusRows", FlatMapElements
        .into(TypeDescriptor.of(ReportBlock.class))
        .via(t -> Stage.STATISTICS.time(() -> ReportBlocks.render(SPEC, "0", rows -> TermFrequencyRows.rows(
            TermFrequencyRows.CORPUS, "", t.counts(), t.tokens(), term -> t.docFreq().get(term), 0, min, rows)))));

    PCollection<ReportBlock> outletRows = tables.get(SumTermTables.BY_OUTLET)
        .apply("OutletRows", FlatMapElements.into(TypeDescriptor.of(ReportBlock.class)).via((KV<String, TermTable> kv) -> {
          TermTable t = kv.getValue();
          return Stage.STATISTICS.time(() -> ReportBlocks.render(SPEC, "1\u0000" + kv.getKey(), rows -> TermFrequencyRows.rows(
              TermFrequencyRows.OUTLET, kv.getKey(), t.counts(), t.tokens(), term -> t.docFreq().get(term), 0, min, rows)));
        }));

    PCollection<ReportBlock> documentRows = docs.apply("DocumentRows",
        ParDo.of(new DocumentRowsFn(corpusView, min)).withSideInputs(corpusView));

    return PCollectionList.of(corpusRows).and(outletRows).and(documentRows).apply(Flatten.pCollections());
  }

  /** Document rows need the corpus document frequencies for tf-idf, taken from a side input. */
  static final class DocumentRowsFn extends DoFn<AnalyzedDocument, ReportBlock> {
    private final PCollectionView<List<TermTable>> corpusView;
    private final long minCount;

    DocumentRowsFn(PCollectionView<List<TermTable>> corpusView, long minCount) {
      this.corpusView = corpusView;
      this.minCount = minCount;
    }

    @ProcessElement
    public void process(@Element AnalyzedDocument doc, OutputReceiver<ReportBlock> out, ProcessContext c) {
      TermTable corpus = c.sideInput(corpusView).get(0);
      Map<String, Integer> df = corpus.docFreq();
      Stage.STATISTICS.time(() -> ReportBlocks.render(SPEC, "2\u0000" + doc.docId(), rows -> TermFrequencyRows.rows(
          TermFrequencyRows.DOCUMENT, doc.docId(), doc.termCounts(), doc.tokens(), df::get,
          corpus.documents(), minCount, rows))).forEach(out::output);
    }
  }
}
