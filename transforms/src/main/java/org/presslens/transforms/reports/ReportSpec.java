package org.presslens.transforms.reports;

import java.io.Serializable;
import java.util.List;
import org.presslens.transforms.stats.Numbers;

/**
 * A report's file name, purpose and typed columns: the single source for CSV headers, the
 * Parquet schema of its full-detail table and the data dictionary. Rows are lists of values in
 * column order: {@link String} for text, any {@link Number} for the other kinds ({@code NaN}
 * for a missing decimal, written as an empty CSV cell and a Parquet null).
 */
public record ReportSpec(String fileName, String description, List<Column> columns) implements Serializable {

  /** How a column's values are stored and written. */
  public enum Kind {
    /** Text. */
    TEXT,
    /** A whole number (Parquet int64). */
    INTEGER,
    /** A decimal written rounded to {@link Column#digits()} places (Parquet double, unrounded). */
    DECIMAL,
    /** A decimal written to {@link Column#digits()} significant digits, for tiny p- and q-values. */
    SIGNIFICANT
  }

  /** One column and what it means. */
  public record Column(String name, String description, Kind kind, int digits) implements Serializable {

    /** The CSV cell of a value of this column (before formula neutralisation). */
    public String render(Object value) {
      return switch (kind) {
        case TEXT -> (String) value;
        case INTEGER -> Long.toString(((Number) value).longValue());
        case DECIMAL -> Numbers.decimal(((Number) value).doubleValue(), digits);
        case SIGNIFICANT -> Numbers.significant(((Number) value).doubleValue(), digits);
      };
    }
  }

  /** A text column. */
  public static Column col(String name, String description) {
    return new Column(name, description, Kind.TEXT, 0);
  }

  /** A whole-number column. */
  public static Column integer(String name, String description) {
    return new Column(name, description, Kind.INTEGER, 0);
  }

  /** A decimal column written with {@code places} decimal places in the CSV. */
  public static Column decimal(String name, int places, String description) {
    return new Column(name, description, Kind.DECIMAL, places);
  }

  /** A decimal column written with {@code digits} significant digits in the CSV. */
  public static Column significant(String name, int digits, String description) {
    return new Column(name, description, Kind.SIGNIFICANT, digits);
  }

  public List<String> header() {
    return columns.stream().map(Column::name).toList();
  }

  /** The name of the report's full-detail table: the file name without {@code .csv}. */
  public String tableName() {
    return fileName.endsWith(".csv") ? fileName.substring(0, fileName.length() - 4) : fileName;
  }

  /** The CSV cells of a row of typed values. */
  public List<String> render(List<?> row) {
    if (row.size() != columns.size()) {
      throw new IllegalArgumentException("Row has " + row.size() + " cells, " + fileName + " has " + columns.size()
          + " columns: " + row);
    }
    String[] cells = new String[row.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = columns.get(i).render(row.get(i));
    }
    return List.of(cells);
  }
}
