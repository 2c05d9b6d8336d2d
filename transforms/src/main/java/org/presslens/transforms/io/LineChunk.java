package org.presslens.transforms.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.Arrays;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.presslens.transforms.Spread;
import org.presslens.transforms.model.ClassCoder;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.RejectedInput.Reason;

/**
 * Whole lines of a file as read (UTF-8 bytes, each line ended by a line feed), and the number
 * of the first of them; with {@code records}, each line is a record of a JSON file's array
 * ({@link JsonArrays}), numbered as a record.
 */
record LineChunk(String source, long firstLine, byte[] lines, boolean records) {

  /** What the numbers count, for reports: "line" or "record". */
  String unit() {
    return unit(records);
  }

  static String unit(boolean records) {
    return records ? "record" : "line";
  }

  static final class LineChunkCoder extends ClassCoder<LineChunk> {
    static final LineChunkCoder INSTANCE = new LineChunkCoder();

    @Override
    public void encode(LineChunk chunk, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(chunk.source(), out);
      VarLongCoder.of().encode(chunk.firstLine(), out);
      ByteArrayCoder.of().encode(chunk.lines(), out);
      BooleanCoder.of().encode(chunk.records(), out);
    }

    @Override
    public LineChunk decode(InputStream in) throws IOException {
      return new LineChunk(StringUtf8Coder.of().decode(in), VarLongCoder.of().decode(in), ByteArrayCoder.of().decode(in),
          BooleanCoder.of().decode(in));
    }
  }

  /** Bytes of whole lines per chunk at most: large enough that a chunk's cost to the runner is small. */
  static final int MAX_BYTES = 1 << 20;

  /** Bytes per chunk of a small file at least: a few lines of long documents. */
  static final int MIN_BYTES = 1 << 16;

  /**
   * Bytes per chunk of a file: at most {@code chunkBytes}, and few enough that the file gives each
   * bucket about four chunks (a compressed file's text taken as 3 times its size), so that a small
   * corpus is spread evenly too; at least {@link #MIN_BYTES} unless {@code chunkBytes}
   * is smaller.
   */
  static long chunkSize(long fileBytes, boolean compressed, long chunkBytes, int buckets) {
    long text = fileBytes * (compressed ? 3 : 1);
    return Math.min(chunkBytes, Math.max(MIN_BYTES, text / (4L * buckets)));
  }

  /** The chunks of {@link CutFn}, keyed by bucket. */
  static final TupleTag<KV<Integer, LineChunk>> CHUNKS = new TupleTag<>() {};

  /**
   * Cuts each file into {@link LineChunk}s keyed by a bucket: their number in the file modulo the
   * buckets. A few buckets per core, not one per chunk: every step after a GroupByKey then
   * handles as few bundles as after {@link Spread}. A line of more than
   * the limit is rejected as it is read, and only its length is kept; the chunk before it ends
   * there, and the next one starts after it.
   */
  static final class CutFn extends DoFn<FileIO.ReadableFile, KV<Integer, LineChunk>> {

    private final String root;
    private final long maxBytes;
    private final int chunkBytes;
    private final int buckets;

    CutFn(String root, long maxBytes, int chunkBytes, int buckets) {
      this.root = root;
      this.maxBytes = maxBytes;
      this.chunkBytes = chunkBytes;
      this.buckets = buckets;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String source = SourceNames.of(file, root);
      Chunks chunks = new Chunks(source, out, chunkSize(file));
      try (InputStream in = new BufferedInputStream(Channels.newInputStream(file.open()), 1 << 16)) {
        if (JsonArrays.startsWithArray(in)) {
          chunks.records = true;
          JsonArrays.forEachRecord(in, record -> {
            chunks.append(record, 0, record.length);
            chunks.endLine();
          });
        } else {
          cutLines(in, chunks);
        }
        chunks.endFile();
      } catch (JsonProcessingException e) {
        chunks.emit();
        out.get(CorpusTags.REJECTED).output(RejectedInput.of(source, "record " + (chunks.lines + 1), Reason.MALFORMED_JSON,
            "the file's JSON array breaks off here (" + e.getOriginalMessage() + "); the records before are read"));
      } catch (IOException e) {
        chunks.emit();
        out.get(CorpusTags.REJECTED).output(RejectedInput.of(source, "", Reason.UNREADABLE,
            ReadFailure.detail(e, "the records before the cut are read")));
      }
    }

    private static void cutLines(InputStream in, Chunks chunks) throws IOException {
      byte[] buffer = new byte[1 << 16];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        int position = 0;
        while (position < read) {
          int end = position;
          while (end < read && buffer[end] != '\n') {
            end++;
          }
          chunks.append(buffer, position, end - position);
          position = end;
          if (end < read) {
            chunks.endLine();
            position++;
          }
        }
      }
    }

    private long chunkSize(FileIO.ReadableFile file) {
      return LineChunk.chunkSize(file.getMetadata().sizeBytes(), file.getCompression() != Compression.UNCOMPRESSED, chunkBytes, buckets);
    }

    /** The chunk being filled: its whole lines, then the line being read. */
    private final class Chunks {
      private final String source;
      private final MultiOutputReceiver out;
      private byte[] bytes = new byte[1 << 16];
      private int size;
      /** Where the line being read starts in {@link #bytes}. */
      private int lineStart;
      private long lineLength;
      private long firstLine = 1;
      private long lines;
      private int number;
      /** No byte but white space read so far: a file that stays so holds no record. */
      private boolean blank = true;
      /** The lines are the records of a JSON array. */
      private boolean records;
      private final long limit;

      Chunks(String source, MultiOutputReceiver out, long limit) {
        this.source = source;
        this.out = out;
        this.limit = limit;
      }

      void append(byte[] from, int offset, int length) {
        for (int i = offset; blank && i < offset + length; i++) {
          blank = Character.isWhitespace(from[i]);
        }
        lineLength += length;
        if (lineLength > maxBytes) {
          size = lineStart;
          return;
        }
        if (size + length > bytes.length) {
          bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
        System.arraycopy(from, offset, bytes, size, length);
        size += length;
      }

      void endLine() {
        lines++;
        if (lineLength > maxBytes) {
          emit();
          String unit = unit(records);
          out.get(CorpusTags.REJECTED).output(RejectedInput.of(source, unit + " " + lines, Reason.TOO_LARGE, String.format(
              "%s has more than %,d bytes, the limit (--maxDocumentMB)", unit, maxBytes)));
          firstLine = lines + 1;
        } else {
          if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
          }
          bytes[size++] = '\n';
          lineStart = size;
          if (size >= limit) {
            emit();
            firstLine = lines + 1;
          }
        }
        lineLength = 0;
      }

      void endFile() {
        if (lineLength > 0) {
          endLine();
        }
        emit();
        if (blank) {
          out.get(CorpusTags.REJECTED).output(RejectedInput.of(source, "", Reason.EMPTY,
              records ? "the file's JSON array holds no record" : lines == 0 ? "empty file" : "file holds only blank lines"));
        }
      }

      /** Emits the whole lines held, if any. */
      void emit() {
        if (lineStart > 0) {
          out.get(CHUNKS).output(KV.of(number++ % buckets, new LineChunk(source, firstLine, Arrays.copyOf(bytes, lineStart),
              records)));
        }
        size = 0;
        lineStart = 0;
      }
    }
  }
}
