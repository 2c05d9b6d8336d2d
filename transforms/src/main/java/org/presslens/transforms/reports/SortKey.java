package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Where a scope (the corpus, an outlet, an outlet against a reference) or a row (a document, a
 * copy, a rejected input) goes in its report: a tuple of texts, compared part by part, a shorter
 * tuple before the longer ones it begins.
 */
public record SortKey(List<String> parts) implements Comparable<SortKey>, Serializable {

  public SortKey {
    parts = List.copyOf(parts);
  }

  public static SortKey of(String... parts) {
    return new SortKey(List.of(parts));
  }

  @Override
  public int compareTo(SortKey other) {
    int n = Math.min(parts.size(), other.parts.size());
    for (int i = 0; i < n; i++) {
      int c = parts.get(i).compareTo(other.parts.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(parts.size(), other.parts.size());
  }

  /** A name for files of this key (hex SHA-256 of the parts): a retried bundle writes the same file. */
  public String digest() {
    return DigestUtils.sha256Hex(String.join("\u0000", parts));
  }

  @Override
  public String toString() {
    return String.join(" | ", parts);
  }

  /** Writes the key compactly: the number of parts, then each as UTF-8. */
  public static void encode(SortKey key, OutputStream out) throws IOException {
    VarIntCoder.of().encode(key.parts.size(), out);
    for (String part : key.parts) {
      StringUtf8Coder.of().encode(part, out);
    }
  }

  public static SortKey decode(InputStream in) throws IOException {
    int n = VarIntCoder.of().decode(in);
    List<String> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parts.add(StringUtf8Coder.of().decode(in));
    }
    return new SortKey(parts);
  }
}
