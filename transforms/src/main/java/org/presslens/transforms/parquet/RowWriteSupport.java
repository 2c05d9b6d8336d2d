package org.presslens.transforms.parquet;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
 * out (null). Text that repeats from row to row (a doc_id, an outlet, the terms of a table) is
 * encoded to UTF-8 once per writer rather than once per row.
 */
final class RowWriteSupport extends WriteSupport<List<?>> {

  /** Distinct strings remembered per writer at most; the memory is cleared when it is full. */
  private static final int REMEMBERED_STRINGS = 100_000;

  private final ParquetTable table;
  private final Map<String, Binary> utf8 = new HashMap<>();
  private RecordConsumer consumer;

  RowWriteSupport(ParquetTable table) {
    this.table = table;
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
        case TEXT -> consumer.addBinary(binary((String) value));
        case INTEGER -> consumer.addLong(((Number) value).longValue());
        case DECIMAL, SIGNIFICANT -> consumer.addDouble(((Number) value).doubleValue());
      }
      consumer.endField(column.name(), i);
    }
    consumer.endMessage();
  }

  private Binary binary(String text) {
    Binary known = utf8.get(text);
    if (known == null) {
      if (utf8.size() >= REMEMBERED_STRINGS) {
        utf8.clear();
      }
      known = Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
      utf8.put(text, known);
    }
    return known;
  }
}
