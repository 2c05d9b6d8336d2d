package org.presslens.transforms.text;

import java.util.Arrays;

/**
 * A text made from another (its source) by replacements that may change lengths, with where each
 * of its characters came from: character {@code i} was made from the source's characters
 * {@code [sourceStart(i), to)}. Offsets count {@code char}s of Java strings (UTF-16 code units).
 * With no map every character is the source's character at the same index.
 */
public final class DerivedText {

  private final String text;
  private final int[] from;
  private final int[] to;

  private DerivedText(String text, int[] from, int[] to) {
    this.text = text;
    this.from = from;
    this.to = to;
  }

  /** A text whose characters are its source's at the same indices. */
  public static DerivedText same(String text) {
    return new DerivedText(text, null, null);
  }

  public String text() {
    return text;
  }

  /** Where in the source the span starting at character {@code start} of this text starts. */
  public int sourceStart(int start) {
    return from == null ? start : from[start];
  }

  /** Where in the source the span ending before character {@code end} of this text ends (exclusive). */
  public int sourceEnd(int end) {
    return to == null ? end : to[end - 1];
  }

  /** This text made from the source of {@code source}: the two maps composed. */
  DerivedText through(DerivedText source) {
    if (from == null && source.from == null) {
      return this;
    }
    int[] f = new int[text.length()];
    int[] t = new int[text.length()];
    for (int i = 0; i < f.length; i++) {
      f[i] = source.sourceStart(sourceStart(i));
      t[i] = source.sourceEnd(sourceEnd(i + 1));
    }
    return new DerivedText(text, f, t);
  }

  /** A text built character by character, each with the source span it came from. */
  static final class Builder {
    private final StringBuilder text;
    private int[] from;
    private int[] to;

    Builder(int capacity) {
      text = new StringBuilder(capacity);
      from = new int[Math.max(16, capacity)];
      to = new int[from.length];
    }

    /** Appends {@code c}, made from source characters {@code [sourceStart, sourceEnd)}. */
    void append(char c, int sourceStart, int sourceEnd) {
      int n = text.length();
      if (n == from.length) {
        from = Arrays.copyOf(from, 2 * n);
        to = Arrays.copyOf(to, 2 * n);
      }
      text.append(c);
      from[n] = sourceStart;
      to[n] = sourceEnd;
    }

    /** Appends each character of {@code s}, all made from source characters {@code [sourceStart, sourceEnd)}. */
    void append(CharSequence s, int sourceStart, int sourceEnd) {
      for (int i = 0; i < s.length(); i++) {
        append(s.charAt(i), sourceStart, sourceEnd);
      }
    }

    /** Drops the characters from {@code length} on. */
    void setLength(int length) {
      text.setLength(length);
    }

    int length() {
      return text.length();
    }

    char charAt(int i) {
      return text.charAt(i);
    }

    CharSequence chars() {
      return text;
    }

    DerivedText build() {
      int n = text.length();
      return new DerivedText(text.toString(), Arrays.copyOf(from, n), Arrays.copyOf(to, n));
    }
  }
}
