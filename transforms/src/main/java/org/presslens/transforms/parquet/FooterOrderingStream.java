package org.presslens.transforms.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Parquet's view of an output stream written from start to end, which writes the file's footer
 * the same way on every run. parquet-java collects each column chunk's encodings in a {@code
 * HashSet} of enum constants, whose order follows the constants' identity hash codes and so changes
 * from one JVM to the next: two runs wrote the same rows into files that differed in those bytes.
 * From {@link #holdFooter()} on, this stream keeps what is written (the column and offset indexes,
 * the footer, its length and the closing magic) and, on {@link #close()}, writes the footer again with every chunk's encodings and
 * encoding statistics sorted by their Thrift values. The footer's offsets point before it, so
 * nothing else changes.
 */
final class FooterOrderingStream extends PositionOutputStream {

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private final OutputStream out;
  private long position;
  private ByteArrayOutputStream footer;
  private boolean closed;

  FooterOrderingStream(OutputStream out) {
    this.out = out;
  }

  /** Keeps what is written from now on (the footer) until {@link #close()}. */
  void holdFooter() {
    footer = new ByteArrayOutputStream();
  }

  @Override
  public long getPos() {
    return position;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (footer != null) {
      footer.write(b, off, len);
    } else {
      out.write(b, off, len);
    }
    position += len;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (out) {
      if (footer != null) {
        out.write(ordered(footer.toByteArray()));
      }
    }
  }

  /**
   * The end of a Parquet file (column and offset indexes, footer, the footer's little-endian
   * length, magic) with the footer's lists in order.
   */
  static byte[] ordered(byte[] end) throws IOException {
    int length = end.length >= 8 ? littleEndianInt(end, end.length - 8) : -1;
    int start = end.length - 8 - length;
    boolean parquetEnd = length >= 0 && start >= 0
        && Arrays.equals(Arrays.copyOfRange(end, end.length - 4, end.length), MAGIC);
    if (!parquetEnd) {
      return end; // not an end this class knows how to read: written as it came
    }
    FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(end, start, length));
    for (RowGroup group : metadata.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData column = chunk.getMeta_data();
        column.getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
        if (column.isSetEncoding_stats()) {
          column.getEncoding_stats().sort(Comparator.comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
              .thenComparingInt(s -> s.getEncoding().getValue()));
        }
      }
    }
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream(end.length);
    rewritten.write(end, 0, start);
    Util.writeFileMetaData(metadata, rewritten);
    int size = rewritten.size() - start;
    rewritten.write(new byte[] {(byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24)});
    rewritten.write(MAGIC);
    return rewritten.toByteArray();
  }

  private static int littleEndianInt(byte[] bytes, int at) {
    return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
  }
}
