package org.presslens.transforms.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Writes rows of a {@link ParquetTable} to one Parquet file on any Beam filesystem (Snappy
 * compression): Parquet's writer over the file's channel, as Beam's ParquetIO sink does, with the
 * rows' typed values handed straight to it ({@link RowWriteSupport}) instead of through records.
 */
public final class ParquetRowWriter implements AutoCloseable {

  /** Row groups of at most 16 MB: a writer buffers one row group in memory. */
  private static final int ROW_GROUP_BYTES = 16 << 20;

  private final ParquetWriter<List<?>> writer;
  private long rows;

  private ParquetRowWriter(ParquetWriter<List<?>> writer) {
    this.writer = writer;
  }

  /** A writer into a new file (replacing one of the same name). */
  public static ParquetRowWriter create(ResourceId file, ParquetTable table) throws IOException {
    return open(FileSystems.create(file, MimeTypes.BINARY), table);
  }

  /** A writer into an open channel, closed with the writer. */
  public static ParquetRowWriter open(WritableByteChannel channel, ParquetTable table) throws IOException {
    ParquetWriter<List<?>> writer = new Builder(new ChannelOutputFile(channel), table)
        .withConf(new PlainParquetConfiguration())
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withRowGroupSize(ROW_GROUP_BYTES)
        .build();
    return new ParquetRowWriter(writer);
  }

  /** Writes one row of typed values in column order. */
  public void write(List<?> row) throws IOException {
    writer.write(row);
    rows++;
  }

  public long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  /** Parquet's writer builder for rows of one table. */
  private static final class Builder extends ParquetWriter.Builder<List<?>, Builder> {
    private final ParquetTable table;

    Builder(OutputFile file, ParquetTable table) {
      super(file);
      this.table = table;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<List<?>> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(table);
    }

    @Override
    protected WriteSupport<List<?>> getWriteSupport(ParquetConfiguration conf) {
      return new RowWriteSupport(table);
    }
  }

  /** Parquet's view of a channel that is written from start to end. */
  private static final class ChannelOutputFile implements OutputFile {
    private final OutputStream out;

    ChannelOutputFile(WritableByteChannel channel) {
      this.out = Channels.newOutputStream(channel);
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new CountingStream(out);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return new CountingStream(out);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }

  private static final class CountingStream extends PositionOutputStream {
    private final OutputStream out;
    private long position;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
