package org.presslens.transforms.reports;

import static org.presslens.transforms.reports.ReportSpec.col;
import static org.presslens.transforms.reports.ReportSpec.decimal;
import static org.presslens.transforms.reports.ReportSpec.integer;
import static org.presslens.transforms.reports.ReportSpec.significant;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.DelegateCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.Stage;
import org.presslens.transforms.SumPeriods;
import org.presslens.transforms.SumTables;
import org.presslens.transforms.model.DatedTables;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.model.TermTable;
import org.presslens.transforms.reports.ContrastRows.Contrast;
import org.presslens.transforms.stats.TermWeights;
import org.presslens.transforms.text.TermCounter;
import org.presslens.transforms.time.PeriodPlan;
import org.presslens.transforms.time.PeriodTables;

/**
 * The change-over-time reports: emerging.csv (what the corpus and each outlet use more in the
 * latest period than in their own earlier periods), term_trends.csv and entity_trends.csv (the
 * listed items' counts per period). Works per scope on the totals of {@link SumTables} joined
 * with the period tables of {@link SumPeriods}; the input tuple holds the outputs of both.
 */
public final class TrendReport extends PTransform<PCollectionTuple, PCollection<ReportBlock>> {

  public static final String TERM = "term";
  public static final String ENTITY = "entity";
  /** q-value below which an item counts as emerging. */
  public static final double ALPHA = 0.05;

  public static final ReportSpec EMERGING = new ReportSpec(
      "emerging.csv",
      "Which terms and entities the corpus and each outlet use more in the latest period than in their own earlier "
          + "periods, with significance and effect size. Formulas: the project's docs/trends.md.",
      List.of(
          col("scope", "corpus or outlet"),
          col("scope_key", "empty for corpus; the outlet name"),
          col("kind", "term or entity"),
          col("item", "the term, or the entity's canonical name"),
          col("type", "the entity's type; empty for terms"),
          integer("n", "words in the item"),
          col("latest_period", "what was tested: the corpus's latest period; with --since 'since <date>' (documents dated "
              + "from then on) or 'new since the last run'"),
          integer("count_latest", "occurrences (mentions) in the scope's latest period (a)"),
          integer("count_earlier", "occurrences (mentions) in the scope's earlier periods pooled, or with --since in what came before (b)"),
          decimal("per_10k_latest", 4, "a per 10,000 running words of the latest period"),
          decimal("per_10k_earlier", 4, "b per 10,000 running words of the earlier periods"),
          decimal("log_odds_z", 4, "z-score of the weighted log-odds ratio, the scope's dated words as prior (as in outlet_contrasts.csv)"),
          decimal("g2", 4, "log-likelihood G2 (as in outlet_contrasts.csv)"),
          significant("p", 4, "p-value of g2 (chi-squared, 1 df)"),
          significant("q", 4, "Benjamini-Hochberg q-value over the items tested in this scope and kind"),
          decimal("log_ratio", 4, "Hardie's Log Ratio: log2(latest rate / earlier rate)"),
          significant("rate_test_p", 4, "exact conditional test of two Poisson rates, two-sided: is the latest rate outside what the earlier rate predicts"),
          significant("rate_test_q", 4, "Benjamini-Hochberg q-value of rate_test_p over the items tested in this scope and kind"),
          col("direction", "over: more frequent in the latest period than before; under: less"),
          integer("rank", "rank within scope, kind and direction by |log_odds_z|"),
          col("first_seen", "the first period in which the scope uses the item"),
          col("folded", "items of lower rank folded into this one as its echoes (as in outlet_contrasts.csv), separated by '; '")));

  public static final ReportSpec TERM_TRENDS = new ReportSpec(
      "term_trends.csv",
      "How often the listed terms occur in each period, in the corpus and in each outlet.",
      trendColumns("term", "the word or n-gram", "count", "occurrences"));

  public static final ReportSpec ENTITY_TRENDS = new ReportSpec(
      "entity_trends.csv",
      "How often the listed entities are mentioned in each period, in the corpus and in each outlet.",
      trendColumns("entity", "canonical name", "mentions", "mentions"));

