package org.presslens.transforms.state;

import java.io.IOException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.CombineGrouped;

/**
 * Writes each outlet's sum of the run's segments (tables, dated tables, postings) to the store,
 * one totals file per outlet ({@link SegmentStore#writeTotals}), so that the next run, when every
 * document of this one is still the same, reads these few files instead of every kept segment's
 * tables ({@link UpdateSegments}). Applied to the segments the run sums: this run's totals read
 * back, or the kept segments, plus what was analysed or rebuilt.
 */
public final class KeepTotals extends PTransform<PCollection<Segment>, PDone> {

  private final SegmentStore store;
  private final String runId;

  private KeepTotals(SegmentStore store, String runId) {
    this.store = store;
    this.runId = runId;
  }

  public static KeepTotals in(SegmentStore store, String runId) {
    return new KeepTotals(store, runId);
  }

  @Override
  public PDone expand(PCollection<Segment> segments) {
    segments
        .apply("ByOutlet", FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(Segment.class)))
            .via((Segment s) -> s.tables().keySet().stream().map(outlet -> KV.of(outlet, s.partOf(outlet))).toList()))
        .apply("SumOutlets", CombineGrouped.perKey(Segment.sumFn()))
        .apply("WriteTotals", ParDo.of(new WriteFn(store, runId)));
    return PDone.in(segments.getPipeline());
  }

  static final class WriteFn extends DoFn<KV<String, Segment>, Void> {
    private final SegmentStore store;
    private final String runId;

    WriteFn(SegmentStore store, String runId) {
      this.store = store;
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element KV<String, Segment> outlet) throws IOException {
      store.writeTotals(runId, outlet.getKey(), outlet.getValue());
    }
  }
}
