package org.presslens.transforms.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives the values of one report row in column order, each by its kind: a writer of millions
 * of rows (a full-detail table) takes them as they are made, without a list or a boxed number per
 * value. {@link #collect} gives the same row as a list, for the CSV tier's few rows.
 */
public interface RowValues {

  /** The next column's text; null for an empty cell. */
  RowValues text(String value);

  /** The next column's whole number. */
  RowValues integer(long value);

  /** The next column's decimal; {@code NaN} for an empty cell. */
  RowValues decimal(double value);

  /** The values that {@code row} gives, as a list in column order ({@link ReportSpec}'s rows). */
  static List<Object> collect(TypedRow row) {
    List<Object> values = new ArrayList<>();
    row.writeTo(new RowValues() {
      @Override
      public RowValues text(String value) {
        values.add(value);
        return this;
      }

      @Override
      public RowValues integer(long value) {
        values.add(value);
        return this;
      }

      @Override
      public RowValues decimal(double value) {
        values.add(value);
        return this;
      }
    });
    return values;
  }

  /** A row that hands its values to a receiver. */
  @FunctionalInterface
  interface TypedRow {
    void writeTo(RowValues values);
  }
}
