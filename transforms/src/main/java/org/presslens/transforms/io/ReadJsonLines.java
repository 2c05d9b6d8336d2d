package org.presslens.transforms.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.presslens.transforms.SpreadDocuments;
import org.presslens.transforms.model.ClassCoder;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.RejectedInput.Reason;
import org.presslens.transforms.model.SourceDocument;

/**
 * Reads JSON Lines files (one JSON object per line; {@code .gz} is decompressed) through Beam's
 * {@link FileIO}: one document per line, fields chosen by {@link RecordFields}. A line that is not
 * a JSON object, or lacks the text, goes to {@link CorpusTags#REJECTED} with its line number.
 *
 * <p>A file is read in one pass that only cuts it into chunks of whole lines (about
 * {@link #CHUNK_BYTES} each, as bytes); the chunks are spread by a GroupByKey and parsed in
 * parallel. Every runner keeps what one element gives together, so parsing while reading would
 * leave a one-file corpus's JSON and markup to one thread.
 */
public final class ReadJsonLines extends PTransform<PBegin, PCollectionTuple> {

  /** Bytes of whole lines per chunk: large enough that a chunk's cost to the runner is small. */
  static final int CHUNK_BYTES = 1 << 20;

  private final String filePattern;
  private final String root;
  private final RecordFields fields;
  private final long maxBytes;
  private final HtmlText html;
  private final int chunkBytes;

  private ReadJsonLines(String filePattern, String root, RecordFields fields, long maxBytes, HtmlText html, int chunkBytes) {
    this.filePattern = filePattern;
    this.root = root;
    this.fields = fields;
    this.maxBytes = maxBytes;
    this.html = html;
    this.chunkBytes = chunkBytes;
  }

  /**
   * @param filePattern a file or glob
   * @param root prefix removed from file names in reports (the folder of the input)
   */
  public static ReadJsonLines from(String filePattern, String root, RecordFields fields) {
    return new ReadJsonLines(filePattern, root, fields, Long.MAX_VALUE, HtmlText.of(HtmlText.Mode.AUTO), CHUNK_BYTES);
  }

  /** Lines longer than this many bytes (UTF-8) are rejected as {@code too-large} without being held. */
  public ReadJsonLines maxBytes(long limit) {
    return new ReadJsonLines(filePattern, root, fields, limit, html, chunkBytes);
  }

  /** Which texts are read as HTML (default: {@link HtmlText.Mode#AUTO}). */
  public ReadJsonLines html(HtmlText.Mode mode) {
    return new ReadJsonLines(filePattern, root, fields, maxBytes, HtmlText.of(mode), chunkBytes);
  }

