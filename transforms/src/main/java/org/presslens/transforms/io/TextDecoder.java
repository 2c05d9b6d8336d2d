package org.presslens.transforms.io;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.presslens.transforms.model.RejectedInput;

/**
 * Decodes the bytes of a text file: a byte order mark decides first (UTF-8, UTF-16 LE/BE); else
 * valid UTF-8 is UTF-8; else ICU's {@link CharsetDetector} names the charset (windows-1252,
 * ISO-8859-1, ...) if it is confident enough. Files with NUL bytes are binary.
 */
public final class TextDecoder {

  /** ICU confidence (0-100) below which a guess is not trusted. */
  public static final int MIN_CONFIDENCE = 30;

  private TextDecoder() {}

  /** The text and the charset it was read in, or why it could not be read. */
  /** @param failure why the bytes are not text ({@code binary} or {@code unknown-encoding}); null when decoded */
  public record Decoded(String text, String charset, RejectedInput.Reason failure, String detail) {
    public boolean ok() {
      return failure == null;
    }
  }

  /** Why bytes are not text. */
  public static Decoded decode(byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return strict(bytes, 3, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return strict(bytes, 2, StandardCharsets.UTF_16LE);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return strict(bytes, 2, StandardCharsets.UTF_16BE);
    }
    for (byte b : bytes) {
      if (b == 0) {
        return new Decoded(null, null, RejectedInput.Reason.BINARY, "contains NUL bytes: not a text file");
      }
    }
    Decoded utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
    if (utf8.ok()) {
      return utf8;
    }
    CharsetMatch match = new CharsetDetector().setText(bytes).detect();
    if (match == null || match.getConfidence() < MIN_CONFIDENCE || !Charset.isSupported(match.getName())) {
      return new Decoded(null, null, RejectedInput.Reason.UNKNOWN_ENCODING, "not valid UTF-8 and no charset detected with confidence "
          + MIN_CONFIDENCE + "+" + (match == null ? "" : " (best guess " + match.getName() + ", " + match.getConfidence() + ")"));
    }
    Decoded guessed = strict(bytes, 0, Charset.forName(match.getName()));
    return guessed.ok() ? guessed
        : new Decoded(null, null, RejectedInput.Reason.UNKNOWN_ENCODING, "not valid UTF-8 nor " + match.getName());
  }

  /**
   * As {@link #decode}, for a file of records (CSV): NUL bytes in otherwise valid UTF-8 are left in
   * the text, so that a stray NUL is the problem of the record that holds it, not of the file.
   */
  public static Decoded decodeRecords(byte[] bytes) {
    Decoded decoded = decode(bytes);
    if (decoded.ok() || decoded.failure() != RejectedInput.Reason.BINARY) {
      return decoded;
    }
    int bom = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    Decoded utf8 = strict(bytes, bom, StandardCharsets.UTF_8, true);
    return utf8.ok() ? utf8 : decoded;
  }

  private static Decoded strict(byte[] bytes, int offset, Charset charset) {
    return strict(bytes, offset, charset, false);
  }

  /** The bytes from {@code offset} in {@code charset}, refusing malformed input and (unless allowed) NUL characters. */
  private static Decoded strict(byte[] bytes, int offset, Charset charset, boolean nulAllowed) {
    try {
      String text = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
      if (!nulAllowed && text.indexOf('\u0000') >= 0) {
        return new Decoded(null, null, RejectedInput.Reason.BINARY, "contains NUL characters: not a text file");
      }
      return new Decoded(text, charset.name(), null, null);
    } catch (CharacterCodingException e) {
      return new Decoded(null, null, RejectedInput.Reason.UNKNOWN_ENCODING, "invalid " + charset.name() + " (" + e.getMessage() + ")");
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