  private static List<ReportSpec.Column> trendColumns(String item, String itemText, String count, String countText) {
    List<ReportSpec.Column> columns = new ArrayList<>(List.of(
        col("scope", "corpus or outlet"),
        col("scope_key", "empty for corpus; the outlet name"),
        col(item, itemText)));
    columns.add(ENTITY.equals(item) ? col("type", "person, organization or location") : integer("n", "words in the term"));
    columns.addAll(List.of(
        col("period", "the period (day 2022-05-03, ISO week 2022-W18, month 2022-05, quarter 2022-Q2, year 2022, decade "
            + "2020s), or 'undated': documents without a date precise enough for the unit"),
        integer(count, countText + " in the scope's documents of the period"),
        decimal("per_10k", 4, countText + " per 10,000 running words of the scope's documents of the period"),
        integer("documents", "documents of the scope and period with the item"),
        integer("period_words", "running words of the scope's documents of the period"),
        integer("period_documents", "documents of the scope in the period"),
        significant("rate_test_p", 4, "the item's rate test of the latest period in this scope (as in emerging.csv); empty when not tested"),
        significant("rate_test_q", 4, "its Benjamini-Hochberg q-value (as in emerging.csv)")));
    return columns;
  }

  private final TrendOptions trends;
  private final ContrastOptions contrast;
  private final ReportTiers tiers;
  private final boolean entities;

  private TrendReport(TrendOptions trends, ContrastOptions contrast, ReportTiers tiers, boolean entities) {
    this.trends = trends;
    this.contrast = contrast;
    this.tiers = tiers;
    this.entities = entities;
  }

  /** @param entities whether entity_trends.csv is written (emerging.csv lists entities whenever they were recognised) */
  public static TrendReport of(TrendOptions trends, ContrastOptions contrast, ReportTiers tiers, boolean entities) {
    return new TrendReport(trends, contrast, tiers, entities);
  }

  /** How the CSV files select their rows, for the data dictionary and the run manifest. */
  public static Map<String, String> selections(TrendOptions trends) {
    String listed = "per scope the corpus's " + trends.watched() + " most frequent %s, then the scope's emerging ones in emerging.csv";
    return Map.of(
        EMERGING.fileName(), "per scope and kind the " + trends.emergingTop() + " items of highest rank used more in the latest "
            + "period (q < " + ALPHA + "), echoes folded; every tested item, both directions, in the full-detail tier",
        TERM_TRENDS.fileName(), String.format(listed, "terms") + "; each in every period of the scope (zeros included) and "
            + "'undated'; in the full-detail tier also the non-zero counts in the dated periods of every term emerging.csv "
            + "tested",
        ENTITY_TRENDS.fileName(), String.format(listed, "entities") + "; as term_trends.csv");
  }

  /** What the corpus's tables say is most frequent: the items every scope's trends list. */
  record Watched(List<String> terms, List<String> entities) implements Serializable {

    /** The two lists as strings, not Java serialization. */
    static Coder<Watched> coder() {
      Coder<List<String>> strings = ListCoder.of(StringUtf8Coder.of());
      return DelegateCoder.of(KvCoder.of(strings, strings), w -> KV.of(w.terms(), w.entities()),
          kv -> new Watched(kv.getKey(), kv.getValue()), TypeDescriptor.of(Watched.class));
    }
  }