  /** Chunks of about this many bytes instead of {@link #CHUNK_BYTES} (tests cut small files into many). */
  ReadJsonLines chunkBytes(int bytes) {
    return new ReadJsonLines(filePattern, root, fields, maxBytes, html, bytes);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple chunked = begin
        .apply("MatchFiles", FileIO.match().filepattern(filePattern).withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("ReadMatches", FileIO.readMatches())
        .apply("CutIntoChunks", ParDo.of(new CutFn(root, maxBytes, chunkBytes, SpreadDocuments.bucketsAcrossCores()))
            .withOutputTags(CHUNKS, TupleTagList.of(CorpusTags.REJECTED)));
    PCollectionTuple parsed = chunked.get(CHUNKS)
        .setCoder(KvCoder.of(VarIntCoder.of(), LineChunk.LineChunkCoder.INSTANCE))
        .apply("SpreadChunks", GroupByKey.create())
        .apply("Chunks", Values.create())
        .apply("EachChunk", Flatten.iterables())
        .apply("ParseLines", ParDo.of(new ParseLinesFn(fields, html))
            .withOutputTags(CorpusTags.DOCUMENTS, TupleTagList.of(CorpusTags.REJECTED)));
    PCollection<RejectedInput> rejected = PCollectionList.of(chunked.get(CorpusTags.REJECTED))
        .and(parsed.get(CorpusTags.REJECTED))
        .apply("AllRejected", Flatten.pCollections());
    return PCollectionTuple.of(CorpusTags.DOCUMENTS, parsed.get(CorpusTags.DOCUMENTS)).and(CorpusTags.REJECTED, rejected);
  }

  private static final TupleTag<KV<Integer, LineChunk>> CHUNKS = new TupleTag<>() {};

  /**
   * Whole lines of a file as read (UTF-8 bytes, each line ended by a line feed), and the number
   * of the first of them.
   */
  record LineChunk(String source, long firstLine, byte[] lines) {

    static final class LineChunkCoder extends ClassCoder<LineChunk> {
      static final LineChunkCoder INSTANCE = new LineChunkCoder();

      @Override
      public void encode(LineChunk chunk, OutputStream out) throws IOException {
        StringUtf8Coder.of().encode(chunk.source(), out);
        VarLongCoder.of().encode(chunk.firstLine(), out);
        ByteArrayCoder.of().encode(chunk.lines(), out);
      }

      @Override
      public LineChunk decode(InputStream in) throws IOException {
        return new LineChunk(StringUtf8Coder.of().decode(in), VarLongCoder.of().decode(in), ByteArrayCoder.of().decode(in));
      }
    }
  }

  /**
   * Cuts each file into {@link LineChunk}s keyed by a bucket: their number in the file modulo the
   * buckets. A few buckets per core, not one per chunk: every step after a GroupByKey then
   * handles as few bundles as after {@link SpreadDocuments}. A line of more than
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
      Chunks chunks = new Chunks(source, out);
      try (InputStream in = Channels.newInputStream(file.open())) {
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
        chunks.endFile();
      } catch (IOException e) {
        chunks.emit();
        out.get(CorpusTags.REJECTED).output(RejectedInput.of(source, "", Reason.UNREADABLE, e.toString()));
      }
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

      Chunks(String source, MultiOutputReceiver out) {
        this.source = source;
        this.out = out;
      }

      void append(byte[] from, int offset, int length) {
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
          out.get(CorpusTags.REJECTED).output(RejectedInput.of(source, "line " + lines, Reason.TOO_LARGE, String.format(
              "line has more than %,d bytes, the limit (--maxDocumentMB)", maxBytes)));
          firstLine = lines + 1;
        } else {
          if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
          }
          bytes[size++] = '\n';
          lineStart = size;
          if (size >= chunkBytes) {
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
      }

      /** Emits the whole lines held, if any. */
      void emit() {
        if (lineStart > 0) {
          out.get(CHUNKS).output(KV.of(number++ % buckets, new LineChunk(source, firstLine, Arrays.copyOf(bytes, lineStart))));
        }
        size = 0;
        lineStart = 0;
      }
    }
  }

  /** Parses each line of a chunk into a document or a rejection. */
  static final class ParseLinesFn extends DoFn<LineChunk, SourceDocument> {
    private final RecordFields fields;
    private final HtmlText html;
    private transient ObjectMapper mapper;

    ParseLinesFn(RecordFields fields, HtmlText html) {
      this.fields = fields;
      this.html = html;
    }

    @Setup
    public void setup() {
      // A second object or other text after the first one is an error, not something to drop silently.
      mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @ProcessElement
    public void process(@Element LineChunk chunk, MultiOutputReceiver out) {
      byte[] bytes = chunk.lines();
      long number = chunk.firstLine();
      for (int start = 0; start < bytes.length; number++) {
        int end = start;
        while (end < bytes.length && bytes[end] != '\n') {
          end++;
        }
        int last = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
        // JSON is UTF-8 (RFC 8259); a stray invalid byte becomes U+FFFD rather than losing the line.
        String line = new String(bytes, start, last - start, StandardCharsets.UTF_8);
        if (!line.isBlank()) {
          parse(chunk.source(), number, line, out);
        }
        start = end + 1;
      }
    }

    private void parse(String source, long number, String line, MultiOutputReceiver out) {
      String item = "line " + number;
      JsonNode record;
      try {
        record = mapper.readTree(line.startsWith("\uFEFF") ? line.substring(1) : line);
      } catch (JsonProcessingException e) {
        reject(out, source, item, Reason.MALFORMED_JSON, e.getOriginalMessage());
        return;
      }
      if (record == null || !record.isObject()) {
        reject(out, source, item, Reason.MALFORMED_JSON, "not a JSON object");
        return;
      }
      JsonNode text = record.get(fields.text());
      if (text == null || text.isNull() || !text.isValueNode()) {
        reject(out, source, item, Reason.MISSING_FIELD, "no text field '" + fields.text() + "'");
        return;
      }
      if (text.asText().isBlank()) {
        reject(out, source, item, Reason.EMPTY, "text field '" + fields.text() + "' is empty");
        return;
      }
      RecordDocuments.emit(out, html, source, item, number, new RecordDocuments.RecordValues(text.asText(),
          value(record, fields.id()), value(record, fields.group()), value(record, fields.date()),
          value(record, fields.title()), value(record, fields.author())), "UTF-8");
    }

    private static String value(JsonNode record, String field) {
      JsonNode node = record.get(field);
      return node == null || node.isNull() || !node.isValueNode() ? "" : node.asText().strip();
    }

    private static void reject(MultiOutputReceiver out, String source, String item, Reason reason, String detail) {
      out.get(CorpusTags.REJECTED).output(RejectedInput.of(source, item, reason, detail));
    }
  }
}
