package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Metrics;
import org.presslens.transforms.csv.CsvReportWriter;
import org.presslens.transforms.parquet.ParquetRowWriter;
import org.presslens.transforms.parquet.ParquetTable;

/**
 * The rows of one scope of a report (the corpus, an outlet), produced once and written to both
 * tiers as they come: every row to the scope's file of the full-detail table (when there is one),
 * the rows the spreadsheet tier keeps to CSV blocks. No scope's rows are ever held all at once.
 * The Parquet file is named by the scope, so a retried bundle replaces it.
 */
public final class ScopeRows {

  private final ReportSpec spec;
  private final SortKey sortKey;
  private final ParquetRowWriter parquet;
  private final CsvReportWriter.Lines lines;
  private final List<ReportBlock> blocks = new ArrayList<>();

  private ScopeRows(ReportSpec spec, SortKey sortKey, ParquetRowWriter parquet) {
    this.spec = spec;
    this.sortKey = sortKey;
    this.parquet = parquet;
    this.lines = new CsvReportWriter.Lines(spec.header());
  }

  /** Rows of a scope of {@code spec}, with its full-detail table in {@code tiers.dataDir()} if set. */
  public static ScopeRows open(ReportSpec spec, SortKey sortKey, ReportTiers tiers) {
    return open(spec, sortKey, tiers, List.of());
  }

  /**
   * Rows of a scope whose full-detail table takes the columns named in {@code patternGroups} from
   * each row's pattern in their group ({@link #rowPattern}, {@link #add(int, RowValues.TypedRow, boolean)}).
   */
  public static ScopeRows open(ReportSpec spec, SortKey sortKey, ReportTiers tiers, List<Set<String>> patternGroups) {
    if (!tiers.parquet()) {
      return new ScopeRows(spec, sortKey, null);
    }
    ParquetTable table = ParquetTable.of(spec);
    ResourceId file = tableFolder(tiers.dataDir(), table.name())
        .resolve(sortKey.digest().substring(0, 24) + ".parquet", StandardResolveOptions.RESOLVE_FILE);
    try {
      return new ScopeRows(spec, sortKey, ParquetRowWriter.create(file, table, patternGroups));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The blocks of a report whose one scope is the corpus: every row that {@code rows} gives to the
   * full-detail table, the first {@code csvRows} to the CSV file.
   */
  public static List<ReportBlock> ofCorpus(ReportSpec spec, ReportTiers tiers, int csvRows, Consumer<Consumer<List<?>>> rows) {
    ScopeRows scope = open(spec, SortKey.of("0"), tiers);
    int[] listed = {0};
    rows.accept(row -> scope.add(row, listed[0]++ < csvRows));
    return scope.finish();
  }

  /** The folder of a full-detail table. */
  public static ResourceId tableFolder(String dataDir, String table) {
    return FileSystems.matchNewResource(dataDir, true).resolve(table, StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  /** Adds a row to the full-detail table and, if {@code inCsv}, to the CSV blocks. */
  public void add(List<?> row, boolean inCsv) {
    if (parquet != null) {
      try {
        parquet.write(row);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (inCsv) {
      addLine(row);
    }
  }

  /**
   * Adds a row given value by value to the full-detail table and, if {@code inCsv}, to the CSV
   * blocks: the table's rows are never made as lists.
   */
  public void add(RowValues.TypedRow row, boolean inCsv) {
    if (parquet != null) {
      try {
        parquet.write(row);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (inCsv) {
      addLine(RowValues.collect(row));
    }
  }

  /**
   * The next row's pattern in pattern group {@code group} ({@link ParquetRowWriter#rowPattern}):
   * every row of one pattern has the same values in the group's columns.
   */
  public void rowPattern(int group, int id) {
    if (parquet != null) {
      parquet.rowPattern(group, id);
    }
  }

  /** Adds a row of the pattern {@code pattern} in the table's first pattern group (its patterns in the others given before). */
  public void add(int pattern, RowValues.TypedRow row, boolean inCsv) {
    rowPattern(0, pattern);
    add(row, inCsv);
  }

  private void addLine(List<?> row) {
    lines.add(spec.render(row));
    if (lines.count() == ReportBlock.MAX_ROWS) {
      blocks.add(new ReportBlock(spec.fileName(), sortKey, blocks.size(), lines.count(), lines.take()));
    }
  }

  /** Rows written to the full-detail table so far. */
  public long parquetRows() {
    return parquet == null ? 0 : parquet.rows();
  }

  /** Finishes the Parquet file and returns the CSV blocks. */
  public List<ReportBlock> finish() {
    if (lines.count() > 0) {
      blocks.add(new ReportBlock(spec.fileName(), sortKey, blocks.size(), lines.count(), lines.take()));
    }
    if (parquet != null) {
      try {
        parquet.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Metrics.counter(WriteReports.METRICS_NAMESPACE, WriteTable.rowCounterName(ParquetTable.of(spec))).inc(parquet.rows());
    }
    return blocks;
  }
}
