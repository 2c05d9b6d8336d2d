package org.presslens.transforms.state;

import java.io.IOException;
import java.io.Serializable;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.CombineGrouped;
import org.presslens.transforms.SumTables;
import org.presslens.transforms.model.OutletTables;

/**
 * Writes each outlet's sum of the run's segments to the store, so that the next run, when every
 * document of this one is still the same, reads these few files instead of every kept segment's
 * tables ({@link UpdateSegments}): the outlet's tables as {@link SumTables} summed them
 * ({@link SegmentStore#writeTotalTables}), and its dated tables and postings, summed here
 * ({@link SegmentStore#writeTotals}). Applied to the output of {@link SumTables}, whose segments
 * are those the run sums: the last run's totals read back, or the kept segments, plus what was
 * analysed or rebuilt.
 */
public final class KeepTotals extends PTransform<PCollectionTuple, PDone> {

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
  public PDone expand(PCollectionTuple sums) {
    sums.get(SumTables.BY_OUTLET)
        .apply("WriteTotalTables", ParDo.of(new WriteFn<OutletTables>(store, runId, SegmentStore::writeTotalTables)));
    sums.get(SumTables.SEGMENTS)
        .apply("ByOutlet", FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(Segment.class)))
            .via(Segment::datedParts))
        .apply("SumOutlets", CombineGrouped.perKey(Segment.datedSumFn()))
        .apply("WriteTotals", ParDo.of(new WriteFn<Segment>(store, runId, SegmentStore::writeTotals)));
    return PDone.in(sums.getPipeline());
  }

  /** How one outlet's sum goes to the store. */
  interface Writer<T> extends Serializable {
    void write(SegmentStore store, String runId, String outlet, T sum) throws IOException;
  }

  static final class WriteFn<T> extends DoFn<KV<String, T>, Void> {
    private final SegmentStore store;
    private final String runId;
    private final Writer<T> writer;

    WriteFn(SegmentStore store, String runId, Writer<T> writer) {
      this.store = store;
      this.runId = runId;
      this.writer = writer;
    }

    @ProcessElement
    public void process(@Element KV<String, T> outlet) throws IOException {
      writer.write(store, runId, outlet.getKey(), outlet.getValue());
    }
  }
}
