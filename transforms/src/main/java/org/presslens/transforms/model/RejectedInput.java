package org.presslens.transforms.model;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * An input item that could not be analysed: where it came from, which item, a short reason code
 * (see {@link Reason}) and a human-readable detail.
 */
@DefaultCoder(SerializableCoder.class)
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
    NO_WORDS("no-words");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public static RejectedInput of(String source, String item, Reason reason, String detail) {
    return new RejectedInput(source, item, reason.code(), detail);
  }
}
