package org.presslens.transforms;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Impulse;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.model.DatedTables;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.model.TermTable;
import org.presslens.transforms.reports.TrendOptions;
import org.presslens.transforms.reports.WriteReports;
import org.presslens.transforms.state.Segment;
import org.presslens.transforms.time.PeriodPlan;
import org.presslens.transforms.time.PeriodTables;

/**
 * Sums the segments' tables per outlet and publication date ({@link Segment#dated()}) into
 * tables per outlet and period (each segment's dates merged into periods first, so that one
 * element per outlet leaves it), and those into the corpus's tables per period. The unit comes
 * from the {@link PeriodPlan}, chosen from the running words per date. With {@code --since},
 * the scopes also get the tables of what is new and of what came before ({@link PeriodTables}).
 * The output holds
 * {@link #PLAN} (one element), {@link #BY_OUTLET} and {@link #CORPUS} (absent without documents).
 */
public final class SumPeriods extends PTransform<PCollection<Segment>, PCollectionTuple> {

  public static final TupleTag<PeriodPlan> PLAN = new TupleTag<>() {};
  public static final TupleTag<KV<String, PeriodTables>> BY_OUTLET = new TupleTag<>() {};
  public static final TupleTag<PeriodTables> CORPUS = new TupleTag<>() {};

  /** Counters that tell the run manifest the chosen unit (the counter's name ends with it) and the number of periods. */
  public static final String UNIT_COUNTER = "period-unit-";
  public static final String PERIODS_COUNTER = "periods";

  private final TrendOptions trends;
  private final String runId;

  private SumPeriods(TrendOptions trends, String runId) {
    this.trends = trends;
    this.runId = runId;
  }

  /**
   * @param trends the unit ({@link TrendOptions#period()}) and what {@code --since} compares
   * @param runId this run's id in the cache (for {@link TrendOptions#LAST_RUN}), or ""
   */
  public static SumPeriods of(TrendOptions trends, String runId) {
    return new SumPeriods(trends, runId);
  }

  @Override
  public PCollectionTuple expand(PCollection<Segment> segments) {
    PCollection<KV<String, Long>> wordSums = segments
        .apply("WordsByDate", FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
            .via((Segment s) -> s.dated().values().stream().flatMap(dates -> dates.entrySet().stream())
                .map(e -> KV.of(e.getKey(), e.getValue().words())).toList()))
        .apply("SumWords", Sum.longsPerKey());
    PCollectionView<Map<String, Long>> wordsByDate = wordSums.apply("WordsView", View.asMap());
    String unit = trends.period();
    PCollection<PeriodPlan> plan = segments.getPipeline().apply("Start", Impulse.create())
        .apply("WaitForWords", WaitFor.completionOf(start -> "", wordSums))
        .apply("Plan", ParDo.of(new DoFn<byte[], PeriodPlan>() {
          @ProcessElement
          public void process(ProcessContext c) {
            PeriodPlan chosen = PeriodPlan.of(unit, c.sideInput(wordsByDate));
            Metrics.counter(WriteReports.METRICS_NAMESPACE, UNIT_COUNTER + chosen.unit().label()).inc();
            Metrics.counter(WriteReports.METRICS_NAMESPACE, PERIODS_COUNTER).inc(chosen.periodWords().size());
            c.output(chosen);
          }
        }).withSideInputs(wordsByDate))
        .setCoder(PeriodPlan.PeriodPlanCoder.of());
    PCollectionView<List<PeriodPlan>> planView = plan.apply("PlanView", View.asList());

    boolean sinceLastRun = TrendOptions.LAST_RUN.equals(trends.since());
    PCollection<KV<String, PeriodTables>> byOutlet = segments
        .apply("PeriodParts", MapElements.into(TypeDescriptor.of(Segment.class)).via((Segment s) -> s.periodPart(sinceLastRun)))
        .apply("WaitForPlan", WaitFor.completionOf(Segment::id, plan))
        .apply("ToPeriods", ParDo.of(new ToPeriodsFn(planView, trends.since(), runId)).withSideInputs(planView))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), PeriodTables.Coder.INSTANCE))
        .apply("SumOutletPeriods", CombineGrouped.perKey(PeriodTables.mergeFn()));
    PCollection<PeriodTables> corpus = byOutlet
        .apply("OutletPeriods", Values.create())
        .apply("SumCorpusPeriods", CombineGrouped.globally(PeriodTables.mergeFn()));
    return PCollectionTuple.of(PLAN, plan).and(BY_OUTLET, byOutlet).and(CORPUS, corpus);
  }

  /**
   * The plan as a side input: a list holding it, because {@code View.asSingleton} is built on a
   * combiner (see {@link CombineGrouped}).
   */
  public static PCollectionView<List<PeriodPlan>> planView(PCollectionTuple periods) {
    return periods.get(PLAN).apply("PlanOfPeriods", View.asList());
  }

  /**
   * Each outlet's tables of a date, keyed by outlet and the date's period (undated ones as sizes
   * only); with {@code --since} also keyed by {@link PeriodPlan#SINCE} or {@link PeriodPlan#BEFORE}.
   */
  static final class ToPeriodsFn extends DoFn<Segment, KV<String, PeriodTables>> {
    private final PCollectionView<List<PeriodPlan>> planView;
    private final String since;
    private final String runId;

    ToPeriodsFn(PCollectionView<List<PeriodPlan>> planView, String since, String runId) {
      this.planView = planView;
      this.since = since;
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element Segment segment, OutputReceiver<KV<String, PeriodTables>> out, ProcessContext c) {
      PeriodPlan plan = c.sideInput(planView).get(0);
      TreeMap<String, TreeMap<String, DatedTables>> byOutlet = new TreeMap<>();
      segment.dated().forEach((outlet, dates) -> {
        // the dates of a period are merged here, so that one element per outlet leaves the segment
        TreeMap<String, DatedTables> periods = byOutlet.computeIfAbsent(outlet, o -> new TreeMap<>());
        dates.forEach((date, tables) -> {
          String period = plan.periodOf(date);
          periods.computeIfAbsent(period, p -> new DatedTables())
              .merge(PeriodPlan.UNDATED.equals(period) ? tables.sizesOnly() : tables);
          sinceLabel(date).ifPresent(label -> periods.computeIfAbsent(label, p -> new DatedTables()).merge(tables));
        });
      });
      if (TrendOptions.LAST_RUN.equals(since)) {
        String label = segment.analysedIn(runId) ? PeriodPlan.SINCE : PeriodPlan.BEFORE;
        segment.tables().forEach((outlet, encoded) -> {
          OutletTables t = encoded.decode();
          byOutlet.computeIfAbsent(outlet, o -> new TreeMap<>()).put(label,
              new DatedTables(t.terms(), TermTable.ofEntities(t.entities(), t.terms().tokens(), t.terms().documents())));
        });
      }
      byOutlet.forEach((outlet, periods) -> out.output(KV.of(outlet, new PeriodTables(periods))));
    }

    /** Whether a date is on or after {@code --since=<date>}; empty when undated, ambiguous (2022 for 2022-05-01) or not asked. */
    private Optional<String> sinceLabel(String date) {
      if (since.isEmpty() || TrendOptions.LAST_RUN.equals(since) || date.isEmpty()
          || date.length() < since.length() && since.startsWith(date)) {
        return Optional.empty();
      }
      return Optional.of(date.compareTo(since) >= 0 ? PeriodPlan.SINCE : PeriodPlan.BEFORE);
    }
  }
}
