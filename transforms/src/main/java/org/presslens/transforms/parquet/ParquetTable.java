package org.presslens.transforms.parquet;

import java.io.Serializable;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.presslens.transforms.reports.ReportSpec;
import org.presslens.transforms.reports.ReportSpec.Column;

/**
 * A full-detail table: its name (the folder under {@code data/}) and typed columns, as an Avro
 * schema for Parquet. Text is a string, whole numbers int64, decimals double (unrounded); every
 * column is nullable, and a missing decimal ({@code NaN}) is written as null.
 */
public final class ParquetTable implements Serializable {

  private final String name;
  private final String description;
  private final List<Column> columns;
  private transient Schema schema;

  private ParquetTable(String name, String description, List<Column> columns) {
    this.name = name;
    this.description = description;
    this.columns = List.copyOf(columns);
  }

  /** The table holding every row of a report. */
  public static ParquetTable of(ReportSpec spec) {
    return new ParquetTable(spec.tableName(), "Every row of " + spec.fileName() + ".", spec.columns());
  }

  /** A table without a CSV counterpart. */
  public static ParquetTable of(String name, String description, List<Column> columns) {
    return new ParquetTable(name, description, columns);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public List<Column> columns() {
    return columns;
  }

  public Schema schema() {
    if (schema == null) {
      SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(name).namespace("org.presslens").fields();
      for (Column column : columns) {
        fields = switch (column.kind()) {
          case TEXT -> fields.optionalString(column.name());
          case INTEGER -> fields.optionalLong(column.name());
          case DECIMAL, SIGNIFICANT -> fields.optionalDouble(column.name());
        };
      }
      schema = fields.endRecord();
    }
    return schema;
  }

  /** The record of a row of typed values in column order. */
  GenericRecord record(List<?> row) {
    if (row.size() != columns.size()) {
      throw new IllegalArgumentException("Row has " + row.size() + " values, table " + name + " has "
          + columns.size() + " columns: " + row);
    }
    GenericData.Record record = new GenericData.Record(schema());
    for (int i = 0; i < columns.size(); i++) {
      Object value = row.get(i);
      record.put(i, switch (columns.get(i).kind()) {
        case TEXT -> value;
        case INTEGER -> ((Number) value).longValue();
        case DECIMAL, SIGNIFICANT -> {
          double d = ((Number) value).doubleValue();
          yield Double.isNaN(d) ? null : d;
        }
      });
    }
    return record;
  }
}
