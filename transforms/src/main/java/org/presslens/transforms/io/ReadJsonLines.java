package org.presslens.transforms.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Reader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.RejectedInput.Reason;
import org.presslens.transforms.model.SourceDocument;

/**
 * Reads JSON Lines files (one JSON object per line; {@code .gz} is decompressed) through Beam's
 * {@link FileIO}: one document per line, fields chosen by {@link RecordFields}. A line that is not
 * a JSON object, or lacks the text, goes to {@link CorpusTags#REJECTED} with its line number.
 */
public final class ReadJsonLines extends PTransform<PBegin, PCollectionTuple> {

  private final String filePattern;
  private final String root;
  private final RecordFields fields;
  private final long maxChars;
  private final HtmlText html;

  private ReadJsonLines(String filePattern, String root, RecordFields fields, long maxChars, HtmlText html) {
    this.filePattern = filePattern;
    this.root = root;
    this.fields = fields;
    this.maxChars = maxChars;
    this.html = html;
  }

  /**
   * @param filePattern a file or glob
   * @param root prefix removed from file names in reports (the folder of the input)
   */
  public static ReadJsonLines from(String filePattern, String root, RecordFields fields) {
    return new ReadJsonLines(filePattern, root, fields, Long.MAX_VALUE, HtmlText.of(HtmlText.Mode.AUTO));
  }

  /** Lines longer than this many characters are rejected as {@code too-large} without being held. */
  public ReadJsonLines maxChars(long limit) {
    return new ReadJsonLines(filePattern, root, fields, limit, html);
  }

  /** Which texts are read as HTML (default: {@link HtmlText.Mode#AUTO}). */
  public ReadJsonLines html(HtmlText.Mode mode) {
    return new ReadJsonLines(filePattern, root, fields, maxChars, HtmlText.of(mode));
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    return begin
        .apply("MatchFiles", FileIO.match().filepattern(filePattern).withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("ReadMatches", FileIO.readMatches())
        .apply("ParseLines", ParDo.of(new ParseLinesFn(root, fields, maxChars, html))
            .withOutputTags(CorpusTags.DOCUMENTS, TupleTagList.of(CorpusTags.REJECTED)));
  }

  static final class ParseLinesFn extends DoFn<FileIO.ReadableFile, SourceDocument> {
    private final String root;
    private final RecordFields fields;
    private final long maxChars;
    private final HtmlText html;
    private transient ObjectMapper mapper;

    ParseLinesFn(String root, RecordFields fields, long maxChars, HtmlText html) {
      this.root = root;
      this.fields = fields;
      this.maxChars = maxChars;
      this.html = html;
    }

    @Setup
    public void setup() {
      // A second object or other text after the first one is an error, not something to drop silently.
      mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String source = SourceNames.of(file, root);
      // JSON is UTF-8 (RFC 8259); a stray invalid byte becomes U+FFFD rather than losing the file.
      var decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
      try (Reader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(file.open()), decoder), 1 << 16)) {
        Lines lines = new Lines(reader, maxChars);
        for (String line = lines.next(); line != null; line = lines.next()) {
          if (lines.tooLong()) {
            reject(out, source, "line " + lines.number(), Reason.TOO_LARGE, String.format(
                "line has more than %,d characters, the limit (--maxDocumentMB)", maxChars));
          } else if (!line.isBlank()) {
            parse(source, lines.number(), line, out);
          }
        }
      } catch (IOException e) {
        out.get(CorpusTags.REJECTED).output(RejectedInput.of(source, "", Reason.UNREADABLE, e.toString()));
      }
    }

    private void parse(String source, int number, String line, MultiOutputReceiver out) {
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

    /**
     * The lines of a JSON Lines file: ended by a line feed only (JSON Lines allows CRLF; a lone
     * carriage return inside a line does not end it), without the final CR. A line longer than
     * the limit is skipped to its end without being held, and {@link #tooLong} says so.
     */
    static final class Lines {
      private final Reader reader;
      private final long maxChars;
      private final StringBuilder line = new StringBuilder();
      private final char[] buffer = new char[1 << 16];
      private int position;
      private int limit;
      private int number;
      private boolean tooLong;
      private boolean ended;

      Lines(Reader reader, long maxChars) {
        this.reader = reader;
        this.maxChars = maxChars;
      }

      /** The next line, or null at the end of the file. */
      String next() throws IOException {
        if (ended) {
          return null;
        }
        line.setLength(0);
        tooLong = false;
        long length = 0;
        while (true) {
          if (position == limit) {
            limit = reader.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
              limit = 0;
              ended = true;
              if (length == 0) {
                return null;
              }
              break;
            }
          }
          int end = position;
          while (end < limit && buffer[end] != '\n') {
            end++;
          }
          int piece = end - position;
          if (length + piece > maxChars) {
            tooLong = true;
          } else {
            line.append(buffer, position, piece);
          }
          length += piece;
          boolean found = end < limit;
          position = found ? end + 1 : end;
          if (found) {
            break;
          }
        }
        number++;
        if (!tooLong && line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
          line.setLength(line.length() - 1);
        }
        return tooLong ? "" : line.toString();
      }

      int number() {
        return number;
      }

      boolean tooLong() {
        return tooLong;
      }
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
