package org.presslens.transforms.parquet;

import java.io.Serializable;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.presslens.transforms.reports.ReportSpec;
import org.presslens.transforms.reports.ReportSpec.Column;

/**
 * A full-detail table: its name (the folder under {@code data/}) and typed columns, as a Parquet
 * schema. Text is a UTF-8 string, whole numbers int64, decimals double (unrounded); every column
 * is optional, and a missing decimal ({@code NaN}) is written as null.
 */
public final class ParquetTable implements Serializable {

  private final String name;
  private final String description;
  private final List<Column> columns;
  private transient MessageType schema;

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

  public MessageType parquetSchema() {
    if (schema == null) {
      Types.MessageTypeBuilder fields = Types.buildMessage();
      for (Column column : columns) {
        switch (column.kind()) {
          case TEXT -> fields.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column.name());
          case INTEGER -> fields.optional(PrimitiveTypeName.INT64).named(column.name());
          case DECIMAL, SIGNIFICANT -> fields.optional(PrimitiveTypeName.DOUBLE).named(column.name());
        }
      }
      schema = fields.named(name);
    }
    return schema;
  }
}
