package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.PCollection;
import org.presslens.transforms.csv.CsvReportWriter;

/**
 * Writes report blocks to one CSV file in a directory on any Beam filesystem, blocks ordered by
 * their sort key, so the file is the same whatever order the runner produced them in. An empty
 * input still writes the header. Emits the number of rows written; the count is also published
 * as the Beam counter {@code rows:<file name>}.
 */
public final class WriteReport extends PTransform<PCollection<ReportBlock>, PCollection<Long>> {

  public static final String METRICS_NAMESPACE = "presslens.reports";

  private final String directory;
  private final ReportSpec spec;

  private WriteReport(String directory, ReportSpec spec) {
    this.directory = directory;
    this.spec = spec;
  }

  public static WriteReport to(String directory, ReportSpec spec) {
    return new WriteReport(directory, spec);
  }

  public static String rowCounterName(ReportSpec spec) {
    return "rows:" + spec.fileName();
  }

  @Override
  public PCollection<Long> expand(PCollection<ReportBlock> blocks) {
    return blocks
        .apply("CollectBlocks", Combine.globally(new CollectBlocks()))
        .apply("WriteCsv", ParDo.of(new WriteCsvFn(directory, spec)));
  }

  /** Gathers all blocks of the report; partial lists combine before the final merge. */
  static final class CollectBlocks extends Combine.CombineFn<ReportBlock, ArrayList<ReportBlock>, ArrayList<ReportBlock>> {
    @Override
    public ArrayList<ReportBlock> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public ArrayList<ReportBlock> addInput(ArrayList<ReportBlock> acc, ReportBlock block) {
      acc.add(block);
      return acc;
    }

    @Override
    public ArrayList<ReportBlock> mergeAccumulators(Iterable<ArrayList<ReportBlock>> accs) {
      ArrayList<ReportBlock> merged = new ArrayList<>();
      accs.forEach(merged::addAll);
      return merged;
    }

    @Override
    public ArrayList<ReportBlock> extractOutput(ArrayList<ReportBlock> acc) {
      return acc;
    }
  }

  static final class WriteCsvFn extends DoFn<ArrayList<ReportBlock>, Long> {
    private final String directory;
    private final ReportSpec spec;
    private final Counter rows;

    WriteCsvFn(String directory, ReportSpec spec) {
      this.directory = directory;
      this.spec = spec;
      this.rows = Metrics.counter(METRICS_NAMESPACE, rowCounterName(spec));
    }

    @ProcessElement
    public void process(@Element ArrayList<ReportBlock> blocks, OutputReceiver<Long> out) throws IOException {
      List<ReportBlock> sorted = new ArrayList<>(blocks);
      sorted.sort(Comparator.comparing(ReportBlock::sortKey));
      Iterable<List<String>> allRows = () -> sorted.stream().flatMap(b -> b.rows().stream()).iterator();
      ResourceId dir = FileSystems.matchNewResource(directory, true);
      ResourceId file = dir.resolve(spec.fileName(), StandardResolveOptions.RESOLVE_FILE);
      long written;
      try (OutputStream stream = Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT))) {
        written = CsvReportWriter.write(stream, spec.header(), allRows);
      }
      rows.inc(written);
      out.output(written);
    }
  }
}
