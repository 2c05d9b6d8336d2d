package org.presslens.transforms.reports;

import org.presslens.transforms.Stage;
import static org.presslens.transforms.reports.ReportSpec.col;
import static org.presslens.transforms.reports.ReportSpec.decimal;
import static org.presslens.transforms.reports.ReportSpec.integer;
import static org.presslens.transforms.reports.ReportSpec.significant;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.SumTables;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.model.TermTable;
import org.presslens.transforms.reports.ContrastRows.Contrast;
import org.presslens.transforms.reports.ContrastRows.Counts;
import org.presslens.transforms.reports.ContrastRows.Side;

/**
 * outlet_contrasts.csv: each outlet against all other outlets pooled ("rest") and, with
 * {@link ContrastOptions#pairs()}, against each other outlet. Works per outlet on the tables of
 * {@link SumTables}; the corpus table comes in as a side input. Also emits, per outlet, its
 * most over-used terms against the rest ({@link #TOP_TERMS}) for the concordance.
 */
public final class OutletContrastReport extends PTransform<PCollectionTuple, PCollectionTuple> {

  public static final String REST = "rest";
  public static final TupleTag<ReportBlock> REPORT = new TupleTag<>() {};
  public static final TupleTag<KV<String, List<String>>> TOP_TERMS = new TupleTag<>() {};

  public static final ReportSpec SPEC = new ReportSpec(
      "outlet_contrasts.csv",
      "Which terms each outlet uses more (over) or less (under) than the reference, with significance and effect size. "
          + "Formulas and thresholds: the project's docs/statistics.md.",
      List.of(
          col("outlet", "the target outlet"),
          col("reference", "'rest' (all other outlets pooled) or the name of one other outlet"),
          col("term", "the word or n-gram"),
          integer("n", "words in the term"),
          integer("count_target", "occurrences in the outlet (a)"),
          integer("count_reference", "occurrences in the reference (b)"),
          decimal("per_10k_target", 4, "a per 10,000 running words of the outlet"),
          decimal("per_10k_reference", 4, "b per 10,000 running words of the reference"),
          decimal("log_odds_z", 4, "z-score of the weighted log-odds ratio with informative Dirichlet prior (Monroe et al. 2008); > 1.96 or < -1.96 is notable"),
          decimal("g2", 4, "log-likelihood G2, 4-cell form, no continuity correction (always >= 0; see direction)"),
          significant("p", 4, "p-value of g2 (chi-squared, 1 df)"),
          significant("q", 4, "Benjamini-Hochberg q-value over all terms tested in this outlet/reference comparison"),
          decimal("log_ratio", 4, "Hardie's Log Ratio: log2(target rate / reference rate), zero counts taken as 0.5; +1 = twice as frequent"),
          decimal("pct_diff", 2, "%DIFF: 100 x (target rate - reference rate) / reference rate; empty when b = 0"),
          decimal("chi2_quanteda", 4, "quanteda textstat_keyness chi2 (correction 'default'), signed"),
          decimal("lr_quanteda", 4, "quanteda textstat_keyness lr / G2 (correction 'default'), signed"),
          col("direction", "over: relatively more frequent in the outlet than in the reference; under: less"),
          integer("rank", "rank within outlet, reference and direction by |log_odds_z| (ties by g2)"),
          col("folded", "terms of lower rank folded into this one as its echoes (one nests in the other and at least "
              + "80 % of the shorter one's occurrences are the longer one's; the project's docs/statistics.md), separated by '; '; "
              + "they are not listed in the CSV file")));

  private final ContrastOptions options;
  private final ReportTiers tiers;

  private OutletContrastReport(ContrastOptions options, ReportTiers tiers) {
    this.options = options;
    this.tiers = tiers;
  }

  /** The CSV file keeps the first {@link ReportTiers#topContrasts()} terms of each outlet, reference and direction. */
  public static OutletContrastReport with(ContrastOptions options, ReportTiers tiers) {
    return new OutletContrastReport(options, tiers);
  }

