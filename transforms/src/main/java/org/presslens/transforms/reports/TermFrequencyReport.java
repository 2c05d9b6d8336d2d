package org.presslens.transforms.reports;

import static org.presslens.transforms.reports.ReportSpec.col;
import static org.presslens.transforms.reports.ReportSpec.decimal;
import static org.presslens.transforms.reports.ReportSpec.integer;

import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.transforms.Flatten;
import org.presslens.transforms.Stage;
import org.presslens.transforms.SumTables;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.model.TermTable;
import org.presslens.transforms.parquet.ParquetTable;
import org.presslens.transforms.stats.TermWeights;

/**
 * term_frequencies.csv: the most frequent terms of the corpus and of each outlet, from the tables
 * of {@link SumTables}. The full-detail tier has every term of every scope
 * ({@code term_frequencies}) and every term of every document ({@code document_terms}).
 */
public final class TermFrequencyReport extends PTransform<PCollectionTuple, PCollection<ReportBlock>> {

  public static final ReportSpec SPEC = new ReportSpec(
      "term_frequencies.csv",
      "How often each term (word or n-gram) occurs in the whole corpus and in each outlet.",
      List.of(
          col("scope", "corpus or outlet: the set of documents this row counts in"),
          col("scope_key", "empty for corpus; the outlet name"),
          col("term", "the word or n-gram, lower-cased, words separated by one space (lemmas with --lemmatize)"),
          integer("n", "words in the term: 1 for a unigram, 2 for a bigram, ..."),
          integer("count", "occurrences of the term in the scope"),
          decimal("per_10k", 4, "count per 10,000 running words of the scope (all words incl. stop words, punctuation excluded)"),
          integer("doc_freq", "documents of the scope containing the term"),
          integer("rank", "rank by count among terms of the same n in the scope; ties share the lowest rank")));

  /** Every term of every document (full-detail tier only; written per segment by {@link DocumentTables}). */
  public static final ParquetTable DOCUMENT_TERMS = ParquetTable.of("document_terms",
      "Every term of every counted document (copies left out), whatever --minCount says. tf-idf as quanteda's dfm_tfidf computes it joins the corpus rows of "
          + "term_frequencies: count x log10(corpus documents / corpus doc_freq), e.g. in DuckDB `SELECT d.doc_id, d.term, "
          + "d.count * log10((SELECT count(*) FROM 'data/documents/*.parquet' WHERE duplicate_of = '') / t.doc_freq) AS tf_idf "
          + "FROM 'data/document_terms/*.parquet' d JOIN 'data/term_frequencies/*.parquet' t ON t.scope = 'corpus' "
          + "AND t.term = d.term`. " + DocumentTables.PARTS_NOTE,
      List.of(
      col("doc_id", "the document"),
      col("outlet", "its outlet"),
      col("term", "the word or n-gram, as in term_frequencies"),
      integer("n", "words in the term"),
      integer("count", "occurrences in the document"),
      decimal("per_10k", 4, "count per 10,000 running words of the document"),
      integer("rank", "rank by count among the document's terms of the same n; ties share the lowest rank")));

  private final long minCount;
  private final ReportTiers tiers;

  private TermFrequencyReport(long minCount, ReportTiers tiers) {
    this.minCount = minCount;
    this.tiers = tiers;
  }

  /**
   * Lists terms with a count of at least {@code minCount} (ranks are computed before the cut);
   * the CSV file keeps the first {@link ReportTiers#topTerms()} of each scope and n.
   */
  public static TermFrequencyReport of(long minCount, ReportTiers tiers) {
    return new TermFrequencyReport(minCount, tiers);
  }

  /** The rule by which the CSV file selects its rows, for the data dictionary and the run manifest. */
  public static String selection(ReportTiers tiers) {
    return "corpus and outlet scopes; per scope and n the " + tiers.topTerms()
        + " most frequent terms (ties by term); every term, and every document's terms, in the full-detail tier";
  }

  @Override
  public PCollection<ReportBlock> expand(PCollectionTuple tables) {
    long min = minCount;
    ReportTiers limits = tiers;
    PCollection<ReportBlock> corpusRows = tables.get(SumTables.CORPUS).apply("CorpusRows", FlatMapElements
        .into(TypeDescriptor.of(ReportBlock.class))
        .via(t -> Stage.STATISTICS.time(() -> scope(TermFrequencyRows.CORPUS, "", SortKey.of("0"), t.terms(), min, limits))));
    PCollection<ReportBlock> outletRows = tables.get(SumTables.BY_OUTLET).apply("OutletRows", FlatMapElements
        .into(TypeDescriptor.of(ReportBlock.class))
        .via((KV<String, OutletTables> kv) -> Stage.STATISTICS.time(
            () -> scope(TermFrequencyRows.OUTLET, kv.getKey(), SortKey.of("1", kv.getKey()), kv.getValue().terms(), min, limits))));
    return PCollectionList.of(corpusRows).and(outletRows).apply(Flatten.pCollections());
  }

  /** The columns that are the same in every row of a scope's file: one pattern for all its rows. */
  static final Set<String> SCOPE_COLUMNS = Set.of("scope", "scope_key");

  static List<ReportBlock> scope(String scope, String key, SortKey sortKey, TermTable t, long minCount, ReportTiers tiers) {
    ScopeRows rows = ScopeRows.open(SPEC, sortKey, tiers, List.of(SCOPE_COLUMNS));
    TermFrequencyRows.ranked(t, minCount, tiers.topTerms(), r -> rows.add(0, values -> values.text(scope).text(key).text(r.term())
        .integer(r.n()).integer(r.count()).decimal(TermWeights.per10k(r.count(), t.tokens())).integer(r.documents())
        .integer(r.rank()), r.position() < tiers.topTerms()));
    return rows.finish();
  }

}
