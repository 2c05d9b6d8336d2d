package org.presslens.transforms.text;

import java.util.Arrays;

/**
 * A text made from another (its source) by replacements that may change lengths, with where each
 * of its characters came from: character {@code i} was made from the source's characters
 * {@code [sourceStart(i), sourceEnd(i + 1))}. Offsets count {@code char}s of Java strings (UTF-16
 * code units).
 *
 * <p>The map is kept in pieces, not per character: a piece is either a run of characters copied
 * one for one from a run of the source, or the characters one group of source characters became
 * (a ligature's letters, a dash with its spaces), which all come from that whole group. A text
 * that mostly copies its source has few pieces, whatever its length.
 */
public final class DerivedText {

  private final String text;
  /** Where each piece starts in this text, ascending; null: every character is the source's at the same index. */
  private final int[] pieceStart;
  /** Where each piece's source characters start. */
  private final int[] pieceFrom;
  /** Where each piece's source characters end, or -1 for a piece copied one for one. */
  private final int[] pieceTo;
  /** The text the source itself was made from, or null when the source is the original. */
  private final DerivedText sourceOfSource;

  private DerivedText(String text, int[] pieceStart, int[] pieceFrom, int[] pieceTo, DerivedText sourceOfSource) {
    this.text = text;
    this.pieceStart = pieceStart;
    this.pieceFrom = pieceFrom;
    this.pieceTo = pieceTo;
    this.sourceOfSource = sourceOfSource;
  }

  /** A text whose characters are its source's at the same indices. */
  public static DerivedText same(String text) {
    return new DerivedText(text, null, null, null, null);
  }

  public String text() {
    return text;
  }

  /** Where in the source the span starting at character {@code start} of this text starts. */
  public int sourceStart(int start) {
    int at = start;
    if (pieceStart != null) {
      int p = piece(start);
      at = pieceTo[p] < 0 ? pieceFrom[p] + start - pieceStart[p] : pieceFrom[p];
    }
    return sourceOfSource == null ? at : sourceOfSource.sourceStart(at);
  }

  /** Where in the source the span ending before character {@code end} of this text ends (exclusive). */
  public int sourceEnd(int end) {
    int at = end;
    if (pieceStart != null) {
      int p = piece(end - 1);
      at = pieceTo[p] < 0 ? pieceFrom[p] + end - pieceStart[p] : pieceTo[p];
    }
    return sourceOfSource == null ? at : sourceOfSource.sourceEnd(at);
  }

  /** The piece holding character {@code i}. */
  private int piece(int i) {
    int p = Arrays.binarySearch(pieceStart, i);
    return p >= 0 ? p : -p - 2;
  }

  /** This text made from the source of {@code source}, which is this text's source. */
  DerivedText through(DerivedText source) {
    if (source.pieceStart == null && source.sourceOfSource == null) {
      return this;
    }
    if (pieceStart == null && sourceOfSource == null) {
      return new DerivedText(text, source.pieceStart, source.pieceFrom, source.pieceTo, source.sourceOfSource);
    }
    return new DerivedText(text, pieceStart, pieceFrom, pieceTo,
        sourceOfSource == null ? source : sourceOfSource.through(source));
  }

  /** A text built character by character, each with the source span it came from. */
  static final class Builder {
    private final StringBuilder text;
    private int[] pieceStart = new int[8];
    private int[] pieceFrom = new int[8];
    private int[] pieceTo = new int[8];
    private int pieces;

    Builder(int capacity) {
      text = new StringBuilder(capacity);
    }

    /** Appends {@code c}, made from source characters {@code [sourceStart, sourceEnd)}. */
    void append(char c, int sourceStart, int sourceEnd) {
      int n = text.length();
      text.append(c);
      if (pieces > 0) {
        int last = pieces - 1;
        boolean copied = pieceTo[last] < 0;
        if (copied && sourceEnd - sourceStart == 1 && pieceFrom[last] + n - pieceStart[last] == sourceStart
            || !copied && pieceFrom[last] == sourceStart && pieceTo[last] == sourceEnd) {
          return; // the piece goes on
        }
      }
      if (pieces == pieceStart.length) {
        pieceStart = Arrays.copyOf(pieceStart, 2 * pieces);
        pieceFrom = Arrays.copyOf(pieceFrom, 2 * pieces);
        pieceTo = Arrays.copyOf(pieceTo, 2 * pieces);
      }
      pieceStart[pieces] = n;
      pieceFrom[pieces] = sourceStart;
      pieceTo[pieces] = sourceEnd - sourceStart == 1 ? -1 : sourceEnd;
      pieces++;
    }

    /** Appends each character of {@code s}, all made from source characters {@code [sourceStart, sourceEnd)}. */
    void append(CharSequence s, int sourceStart, int sourceEnd) {
      for (int i = 0; i < s.length(); i++) {
        append(s.charAt(i), sourceStart, sourceEnd);
      }
    }

    /** Appends source characters {@code [from, to)} of {@code source}, copied one for one. */
    void copy(String source, int from, int to) {
      if (from < to) {
        append(source.charAt(from), from, from + 1); // starts or goes on with a piece copied one for one
        text.append(source, from + 1, to); // which the rest goes on with
      }
    }

    /** Drops the characters from {@code length} on. */
    void setLength(int length) {
      text.setLength(length);
      while (pieces > 0 && pieceStart[pieces - 1] >= length) {
        pieces--;
      }
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
      return new DerivedText(text.toString(), Arrays.copyOf(pieceStart, pieces), Arrays.copyOf(pieceFrom, pieces),
          Arrays.copyOf(pieceTo, pieces), null);
    }
  }
}
