package org.presslens.transforms.parquet;

import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * parquet-java's values writers, but for the whole-number columns named, which are written as
 * deltas (Parquet's DELTA_BINARY_PACKED encoding) instead of through a dictionary. A rank counts up
 * row by row through hundreds of thousands of rows, a mention's start and end offsets rise through
 * each document: a dictionary of their values outgrows its 1 MB, after which parquet-java writes
 * eight plain bytes a value, having hashed each; their deltas take a few bits. DuckDB, Arrow
 * (pandas, R) and Spark from 3.3 (its vectorized reader before that refuses the encoding) read it
 * in the version 1 pages written here.
 */
final class DeltaColumns implements ValuesWriterFactory {

  private final Set<String> columns;
  private final DefaultValuesWriterFactory others = new DefaultValuesWriterFactory();
  private ParquetProperties properties;

  /** @param columns the names of the top-level int64 columns to write as deltas */
  DeltaColumns(Set<String> columns) {
    this.columns = Set.copyOf(columns);
  }

  @Override
  public void initialize(ParquetProperties properties) {
    this.properties = properties;
    others.initialize(properties);
  }

  @Override
  public ValuesWriter newValuesWriter(ColumnDescriptor column) {
    if (column.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT64 && column.getPath().length == 1
        && columns.contains(column.getPath()[0])) {
      return new DeltaBinaryPackingValuesWriterForLong(properties.getInitialSlabSize(),
          properties.getPageSizeThreshold(), properties.getAllocator());
    }
    return others.newValuesWriter(column);
  }
}
