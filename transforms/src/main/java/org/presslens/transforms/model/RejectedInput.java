package org.presslens.transforms.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * An input item that could not be analysed: where it came from, which item, a short reason code
 * (see {@link Reason}) and a human-readable detail.
 */
@DefaultCoder(RejectedInput.RejectedInputCoder.class)
public record RejectedInput(String source, String item, String reason, String detail)
    implements Serializable {

  /** Reason codes written to rejected.csv. */
  public enum Reason {
    EMPTY("empty"),
    BINARY("binary"),
    UNKNOWN_ENCODING("unknown-encoding"),
    UNREADABLE("unreadable"),
    MALFORMED_JSON("malformed-json"),
    MISSING_FIELD("missing-field"),
    MISSING_FILE("missing-file"),
    DUPLICATE_ID("duplicate-id"),
    NO_WORDS("no-words"),
    NO_FILES("no-files"),
    OTHER_FILE("other-file"),
    SYMLINK_LOOP("symlink-loop"),
    TOO_LARGE("too-large"),
    NO_SPACES("no-spaces"),
    BAD_DATE("bad-date"),
    NOT_ENGLISH("not-english"),
    MALFORMED_CSV("malformed-csv"),
    NO_ARTICLE("no-article");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** Details longer than this are cut: a rejected row must stay readable in a spreadsheet. */
  static final int MAX_DETAIL = 200;

  /** The detail is put on one line (parser messages quote input) and cut at {@value #MAX_DETAIL} characters. */
  public static RejectedInput of(String source, String item, Reason reason, String detail) {
    String oneLine = detail == null ? "" : detail.replaceAll("\\s+", " ").strip();
    return new RejectedInput(source, item, reason.code(),
        oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL) + "..." : oneLine);
  }

  /**
   * A document that was read but cannot be analysed. Documents from JSON Lines and CSV files have
   * the source path {@code file:number}; they are reported as the file and its "line N" or "row N",
   * the way the readers report the items they reject themselves.
   */
  public static RejectedInput of(SourceDocument doc, Reason reason, String detail) {
    String source = doc.sourcePath();
    int colon = source.lastIndexOf(':');
    if (colon > 0 && colon < source.length() - 1 && source.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      String file = source.substring(0, colon);
      String unit = file.endsWith(".csv") || file.endsWith(".csv.gz") ? "row " : "line ";
      return of(file, unit + source.substring(colon + 1), reason, detail);
    }
    return of(source, "", reason, detail);
  }

  /** Its four strings, in order; a reader's detail may be empty but is never null. */
  public static final class RejectedInputCoder extends ClassCoder<RejectedInput> {
    private static final RejectedInputCoder INSTANCE = new RejectedInputCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(RejectedInput.class), INSTANCE);
    }

    public static RejectedInputCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(RejectedInput r, OutputStream out) throws IOException {
      RecordCoders.writeStrings(out, r.source(), r.item(), r.reason(), r.detail());
    }

    @Override
    public RejectedInput decode(InputStream in) throws IOException {
      String[] s = RecordCoders.readStrings(in, 4);
      return new RejectedInput(s[0], s[1], s[2], s[3]);
    }
  }
}
