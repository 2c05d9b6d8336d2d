package org.presslens.transforms.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.presslens.transforms.parquet.ParquetRowWriter;
import org.presslens.transforms.parquet.ParquetTable;

/**
 * Writes a full-detail table as Parquet files in {@code <dataDir>/<table>/}, one file per bundle
 * of elements (each element gives any number of rows), with the protocol of Beam's file sinks in
 * three steps: each bundle writes a temporary file, the names of the finished ones are gathered,
 * and those are renamed to {@code part-NNNNN.parquet} while temporary files of failed attempts
 * are deleted. A table without rows gets one file with its schema. The rows are counted in the
 * Beam counter {@link #rowCounterName}.
 */
public final class WriteTable<T> extends PTransform<PCollection<T>, PDone> {

  private static final String TEMPORARY = ".tmp-";

  /** The rows of one element, handed to the consumer in column order. */
  public interface Rows<T> extends java.io.Serializable {
    void of(T element, Consumer<List<?>> rows);
  }

  private final String dataDir;
  private final ParquetTable table;
  private final Rows<T> rows;

  private WriteTable(String dataDir, ParquetTable table, Rows<T> rows) {
    this.dataDir = dataDir;
    this.table = table;
    this.rows = rows;
  }

  /** Each element gives any number of rows of {@code table}. */
  public static <T> WriteTable<T> of(String dataDir, ParquetTable table, Rows<T> rows) {
    return new WriteTable<>(dataDir, table, rows);
  }

  public static String rowCounterName(ParquetTable table) {
    return "parquet:" + table.name();
  }

  @Override
  public PDone expand(PCollection<T> elements) {
    elements
        .apply("WriteBundles", ParDo.of(new WriteBundleFn<>(dataDir, table, rows)))
        .setCoder(KvCoder.of(VoidCoder.of(), StringUtf8Coder.of()))
        .apply("GatherFiles", GroupByKey.create())
        .apply("Finalize", ParDo.of(new FinalizeFn(dataDir, table)));
    return PDone.in(elements.getPipeline());
  }

  static ResourceId folder(String dataDir, ParquetTable table) {
    return ScopeRows.tableFolder(dataDir, table.name());
  }

  /** Writes the rows of a bundle's elements to a temporary file and names it when the bundle is done. */
  static final class WriteBundleFn<T> extends DoFn<T, KV<Void, String>> {
    private final String dataDir;
    private final ParquetTable table;
    private final Rows<T> rows;
    private final Counter written;
    private transient ParquetRowWriter writer;
    private transient ResourceId file;

    WriteBundleFn(String dataDir, ParquetTable table, Rows<T> rows) {
      this.dataDir = dataDir;
      this.table = table;
      this.rows = rows;
      this.written = Metrics.counter(WriteReports.METRICS_NAMESPACE, rowCounterName(table));
    }

    @ProcessElement
    public void process(@Element T element) throws IOException {
      if (writer == null) {
        file = folder(dataDir, table).resolve(TEMPORARY + UUID.randomUUID() + ".parquet", StandardResolveOptions.RESOLVE_FILE);
        writer = ParquetRowWriter.create(file, table);
      }
      List<IOException> failed = new ArrayList<>(1);
      Consumer<List<?>> sink = row -> {
        try {
          writer.write(row);
        } catch (IOException e) {
          failed.add(e);
        }
      };
      long before = writer.rows();
      rows.of(element, sink);
      if (!failed.isEmpty()) {
        throw failed.get(0);
      }
      written.inc(writer.rows() - before);
    }

    @FinishBundle
    public void finish(FinishBundleContext context) throws IOException {
      if (writer != null) {
        writer.close();
        context.output(KV.of(null, file.toString()), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
        writer = null;
      }
    }
  }

  /** Gives the finished files their final names and removes what failed attempts left. */
  static final class FinalizeFn extends DoFn<KV<Void, Iterable<String>>, Void> {
    private final String dataDir;
    private final ParquetTable table;

    FinalizeFn(String dataDir, ParquetTable table) {
      this.dataDir = dataDir;
      this.table = table;
    }

    @ProcessElement
    public void process(@Element KV<Void, Iterable<String>> files) throws IOException {
      ResourceId folder = folder(dataDir, table);
      List<String> finished = new ArrayList<>();
      files.getValue().forEach(finished::add);
      finished.sort(null);
      List<ResourceId> from = new ArrayList<>();
      List<ResourceId> to = new ArrayList<>();
      for (int i = 0; i < finished.size(); i++) {
        from.add(FileSystems.matchNewResource(finished.get(i), false));
        to.add(folder.resolve(String.format("part-%05d.parquet", i), StandardResolveOptions.RESOLVE_FILE));
      }
      FileSystems.rename(from, to);
      MatchResult left = FileSystems.match(folder.resolve(TEMPORARY + "*", StandardResolveOptions.RESOLVE_FILE).toString(),
          EmptyMatchTreatment.ALLOW);
      List<ResourceId> orphans = left.metadata().stream().map(MatchResult.Metadata::resourceId).toList();
      FileSystems.delete(orphans, StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