  @Override
  public PCollection<ReportBlock> expand(PCollectionTuple input) {
    int watchedCount = trends.watched();
    PCollectionView<List<Watched>> watched = input.get(SumTables.CORPUS)
        .apply("Watched", MapElements.into(TypeDescriptor.of(Watched.class)).via(t -> new Watched(
            top(t.terms(), watchedCount), top(totals(t).entities(), watchedCount))))
        .setCoder(Watched.coder())
        .apply("WatchedView", View.asList());
    PCollectionView<List<PeriodPlan>> plan = input.get(SumPeriods.PLAN).apply("PlanView", View.asList());

    // the totals join as terms and entity counts only: the co-occurrence tables stay behind
    TupleTag<DatedTables> totals = new TupleTag<>() {};
    TupleTag<PeriodTables> periods = new TupleTag<>() {};
    boolean sinceLastRun = !trends.since().isEmpty();
    PCollection<KV<String, DatedTables>> outletTotals = input.get(SumTables.BY_OUTLET)
        .apply("OutletTotals", ParDo.of(new TotalsFn(watched, plan, sinceLastRun)).withSideInputs(watched, plan));
    PCollection<KV<String, CoGbkResult>> outlets = KeyedPCollectionTuple
        .of(totals, outletTotals)
        .and(periods, input.get(SumPeriods.BY_OUTLET))
        .apply("JoinOutlets", CoGroupByKey.create());
    PCollection<KV<String, DatedTables>> corpusTotals = keyed(input.get(SumTables.CORPUS), "KeyCorpus")
        .apply("CorpusTotals", ParDo.of(new TotalsFn(watched, plan, sinceLastRun)).withSideInputs(watched, plan));
    PCollection<KV<String, CoGbkResult>> corpus = KeyedPCollectionTuple
        .of(totals, corpusTotals)
        .and(periods, keyed(input.get(SumPeriods.CORPUS), "KeyCorpusPeriods"))
        .apply("JoinCorpus", CoGroupByKey.create());
    ScopeFn.Setup setup = new ScopeFn.Setup(trends, contrast, tiers, entities, totals, periods);
    return PCollectionList
        .of(corpus.apply("CorpusTrends", ParDo.of(new ScopeFn(setup, true, watched, plan)).withSideInputs(watched, plan)))
        .and(outlets.apply("OutletTrends", ParDo.of(new ScopeFn(setup, false, watched, plan)).withSideInputs(watched, plan)))
        .apply("AllTrends", Flatten.pCollections());
  }

  /**
   * What a scope's trend rows read of its totals, to join with its periods. They read the totals
   * only for the undated row of a listed item (its count in all documents less its dated counts):
   * without undated documents, only the running words and documents go on; without dated periods
   * (and without {@code --since}) nothing is emerging and only the watched items are listed. So
   * the join does not carry a copy of every outlet's tables where they are not read.
   */
  static final class TotalsFn extends DoFn<KV<String, OutletTables>, KV<String, DatedTables>> {
    private final PCollectionView<List<Watched>> watched;
    private final PCollectionView<List<PeriodPlan>> plan;
    private final boolean sinceLastRun;

    TotalsFn(PCollectionView<List<Watched>> watched, PCollectionView<List<PeriodPlan>> plan, boolean sinceLastRun) {
      this.watched = watched;
      this.plan = plan;
      this.sinceLastRun = sinceLastRun;
    }

    @ProcessElement
    public void process(@Element KV<String, OutletTables> scope, OutputReceiver<KV<String, DatedTables>> out, ProcessContext c) {
      out.output(KV.of(scope.getKey(), read(totals(scope.getValue()), c.sideInput(plan).get(0), c.sideInput(watched).get(0),
          sinceLastRun)));
    }

    static DatedTables read(DatedTables all, PeriodPlan plan, Watched watched, boolean sinceLastRun) {
      if (plan.undatedWords() == 0) {
        return all.sizesOnly();
      }
      if (plan.periodWords().isEmpty() && !sinceLastRun) {
        return all.only(watched.terms(), watched.entities());
      }
      return all;
    }
  }

  /** A scope's terms and entity mentions, as the trend reports read them. */
  private static DatedTables totals(OutletTables t) {
    return new DatedTables(t.terms(), TermTable.ofEntities(t.entities(), t.terms().tokens(), t.terms().documents()));
  }

