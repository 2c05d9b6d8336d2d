package org.presslens.transforms.io;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * A JSON file that holds one array of records ({@code [{"text": ...}, ...]}, as exports and
 * scrapers often write), read as JSON Lines are: each record is handed on as one line of compact
 * JSON (line breaks inside strings are escaped in JSON, so a record is always one line).
 */
final class JsonArrays {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** How far the first bracket is looked for: white space before it beyond this is no array file. */
  private static final int LOOK_AHEAD = 4096;

  private JsonArrays() {}

  /**
   * Whether the first character of {@code in} other than white space (after a UTF-8 byte order
   * mark) opens an array; {@code in} (which must support mark) is reset to where it was.
   */
  static boolean startsWithArray(InputStream in) throws IOException {
    in.mark(LOOK_AHEAD + 3);
    try {
      int b = in.read();
      if (b == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
        b = in.read();
      }
      for (int read = 0; (b == ' ' || b == '\t' || b == '\n' || b == '\r') && read < LOOK_AHEAD; read++) {
        b = in.read();
      }
      return b == '[';
    } finally {
      in.reset();
    }
  }

  /**
   * Hands each record of the array in {@code in} to {@code each} as the UTF-8 bytes of one line of
   * compact JSON. A record that is not an object is handed on too (the reader rejects it); an array
   * that breaks off, or text after it, throws once the records before are handed on.
   */
  static void forEachRecord(InputStream in, Consumer<byte[]> each) throws IOException {
    try (JsonParser parser = MAPPER.getFactory().createParser(in)) {
      parser.nextToken(); // the array's opening bracket
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
        if (token == null) {
          throw new JsonParseException(parser, "the file ends inside the array");
        }
        each.accept(MAPPER.writeValueAsBytes(MAPPER.readTree(parser)));
      }
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "text after the array's closing bracket");
      }
    }
  }
}
