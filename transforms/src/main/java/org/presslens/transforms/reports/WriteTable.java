package org.presslens.transforms.reports;

import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.presslens.transforms.parquet.ParquetSink;
import org.presslens.transforms.parquet.ParquetTable;

/**
 * Writes a full-detail table as Parquet files in {@code <dataDir>/<table>/} (Beam's FileIO: one
 * file per bundle, named {@code part-NNNNN-of-MMMMM.parquet}; an empty input still gives one file
 * with the schema). Each element gives its rows; the rows written are counted in the Beam counter
 * {@link #rowCounterName}.
 */
public final class WriteTable<T> extends PTransform<PCollection<T>, PDone> {

  private final String dataDir;
  private final ParquetTable table;
  private final ParquetSink.Rows<T> rows;

  private WriteTable(String dataDir, ParquetTable table, ParquetSink.Rows<T> rows) {
    this.dataDir = dataDir;
    this.table = table;
    this.rows = rows;
  }

  /** Each element gives any number of rows of {@code table}. */
  public static <T> WriteTable<T> of(String dataDir, ParquetTable table, ParquetSink.Rows<T> rows) {
    return new WriteTable<>(dataDir, table, rows);
  }

  /** The rows of a report whose elements are its rows. */
  public static WriteTable<Row> rows(String dataDir, ReportSpec spec) {
    return new WriteTable<>(dataDir, ParquetTable.of(spec), (row, out) -> out.accept(row.values()));
  }

  public static String rowCounterName(ParquetTable table) {
    return "parquet:" + table.name();
  }

  @Override
  public PDone expand(PCollection<T> elements) {
    elements.apply("WriteParquet", FileIO.<T>write()
        .via(new ParquetSink<>(table, new Counted<>(rows, table)))
        .to(ScopeRows.tableFolder(dataDir, table.name()).toString())
        .withPrefix("part")
        .withSuffix(".parquet"));
    return PDone.in(elements.getPipeline());
  }

  /** Counts the rows as the sink writes them. */
  private static final class Counted<T> implements ParquetSink.Rows<T> {
    private final ParquetSink.Rows<T> rows;
    private final String counterName;
    private transient Counter counter;

    Counted(ParquetSink.Rows<T> rows, ParquetTable table) {
      this.rows = rows;
      this.counterName = rowCounterName(table);
    }

    @Override
    public void of(T element, Consumer<List<?>> out) {
      if (counter == null) {
        counter = Metrics.counter(WriteReport.METRICS_NAMESPACE, counterName);
      }
      rows.of(element, row -> {
        counter.inc();
        out.accept(row);
      });
    }
  }
}
