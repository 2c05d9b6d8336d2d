package org.presslens.transforms.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.presslens.transforms.Spread;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.RejectedInput.Reason;
import org.presslens.transforms.model.SourceDocument;

/**
 * Reads JSON Lines files (one JSON object per line; {@code .gz} is decompressed) through Beam's
 * {@link FileIO}: one document per line, fields chosen by {@link RecordFields}. A line that is not
 * a JSON object, or lacks the text, goes to {@link CorpusTags#REJECTED} with its line number.
 *
 * <p>A file is read in one pass that only cuts it into chunks of whole lines (as bytes, at most
 * {@link LineChunk#MAX_BYTES} each and smaller for a small file, {@link LineChunk#chunkSize}); the
 * chunks are spread by a GroupByKey and parsed in parallel. Every runner keeps what one element gives together, so parsing while reading would
 * leave a one-file corpus's JSON and markup to one thread.
 */
public final class ReadJsonLines extends PTransform<PBegin, PCollectionTuple> {

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
    return new ReadJsonLines(filePattern, root, fields, Long.MAX_VALUE, HtmlText.of(HtmlText.Mode.AUTO), LineChunk.MAX_BYTES);
  }

  /** Lines longer than this many bytes (UTF-8) are rejected as {@code too-large} without being held. */
  public ReadJsonLines maxBytes(long limit) {
    return new ReadJsonLines(filePattern, root, fields, limit, html, chunkBytes);
  }

  /** Which texts are read as HTML (default: {@link HtmlText.Mode#AUTO}). */
  public ReadJsonLines html(HtmlText.Mode mode) {
    return new ReadJsonLines(filePattern, root, fields, maxBytes, HtmlText.of(mode), chunkBytes);
  }

  /** Chunks of about this many bytes instead of {@link LineChunk#MAX_BYTES} (tests cut small files into many). */
  ReadJsonLines chunkBytes(int bytes) {
    return new ReadJsonLines(filePattern, root, fields, maxBytes, html, bytes);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple chunked = begin
        .apply("MatchFiles", FileIO.match().filepattern(filePattern).withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("ReadMatches", FileIO.readMatches())
        .apply("CutIntoChunks", ParDo.of(new LineChunk.CutFn(root, maxBytes, chunkBytes, Spread.bucketsAcrossCores()))
            .withOutputTags(LineChunk.CHUNKS, TupleTagList.of(CorpusTags.REJECTED)));
    PCollectionTuple parsed = chunked.get(LineChunk.CHUNKS)
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
        boolean ascii = true; // and no NUL byte, from which Jackson would guess UTF-16 or UTF-32
        while (end < bytes.length && bytes[end] != '\n') {
          ascii &= bytes[end] > 0;
          end++;
        }
        int last = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
        if (ascii) {
          if (!blank(bytes, start, last)) {
            parse(chunk.source(), chunk.unit() + " " + number, number, bytes, start, last, out);
          }
        } else {
          // JSON is UTF-8 (RFC 8259); a stray invalid byte becomes U+FFFD rather than losing the line.
          String line = new String(bytes, start, last - start, StandardCharsets.UTF_8);
          if (!line.isBlank()) {
            parse(chunk.source(), chunk.unit() + " " + number, number, line, out);
          }
        }
        start = end + 1;
      }
    }

    /** Whether the ASCII bytes from {@code from} to {@code to} are white space only, as {@link String#isBlank} says. */
    private static boolean blank(byte[] bytes, int from, int to) {
      for (int i = from; i < to; i++) {
        if (!Character.isWhitespace(bytes[i])) {
          return false;
        }
      }
      return true;
    }

    /**
     * A line of ASCII bytes other than NUL, whose UTF-8 decoding is the bytes themselves, parsed
     * from the bytes: Jackson reads them about twice as fast as the same line as text (most JSON
     * Lines files escape every other character). A line that does not parse is parsed as text,
     * which gives the reason it is rejected.
     */
    private void parse(String source, String item, long number, byte[] bytes, int from, int to,
        MultiOutputReceiver out) {
      JsonNode record;
      try {
        record = mapper.readTree(bytes, from, to - from);
      } catch (IOException e) {
        parse(source, item, number, new String(bytes, from, to - from, StandardCharsets.US_ASCII), out);
        return;
      }
      emit(source, item, number, record, out);
    }

    private void parse(String source, String item, long number, String line, MultiOutputReceiver out) {
      JsonNode record;
      try {
        record = mapper.readTree(line.startsWith("\uFEFF") ? line.substring(1) : line);
      } catch (JsonProcessingException e) {
        reject(out, source, item, Reason.MALFORMED_JSON, e.getOriginalMessage());
        return;
      }
      emit(source, item, number, record, out);
    }

    private void emit(String source, String item, long number, JsonNode record, MultiOutputReceiver out) {
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
