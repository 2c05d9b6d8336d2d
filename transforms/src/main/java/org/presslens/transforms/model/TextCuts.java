package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Where pieces of a text as read were taken out (boilerplate lines), so that a place in the text
 * that remains can be given in the text as read: after code point {@code at[k]} of the remaining
 * text, {@code lengths[k]} code points were taken out ({@code at} ascending). Counted in code
 * points, as Python, R and DuckDB count characters.
 */
public final class TextCuts implements Serializable {

  public static final TextCuts NONE = new TextCuts(new int[0], new int[0]);

  private final int[] at;
  private final int[] lengths;

  public TextCuts(int[] at, int[] lengths) {
    if (at.length != lengths.length) {
      throw new IllegalArgumentException("cuts: " + at.length + " places, " + lengths.length + " lengths");
    }
    this.at = at.clone();
    this.lengths = lengths.clone();
  }

  public int count() {
    return at.length;
  }

  public int at(int k) {
    return at[k];
  }

  public int length(int k) {
    return lengths[k];
  }

  /** Where code point {@code start} of the remaining text, the start of a span, is in the text as read. */
  public int startAsRead(int start) {
    int asRead = start;
    for (int k = 0; k < at.length && at[k] <= start; k++) {
      asRead += lengths[k];
    }
    return asRead;
  }

  /** Where a span of the remaining text that ends before code point {@code end} ends in the text as read. */
  public int endAsRead(int end) {
    int asRead = end;
    for (int k = 0; k < at.length && at[k] < end; k++) {
      asRead += lengths[k];
    }
    return asRead;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextCuts c && Arrays.equals(at, c.at) && Arrays.equals(lengths, c.lengths);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(at) * 31 + Arrays.hashCode(lengths);
  }

  @Override
  public String toString() {
    return "TextCuts" + Arrays.toString(at) + Arrays.toString(lengths);
  }
}