  /** The rule by which the CSV file selects its rows, for the data dictionary and the run manifest. */
  public static String selection(ReportTiers tiers) {
    return "per outlet, reference and direction the " + tiers.topContrasts()
        + " terms of highest rank (largest |log_odds_z|) that are not echoes of a term listed above them (those are "
        + "named in its column folded); every tested term in the full-detail tier";
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple tables) {
    PCollection<KV<String, TermTable>> byOutlet = tables.get(SumTables.BY_OUTLET)
        .apply("OutletTerms", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(TermTable.class)))
            .via((KV<String, OutletTables> kv) -> KV.of(kv.getKey(), kv.getValue().terms())));
    PCollection<TermTable> corpus = tables.get(SumTables.CORPUS)
        .apply("CorpusTerms", MapElements.into(TypeDescriptor.of(TermTable.class)).via(OutletTables::terms));
    long minCount = options.minCount();
    // Side inputs are lists holding one table, because View.asSingleton is built on a combiner (see CombineGrouped).
    PCollectionView<List<TestedTerms>> vocabulary = corpus
        .apply("TestedTerms", MapElements.into(TypeDescriptor.of(TestedTerms.class))
            .via((TermTable t) -> Stage.STATISTICS.time(() -> TestedTerms.of(t, minCount))))
        .apply("TestedTermsView", View.asList());
    if (!options.pairs()) {
      return byOutlet.apply("Contrast", ParDo.of(new ContrastFn(options, tiers, vocabulary, null))
          .withSideInputs(vocabulary)
          .withOutputTags(REPORT, TupleTagList.of(TOP_TERMS)));
    }
    Pairwise pairwise = new Pairwise(
        corpus.apply("CorpusTermsView", View.asList()), byOutlet.apply("OutletsView", View.asMap()));
    return byOutlet.apply("Contrast", ParDo.of(new ContrastFn(options, tiers, vocabulary, pairwise))
        .withSideInputs(vocabulary, pairwise.corpus(), pairwise.outlets())
        .withOutputTags(REPORT, TupleTagList.of(TOP_TERMS)));
  }

  /**
   * What contrasts between two outlets read besides the tested terms: all of the corpus's term
   * counts (the log-odds prior of terms that only the two outlets have) and every outlet's table.
   */
  record Pairwise(PCollectionView<List<TermTable>> corpus, PCollectionView<Map<String, TermTable>> outlets)
      implements Serializable {}

  static final class ContrastFn extends DoFn<KV<String, TermTable>, ReportBlock> {
    private final ContrastOptions options;
    private final ReportTiers tiers;
    /** The tested terms and their corpus counts, standing for the corpus. */
    private final PCollectionView<List<TestedTerms>> vocabularyView;
    /** Null unless contrasts between outlets are asked for. */
    private final Pairwise pairwise;

    ContrastFn(ContrastOptions options, ReportTiers tiers, PCollectionView<List<TestedTerms>> vocabularyView,
        Pairwise pairwise) {
      this.options = options;
      this.tiers = tiers;
      this.vocabularyView = vocabularyView;
      this.pairwise = pairwise;
    }

    @ProcessElement
    public void process(@Element KV<String, TermTable> element, MultiOutputReceiver out, ProcessContext c) {
      String outlet = element.getKey();
      TermTable target = element.getValue();

      List<Contrast> vsRest = Stage.STATISTICS.time(() -> vsRest(c.sideInput(vocabularyView).get(0), target));
      Listing listing = Stage.STATISTICS.time(() -> Listing.of(vsRest, Math.max(tiers.topContrasts(), options.kwicTerms())));
      Stage.STATISTICS.time(() -> blocks(outlet, REST, SortKey.of(outlet, "0"), vsRest, listing)).forEach(out.get(REPORT)::output);
      out.get(TOP_TERMS).output(KV.of(outlet, listing.over().stream().limit(options.kwicTerms())
          .map(listed -> listed.item().term()).toList()));

      if (pairwise != null) {
        TermTable corpus = c.sideInput(pairwise.corpus()).get(0);
        Side corpusSide = new Side(corpus::count, corpus.tokens());
        Side targetSide = new Side(target::count, target.tokens());
        for (Map.Entry<String, TermTable> other : c.sideInput(pairwise.outlets()).entrySet()) {
          if (other.getKey().equals(outlet)) {
            continue;
          }
          TermTable ref = other.getValue();
          Side refSide = new Side(ref::count, ref.tokens());
          List<String> terms = new ArrayList<>(target.terms());
          ref.terms().stream().filter(t -> !target.contains(t)).forEach(terms::add);
          Stage.STATISTICS.time(() -> {
            List<Contrast> contrasts = ContrastRows.compute(terms, targetSide, refSide, corpusSide, options);
            return blocks(outlet, other.getKey(), SortKey.of(outlet, "1", other.getKey()), contrasts,
                Listing.of(contrasts, tiers.topContrasts()));
          }).forEach(out.get(REPORT)::output);
        }
      }
    }

    /**
     * The outlet against the rest on the tested terms: the terms and their corpus counts are the
     * vocabulary's own arrays, the outlet's counts are put beside them, and the rest's count is the
     * corpus count less the outlet's.
     */
    private List<Contrast> vsRest(TestedTerms tested, TermTable target) {
      String[] terms = tested.terms();
      long[] corpusCounts = tested.corpusCounts();
      long[] targetCounts = tested.countsIn(target);
      long[] restCounts = new long[terms.length];
      for (int i = 0; i < terms.length; i++) {
        restCounts[i] = corpusCounts[i] - targetCounts[i];
      }
      return ContrastRows.compute(terms, new Counts(targetCounts, target.tokens()),
          new Counts(restCounts, tested.tokens() - target.tokens()), new Counts(corpusCounts, tested.tokens()), options);
    }

    private List<ReportBlock> blocks(String outlet, String reference, SortKey key, List<Contrast> contrasts, Listing listing) {
      Map<String, String> folded = new HashMap<>(); // the listed terms and what is folded into each
      for (List<NestedTerms.Listed<Contrast>> direction : List.of(listing.over(), listing.under())) {
        direction.stream().limit(tiers.topContrasts()).forEach(l -> folded.put(l.item().term(), String.join("; ", l.folded())));
      }
      ScopeRows rows = ScopeRows.open(SPEC, key, tiers, ContrastRows.PATTERN_GROUPS);
      for (Contrast c : contrasts) {
        String into = folded.get(c.term());
        rows.rowPattern(1, 0);
        rows.add(c.pattern(), values -> ContrastRows.write(values, outlet, reference, c, into == null ? "" : into),
            into != null);
      }
      return rows.finish();
    }
  }

  /**
   * The terms a top list shows for each direction of one comparison, echoes folded
   * ({@link NestedTerms}); counted on the side the direction is about: the target's count for
   * over-used terms, the reference's for under-used ones.
   */
  record Listing(List<NestedTerms.Listed<Contrast>> over, List<NestedTerms.Listed<Contrast>> under) {
    /** @param ranked contrasts in rank order, the over-used first ({@link ContrastRows#compute}) */
    static Listing of(List<Contrast> ranked, int limit) {
      int firstUnder = firstUnder(ranked);
      return new Listing(NestedTerms.fold(ranked.subList(0, firstUnder), Contrast::term, c -> (long) c.table().a(), limit),
          NestedTerms.fold(ranked.subList(firstUnder, ranked.size()), Contrast::term, c -> (long) c.table().b(), limit));
    }

    /** The position of the first under-used contrast (the size when there is none), by bisection. */
    private static int firstUnder(List<Contrast> ranked) {
      int low = 0;
      int high = ranked.size();
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (ranked.get(middle).over()) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low;
    }
  }
}