  private static <T> PCollection<KV<String, T>> keyed(PCollection<T> single, String name) {
    return single.apply(name, WithKeys.<String, T>of("").withKeyType(TypeDescriptor.of(String.class)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), single.getCoder()));
  }

  /**
   * The {@code n} largest counts, ties by item: a heap of the best {@code n} so far, whose head is
   * the weakest of them, rather than a sort of every item of the corpus.
   */
  static List<String> top(TermTable table, int n) {
    if (n <= 0) {
      return List.of();
    }
    Comparator<Map.Entry<String, Long>> order =
        Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
    PriorityQueue<Map.Entry<String, Long>> best = new PriorityQueue<>(n + 1, order.reversed());
    table.forEach((term, count, documents) -> {
      if (best.size() < n) {
        best.add(Map.entry(term, count));
      } else if (count > best.peek().getValue()
          || count == best.peek().getValue() && term.compareTo(best.peek().getKey()) < 0) {
        best.poll();
        best.add(Map.entry(term, count));
      }
    });
    return best.stream().sorted(order).map(Map.Entry::getKey).toList();
  }

  /** The rows of one scope: emerging, then term and entity trends. */
  static final class ScopeFn extends DoFn<KV<String, CoGbkResult>, ReportBlock> {

    record Setup(TrendOptions trends, ContrastOptions contrast, ReportTiers tiers, boolean entities,
        TupleTag<DatedTables> totals, TupleTag<PeriodTables> periods) implements Serializable {}

    private final Setup setup;
    private final boolean corpus;
    private final PCollectionView<List<Watched>> watched;
    private final PCollectionView<List<PeriodPlan>> plan;

    ScopeFn(Setup setup, boolean corpus, PCollectionView<List<Watched>> watched, PCollectionView<List<PeriodPlan>> plan) {
      this.setup = setup;
      this.corpus = corpus;
      this.watched = watched;
      this.plan = plan;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> element, OutputReceiver<ReportBlock> out, ProcessContext c) {
      DatedTables totals = element.getValue().getOnly(setup.totals(), null);
      if (totals == null) {
        return;
      }
      PeriodTables periods = element.getValue().getOnly(setup.periods(), PeriodTables.empty());
      PeriodPlan thePlan = c.sideInput(plan).get(0);
      Watched mostFrequent = c.sideInput(watched).get(0);
      Scope scope = new Scope(corpus ? TermFrequencyRows.CORPUS : TermFrequencyRows.OUTLET, corpus ? "" : element.getKey());
      DatedTables undated = periods.get(PeriodPlan.UNDATED);
      Stage.STATISTICS.time(() -> {
        List<ReportBlock> blocks = new ArrayList<>();
        TermTable termTotals = totals.terms();
        TreeMap<String, DatedTables> byPeriod = periods.byPeriod();
        TrendRows.Compared compared = setup.trends().since().isEmpty()
            ? TrendRows.latestAndEarlier(byPeriod, thePlan.latest())
            : new TrendRows.Compared(byPeriod.get(PeriodPlan.SINCE), byPeriod.get(PeriodPlan.BEFORE));
        TrendRows terms = new TrendRows(byPeriod, DatedTables::terms, compared, setup.contrast());
        TermTable entityTotals = totals.entities();
        TrendRows mentions = new TrendRows(byPeriod, DatedTables::entities, compared, setup.contrast());
        ScopeRows emerging = ScopeRows.open(EMERGING, scope.key(), setup.tiers());
        List<String> emergingTerms = emerging(emerging, scope, TERM, terms, thePlan);
        List<String> emergingEntities = emerging(emerging, scope, ENTITY, mentions, thePlan);
        blocks.addAll(emerging.finish());
        blocks.addAll(trendRows(TERM_TRENDS, scope, terms, TrendRows.listed(mostFrequent.terms(), emergingTerms),
            thePlan, termTotals, undated, TrendReport::termCells));
        if (setup.entities()) {
          blocks.addAll(trendRows(ENTITY_TRENDS, scope, mentions, TrendRows.listed(mostFrequent.entities(), emergingEntities),
              thePlan, entityTotals, undated, TrendReport::entityCells));
        }
        return blocks;
      }).forEach(out::output);
    }

    /** Writes a kind's tested items; returns those the CSV file lists. */
    private List<String> emerging(ScopeRows rows, Scope scope, String kind, TrendRows trend, PeriodPlan thePlan) {
      Map<String, String> folded = new HashMap<>();
      for (NestedTerms.Listed<TrendRows.Emerging> l : trend.emerging(ALPHA, setup.trends().emergingTop())) {
        folded.put(l.item().contrast().term(), String.join("; ", l.folded().stream().map(TrendReport::display).toList()));
      }
      for (TrendRows.Emerging e : trend.tested()) {
        rows.add(emergingRow(scope, kind, setup.trends().testedLabel(thePlan.latest()), e, folded.getOrDefault(e.contrast().term(), "")),
            folded.containsKey(e.contrast().term()));
      }
      return trend.tested().stream().map(e -> e.contrast().term()).filter(folded::containsKey).toList();
    }

    private List<ReportBlock> trendRows(ReportSpec spec, Scope scope, TrendRows trend, List<String> listed, PeriodPlan thePlan,
        TermTable totals, DatedTables undated, Function<String, List<?>> itemCells) {
      ScopeRows rows = ScopeRows.open(spec, scope.key(), setup.tiers());
      for (String item : listed) {
        for (TrendRows.PeriodCount count : trend.counts(item, thePlan.periods(), totals, undated)) {
          rows.add(row(scope, itemCells.apply(item), count, trend.testOf(item)), true);
        }
      }
      trend.nonZero(new HashSet<>(listed), (item, count) -> rows.add(row(scope, itemCells.apply(item), count, trend.testOf(item)), false));
      return rows.finish();
    }
  }

  private static List<?> row(Scope scope, List<?> item, TrendRows.PeriodCount count, TrendRows.Emerging test) {
    List<Object> row = new ArrayList<>(List.of(scope.scope(), scope.outlet()));
    row.addAll(item);
    row.addAll(List.of(count.period(), count.count(), TermWeights.per10k(count.count(), count.periodWords()),
        count.documents(), count.periodWords(), count.periodDocuments(),
        test == null ? Double.NaN : test.rateP(), test == null ? Double.NaN : test.rateQ()));
    return row;
  }

  /** A scope's report columns and its place in the reports: the corpus first, then the outlets by name. */
  record Scope(String scope, String outlet) {
    SortKey key() {
      return TermFrequencyRows.CORPUS.equals(scope) ? SortKey.of("0") : SortKey.of("1", outlet);
    }
  }

  private static List<?> emergingRow(Scope scope, String kind, String latest, TrendRows.Emerging e, String folded) {
    Contrast c = e.contrast();
    List<?> item = ENTITY.equals(kind) ? entityCells(c.term()) : termCells(c.term());
    String name = (String) item.get(0);
    String type = ENTITY.equals(kind) ? (String) item.get(1) : "";
    return List.of(scope.scope(), scope.outlet(), kind, name, type, TermCounter.gramSize(name), latest,
        (long) c.table().a(), (long) c.table().b(),
        TermWeights.per10k((long) c.table().a(), (long) c.table().targetTotal()),
        TermWeights.per10k((long) c.table().b(), (long) c.table().referenceTotal()),
        c.z(), c.g2(), c.p(), c.q(), c.logRatio(), e.rateP(), e.rateQ(), c.over() ? "over" : "under", c.rank(),
        e.firstSeen(), folded);
  }

  private static List<?> termCells(String term) {
    return List.of(term, TermCounter.gramSize(term));
  }

  /** Canonical name and type of an entity key ({@code Mention#key()}). */
  private static List<?> entityCells(String key) {
    int cut = key.indexOf('\u0000');
    return cut < 0 ? List.of(key, "") : List.of(key.substring(0, cut), key.substring(cut + 1));
  }

  /** How a folded item is named: a term as it is, an entity by its canonical name. */
  private static String display(String key) {
    int cut = key.indexOf('\u0000');
    return cut < 0 ? key : key.substring(0, cut);
  }
}
