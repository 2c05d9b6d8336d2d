package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.presslens.transforms.GroupEncoded;
import org.presslens.transforms.Stage;
import org.presslens.transforms.csv.CsvReportWriter;
import org.presslens.transforms.parquet.ParquetRowWriter;
import org.presslens.transforms.parquet.ParquetTable;

/**
 * Writes a report whose elements are its rows (a document, a rejected input, a copy): gathered and
 * sorted in one step, the first {@link ReportTiers#maxRows()} to the CSV file and, with the
 * full-detail tier, every row to its table. One row per item keeps these reports small enough to
 * sort in memory; reports of many rows per element go through blocks ({@link WriteReports}). An
 * empty input still writes the header and an empty table. Counters as {@link WriteReports}. The
 * rows are gathered as the bytes of their coder ({@link GroupEncoded}).
 */
public final class WriteRows extends PTransform<PCollection<Row>, PCollection<Long>> {

  private final String directory;
  private final ReportSpec spec;
  private final ReportTiers tiers;

  private WriteRows(String directory, ReportSpec spec, ReportTiers tiers) {
    this.directory = directory;
    this.spec = spec;
    this.tiers = tiers;
  }

  public static WriteRows to(String directory, ReportSpec spec, ReportTiers tiers) {
    return new WriteRows(directory, spec, tiers);
  }

  @Override
  public PCollection<Long> expand(PCollection<Row> rows) {
    KvCoder<Void, Row> coder = KvCoder.of(VoidCoder.of(), rows.getCoder());
    // A row without values, so that a report without rows is still written (its header).
    PCollection<KV<Void, Row>> none = rows.getPipeline()
        .apply("NoRows", Create.of(KV.of((Void) null, new Row(SortKey.of(), List.of()))).withCoder(coder));
    return PCollectionList.of(rows.apply("KeyAll", WithKeys.of((Void) null)).setCoder(coder)).and(none)
        .apply("AllRows", Flatten.pCollections())
        .apply("Gather", GroupEncoded.perKey())
        .apply("WriteRows", ParDo.of(new WriteRowsFn(directory, spec, tiers)));
  }

  /** Sorts a report's rows and writes the CSV file and the full-detail table. */
  static final class WriteRowsFn extends DoFn<KV<Void, Iterable<Row>>, Long> {
    private final String directory;
    private final ReportSpec spec;
    private final ReportTiers tiers;
    private final Counter rows;
    private final Counter cut;
    private final Counter tableRows;

    WriteRowsFn(String directory, ReportSpec spec, ReportTiers tiers) {
      this.directory = directory;
      this.spec = spec;
      this.tiers = tiers;
      this.rows = Metrics.counter(WriteReports.METRICS_NAMESPACE, WriteReports.rowCounterName(spec));
      this.cut = Metrics.counter(WriteReports.METRICS_NAMESPACE, WriteReports.cutCounterName(spec));
      this.tableRows = Metrics.counter(WriteReports.METRICS_NAMESPACE, WriteTable.rowCounterName(ParquetTable.of(spec)));
    }

    @ProcessElement
    public void process(@Element KV<Void, Iterable<Row>> all, OutputReceiver<Long> out) throws IOException {
      long start = Stage.cpuNow();
      List<Row> sorted = new ArrayList<>();
      all.getValue().forEach(row -> {
        if (!row.values().isEmpty()) {
          sorted.add(row);
        }
      });
      sorted.sort(Comparator.comparing(Row::sortKey));
      ResourceId file = FileSystems.matchNewResource(directory, true).resolve(spec.fileName(), StandardResolveOptions.RESOLVE_FILE);
      long written = Math.min(sorted.size(), tiers.maxRows());
      try (OutputStream stream = Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT))) {
        stream.write(CsvReportWriter.header(spec.header()));
        CsvReportWriter.Lines lines = new CsvReportWriter.Lines(spec.header());
        for (Row row : sorted.subList(0, (int) written)) {
          lines.add(spec.render(row.values()));
          if (lines.count() == ReportBlock.MAX_ROWS) {
            stream.write(lines.take());
          }
        }
        stream.write(lines.take());
      }
      if (tiers.parquet()) {
        ParquetTable table = ParquetTable.of(spec);
        ResourceId tableFile = ScopeRows.tableFolder(tiers.dataDir(), table.name())
            .resolve("part-00000.parquet", StandardResolveOptions.RESOLVE_FILE);
        try (ParquetRowWriter writer = ParquetRowWriter.create(tableFile, table)) {
          for (Row row : sorted) {
            writer.write(row.values());
          }
        }
        tableRows.inc(sorted.size());
      }
      rows.inc(written);
      cut.inc(sorted.size() - written);
      Stage.WRITING.addSince(start);
      out.output(written);
    }
  }
}
