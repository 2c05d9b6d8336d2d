package org.presslens.transforms.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.presslens.transforms.WaitFor;
import org.presslens.transforms.model.AnalyzedDocument;

/**
 * The outlets' stored totals a rerun starts from ({@link KeepTotals}), once the plan of
 * {@link UpdateSegments} is known: whole when every live segment is still the same, otherwise
 * less what the documents the rebuilds lost counted ({@link Segment#totalsWithout}), and none
 * when more were lost than the totals are taken from ({@link UpdateSegments.Totals}). Whole
 * totals do not wait for the rebuilds.
 */
final class ReadStoredTotals extends PTransform<PBegin, PCollection<Segment>> {

  private static final TupleTag<Segment> WHOLE = new TupleTag<>() {};
  private static final TupleTag<String> LESS_LOST = new TupleTag<>() {};

  private final SegmentStore store;
  private final List<String> totals;
  private final UpdateSegments.Totals use;
  private final PCollection<Integer> plan;
  private final PCollectionView<Map<String, Iterable<AnalyzedDocument>>> lost;
  private final String spillFolder;

  private ReadStoredTotals(SegmentStore store, List<String> totals, UpdateSegments.Totals use, PCollection<Integer> plan,
      PCollectionView<Map<String, Iterable<AnalyzedDocument>>> lost, String spillFolder) {
    this.store = store;
    this.totals = totals;
    this.use = use;
    this.plan = plan;
    this.lost = lost;
    this.spillFolder = spillFolder;
  }

  /**
   * @param totals the live totals files
   * @param use whether they stand whole (a side input of the plan)
   * @param plan the plan's output, which the totals wait for
   * @param lost the documents the rebuilds lost, by outlet
   */
  static ReadStoredTotals of(SegmentStore store, List<String> totals, UpdateSegments.Totals use, PCollection<Integer> plan,
      PCollectionView<Map<String, Iterable<AnalyzedDocument>>> lost, String spillFolder) {
    return new ReadStoredTotals(store, totals, use, plan, lost, spillFolder);
  }

  @Override
  public PCollection<Segment> expand(PBegin begin) {
    PCollectionTuple read = begin
        .apply("TotalsFiles", Create.of(totals).withCoder(StringUtf8Coder.of()))
        .apply("TotalsWaitForPlan", WaitFor.completionOf((String id) -> id, plan))
        .apply("ReadTotals", ParDo.of(new ReadTotalsFn(store, use, spillFolder)).withSideInputs(use.views())
            .withOutputTags(WHOLE, TupleTagList.of(LESS_LOST)));
    PCollection<Segment> lessLost = read.get(LESS_LOST).setCoder(StringUtf8Coder.of())
        .apply("TotalsLessLost", ParDo.of(new LessLostFn(store, use, lost, spillFolder)).withSideInputs(sides()));
    return PCollectionList.of(read.get(WHOLE)).and(lessLost).apply("AllTotals", Flatten.pCollections());
  }

  /** The side inputs of {@link LessLostFn}: the lost documents and how the totals are used. */
  private List<PCollectionView<?>> sides() {
    List<PCollectionView<?>> sides = new ArrayList<>(use.views());
    sides.add(lost);
    return sides;
  }

  /**
   * The outlets' stored totals when they stand whole (every live segment still the same), read;
   * their ids when they are taken what was lost from, for {@link LessLostFn}; otherwise nothing. Their large tables and postings wait in the run's
   * spill folder like new segments' ({@link AnalyzeIntoSegments#spillingInto}): the totals are the
   * largest values a rerun groups (by outlet for the sums and the stored totals, with the
   * concordance's postings), and the direct runner copies a key's grouped values whenever another
   * bundle adds to the key; spilled, only the files' names are copied.
   */
  static final class ReadTotalsFn extends DoFn<String, Segment> {
    private final SegmentStore store;
    private final UpdateSegments.Totals totals;
    private final String spillFolder;
    private final Counter read = Metrics.counter(ReadStoredTotals.class, "totals-read");

    ReadTotalsFn(SegmentStore store, UpdateSegments.Totals totals, String spillFolder) {
      this.store = store;
      this.totals = totals;
      this.spillFolder = spillFolder;
    }

    @ProcessElement
    public void process(@Element String id, MultiOutputReceiver out, ProcessContext c) throws IOException {
      if (totals.whole(c)) {
        read.inc();
        out.get(WHOLE).output(store.readTotals(id).spilledInto(spillFolder, AnalyzeIntoSegments.SPILL_BYTES));
      } else if (totals.lessLost(c)) {
        out.get(LESS_LOST).output(id);
      }
    }
  }

  /**
   * An outlet's stored totals less what the documents of the outlet that the rebuilds lost counted
   * ({@link Segment#totalsWithout}), spilled as {@link ReadTotalsFn}'s are; nothing when no document
   * of the outlet is left. The totals of an outlet none of whose documents counts otherwise than
   * they did stand whole, entity tables included ({@link UpdateSegments.Totals#touched}).
   */
  static final class LessLostFn extends DoFn<String, Segment> {
    private final SegmentStore store;
    private final UpdateSegments.Totals use;
    private final PCollectionView<Map<String, Iterable<AnalyzedDocument>>> lost;
    private final String spillFolder;
    private final Counter subtracted = Metrics.counter(ReadStoredTotals.class, "totals-less-lost");

    LessLostFn(SegmentStore store, UpdateSegments.Totals use, PCollectionView<Map<String, Iterable<AnalyzedDocument>>> lost,
        String spillFolder) {
      this.store = store;
      this.use = use;
      this.lost = lost;
      this.spillFolder = spillFolder;
    }

    @ProcessElement
    public void process(@Element String id, OutputReceiver<Segment> out, ProcessContext c) throws IOException {
      Segment stored = store.readTotals(id);
      if (!use.touched(c).contains(stored.tables().firstKey())) {
        out.output(stored.spilledInto(spillFolder, AnalyzeIntoSegments.SPILL_BYTES));
        return;
      }
      subtracted.inc();
      List<AnalyzedDocument> lostOfOutlet = new ArrayList<>();
      c.sideInput(lost).getOrDefault(stored.tables().firstKey(), List.of()).forEach(lostOfOutlet::add);
      Segment less = stored.totalsWithout(lostOfOutlet);
      if (less != null) {
        out.output(less.spilledInto(spillFolder, AnalyzeIntoSegments.SPILL_BYTES));
      }
    }
  }
}
