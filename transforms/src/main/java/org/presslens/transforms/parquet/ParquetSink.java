package org.presslens.transforms.parquet;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.FileIO;

/**
 * A {@link FileIO.Sink} writing the rows of each element to a Parquet file of a table: one
 * element (a document, a rejected input) gives any number of rows, so no element per row is made.
 */
public final class ParquetSink<T> implements FileIO.Sink<T> {

  /** The rows of one element, handed to the consumer in column order. */
  public interface Rows<T> extends Serializable {
    void of(T element, Consumer<List<?>> rows);
  }

  private final ParquetTable table;
  private final Rows<T> rows;
  private transient ParquetRowWriter writer;

  public ParquetSink(ParquetTable table, Rows<T> rows) {
    this.table = table;
    this.rows = rows;
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    writer = ParquetRowWriter.open(channel, table);
  }

  @Override
  public void write(T element) throws IOException {
    try {
      rows.of(element, row -> {
        try {
          writer.write(row);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void flush() throws IOException {
    writer.close();
  }
}
