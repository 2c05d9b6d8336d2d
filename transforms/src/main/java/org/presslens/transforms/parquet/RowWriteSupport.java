package org.presslens.transforms.parquet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.presslens.transforms.reports.ReportSpec.Column;

/**
 * Hands the typed values of report rows to Parquet's record consumer, column by column: text as
 * UTF-8 binary, whole numbers as int64, decimals as double; null and {@code NaN} leave the field
 * out (null). Text that repeats from one row to the next in a column (a doc_id, an outlet, a
 * direction) is encoded to UTF-8 once per run of rows; other text (the terms of a table, mostly
 * distinct) is encoded as it comes, without a lookup.
 */
final class RowWriteSupport extends WriteSupport<List<?>> {

  private final ParquetTable table;
  /** Per column, the last text written and its UTF-8 bytes. */
  private final String[] lastText;
  private final Binary[] lastBinary;
  private RecordConsumer consumer;

  RowWriteSupport(ParquetTable table) {
    this.table = table;
    this.lastText = new String[table.columns().size()];
    this.lastBinary = new Binary[table.columns().size()];
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(table.parquetSchema(), Map.of());
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(table.parquetSchema(), Map.of());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(List<?> row) {
    List<Column> columns = table.columns();
    if (row.size() != columns.size()) {
      throw new IllegalArgumentException("Row has " + row.size() + " values, table " + table.name() + " has "
          + columns.size() + " columns: " + row);
    }
    consumer.startMessage();
    for (int i = 0; i < columns.size(); i++) {
      Object value = row.get(i);
      if (value == null || value instanceof Double d && d.isNaN()) {
        continue;
      }
      Column column = columns.get(i);
      consumer.startField(column.name(), i);
      switch (column.kind()) {
        case TEXT -> consumer.addBinary(binary(i, (String) value));
        case INTEGER -> consumer.addLong(((Number) value).longValue());
        case DECIMAL, SIGNIFICANT -> consumer.addDouble(((Number) value).doubleValue());
      }
      consumer.endField(column.name(), i);
    }
    consumer.endMessage();
  }

  private Binary binary(int column, String text) {
    if (!text.equals(lastText[column])) {
      lastText[column] = text;
      lastBinary[column] = Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
    }
    return lastBinary[column];
  }
}
