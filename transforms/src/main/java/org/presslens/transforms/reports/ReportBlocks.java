package org.presslens.transforms.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.presslens.transforms.csv.CsvReportWriter;

/**
 * Renders the rows of one scope of a report (one sort key) into {@link ReportBlock}s as they are
 * produced, a block every {@link ReportBlock#MAX_ROWS} rows, so that no scope's rows are ever held
 * as strings all at once. Cells are checked against the report's header and neutralised as in
 * every CSV file PressLens writes ({@link CsvReportWriter}).
 */
public final class ReportBlocks {

  private ReportBlocks() {}

  /**
   * The blocks of the rows that {@code producer} hands to the sink it is given, in that order.
   * Hand the returned blocks on after timing the work: they are compact bytes.
   */
  public static List<ReportBlock> render(ReportSpec spec, SortKey sortKey, Consumer<Consumer<List<?>>> producer) {
    List<ReportBlock> blocks = new ArrayList<>();
    CsvReportWriter.Lines lines = new CsvReportWriter.Lines(spec.header());
    producer.accept(row -> {
      lines.add(spec.render(row));
      if (lines.count() == ReportBlock.MAX_ROWS) {
        blocks.add(new ReportBlock(spec.fileName(), sortKey, blocks.size(), lines.count(), lines.take()));
      }
    });
    if (lines.count() > 0) {
      blocks.add(new ReportBlock(spec.fileName(), sortKey, blocks.size(), lines.count(), lines.take()));
    }
    return blocks;
  }

  /** The blocks of rows that are already at hand. */
  public static List<ReportBlock> of(ReportSpec spec, SortKey sortKey, List<? extends List<?>> rows) {
    return render(spec, sortKey, rows::forEach);
  }

  /** The block of a scope with a single row. */
  public static ReportBlock single(ReportSpec spec, SortKey sortKey, List<?> row) {
    return of(spec, sortKey, List.of(row)).get(0);
  }
}
