package org.presslens.transforms.boilerplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;
import org.apache.commons.codec.digest.MurmurHash3;
import org.presslens.transforms.model.TextCuts;
import org.presslens.transforms.text.Paragraphs;

/**
 * Which lines of a document can be boilerplate, and the document without its boilerplate lines.
 * Lines are compared after trimming and collapsing white space. Only short lines
 * ({@value #MAX_LINE_CHARS} characters or less) of documents with at least two non-blank lines
 * are candidates: a one-line document is all content, and long repeated passages are duplicates,
 * not page furniture.
 */
public final class BoilerplateLines {

  public static final int MAX_LINE_CHARS = 200;

  private BoilerplateLines() {}

  /**
   * The line stripped and each run of the regex class {@code \s} (ASCII white space) made one
   * space, as {@code line.strip().replaceAll("\\s+", " ")} does; without a regex, as this runs on
   * every line of every document.
   */
  static String normalise(String line) {
    String stripped = line.strip();
    int n = stripped.length();
    int i = 0;
    while (i < n && !(isSpace(stripped.charAt(i))
        && (stripped.charAt(i) != ' ' || i + 1 < n && isSpace(stripped.charAt(i + 1))))) {
      i++;
    }
    if (i == n) {
      return stripped;
    }
    StringBuilder collapsed = new StringBuilder(n).append(stripped, 0, i);
    while (i < n) {
      char c = stripped.charAt(i++);
      if (!isSpace(c)) {
        collapsed.append(c);
        continue;
      }
      collapsed.append(' ');
      while (i < n && isSpace(stripped.charAt(i))) {
        i++;
      }
    }
    return collapsed.toString();
  }

  /** The characters of the regex class {@code \s}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * The {@link #hash hashes} of the text's distinct candidate lines, ascending. The candidates are
   * its lines (the text cut at CR LF and at each of LF, VT, FF, CR, NEL, LS and PS, as {@code
   * text.split("\\R", -1)} cuts it) {@link #normalise normalised}, if they are not empty, at most
   * {@value #MAX_LINE_CHARS} characters long and hold a letter or digit; a text with fewer than
   * two non-blank lines has none. This runs on every text of every run (a rerun too), and most
   * lines of an article are paragraphs far longer than a candidate: a line is hashed only once its
   * bounds show that it can be one, and without being made a string.
   */
  public static long[] candidateHashes(String text) {
    LineHasher hasher = new LineHasher();
    LongStream.Builder hashes = LongStream.builder();
    int nonBlank = forEachCandidate(text, (first, last) -> hashes.add(hasher.hash(text, first, last)));
    return nonBlank >= 2 ? hashes.build().sorted().distinct().toArray() : new long[0];
  }

  /** Where a candidate line's characters are, without the white space around it. */
  private interface CandidateBounds {
    void accept(int first, int last);
  }

  /** Tells {@code each} the bounds of every line that can be a candidate; returns the number of non-blank lines. */
  private static int forEachCandidate(String text, CandidateBounds each) {
    int nonBlank = 0;
    int start = 0;
    while (true) {
      int end = lineEnd(text, start);
      int first = firstNonWhite(text, start, end);
      if (first < end) {
        nonBlank++;
        int last = lastNonWhite(text, first, end);
        if (canBeCandidate(text, first, last)) {
          each.accept(first, last);
        }
      }
      if (end == text.length()) {
        return nonBlank;
      }
      start = nextLine(text, end);
    }
  }

  /**
   * The first character of {@code text[start, end)} that strip() keeps ({@code end} if none; white
   * space is never a surrogate).
   */
  private static int firstNonWhite(String text, int start, int end) {
    int first = start;
    while (first < end && Character.isWhitespace(text.charAt(first))) {
      first++;
    }
    return first;
  }

  /** The end of {@code text[first, end)} without the white space strip() removes. */
  private static int lastNonWhite(String text, int first, int end) {
    int last = end;
    while (last > first && Character.isWhitespace(text.charAt(last - 1))) {
      last--;
    }
    return last;
  }

  /** Whether the stripped line {@code text[first, last)} can be a candidate: short enough, with a letter or digit. */
  private static boolean canBeCandidate(String text, int first, int last) {
    return first < last && normalisedFits(text, first, last) && hasLetterOrDigit(text, first, last);
  }

  /** Where the line that starts at {@code start} ends: at its line break, or at the end of the text. */
  private static int lineEnd(String text, int start) {
    int end = start;
    while (end < text.length() && !Paragraphs.isLineBreak(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /** Where the next line starts after the line break at {@code end} (CR LF is one break). */
  private static int nextLine(String text, int end) {
    return text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
  }

  /**
   * Whether the stripped line {@code text[first, last)} is at most {@value #MAX_LINE_CHARS}
   * characters once its runs of white space are one space each.
   */
  private static boolean normalisedFits(String text, int first, int last) {
    if (last - first <= MAX_LINE_CHARS) {
      return true;
    }
    int chars = 0;
    boolean inSpace = false;
    for (int i = first; i < last; i++) {
      boolean space = isSpace(text.charAt(i));
      if (!(space && inSpace) && ++chars > MAX_LINE_CHARS) {
        return false;
      }
      inSpace = space;
    }
    return true;
  }

  private static boolean hasLetterOrDigit(String text, int first, int last) {
    for (int i = first; i < last; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A normalised line's name in the line counts: the first 64 bits of the MurmurHash3 (x64,
   * 128-bit, seed 0) of its UTF-16 code units (little-endian). Two lines of one outlet with the
   * same hash would be counted as one; among a million distinct lines the chance that any two
   * share one is about 3 in 100 million.
   */
  public static long hash(String normalisedLine) {
    return new LineHasher().hash(normalisedLine, 0, normalisedLine.length());
  }

  /**
   * Hashes lines as {@link #hash} does, {@link #normalise normalising} them on the way (runs of
   * white space one space), into a buffer it keeps: one per text.
   */
  private static final class LineHasher {
    private byte[] bytes = new byte[2 * MAX_LINE_CHARS];

    /** The hash of {@code text[first, last)} normalised; the bounds are a stripped line's. */
    long hash(String text, int first, int last) {
      if (2 * (last - first) > bytes.length) {
        bytes = new byte[2 * (last - first)];
      }
      int size = 0;
      for (int i = first; i < last; i++) {
        char c = text.charAt(i);
        if (isSpace(c)) {
          while (i + 1 < last && isSpace(text.charAt(i + 1))) {
            i++;
          }
          c = ' ';
        }
        bytes[size++] = (byte) c;
        bytes[size++] = (byte) (c >>> 8);
      }
      return MurmurHash3.hash128x64(bytes, 0, size, 0)[0];
    }
  }

  /** A text without its boilerplate lines, and where they were. */
  public record Stripped(String text, TextCuts cuts) {}

  /**
   * The text without the lines whose {@link #hash} of the line {@link #normalise normalised} is
   * {@code boilerplate} (each with its line break); other lines, blank lines included, are kept as
   * they were, with their own line breaks.
   */
  public static Stripped strip(String text, LongPredicate boilerplate) {
    return strip(text, boilerplate, line -> {});
  }

  /**
   * {@link #strip(String, LongPredicate)}, telling {@code cut} the normalised text of each line it
   * cuts. Only a line that can be a {@link #candidates candidate} is hashed: no other line can be
   * boilerplate.
   */
  public static Stripped strip(String text, LongPredicate boilerplate, Consumer<String> cut) {
    LineHasher hasher = new LineHasher();
    StringBuilder kept = new StringBuilder(text.length());
    List<Integer> at = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    int keptCodePoints = 0;
    int start = 0;
    while (start < text.length() || start == 0) {
      int end = lineEnd(text, start);
      int next = end == text.length() ? end : nextLine(text, end);
      int codePoints = text.codePointCount(start, next);
      int first = firstNonWhite(text, start, end);
      int last = lastNonWhite(text, first, end);
      if (canBeCandidate(text, first, last) && boilerplate.test(hasher.hash(text, first, last))) {
        cut.accept(normalise(text.substring(first, last)));
        if (!at.isEmpty() && at.get(at.size() - 1) == keptCodePoints) {
          lengths.set(lengths.size() - 1, lengths.get(lengths.size() - 1) + codePoints);
        } else {
          at.add(keptCodePoints);
          lengths.add(codePoints);
        }
      } else {
        kept.append(text, start, next);
        keptCodePoints += codePoints;
      }
      if (next == text.length()) {
        break;
      }
      start = next;
    }
    return new Stripped(kept.toString(), new TextCuts(at.stream().mapToInt(Integer::intValue).toArray(),
        lengths.stream().mapToInt(Integer::intValue).toArray()));
  }
}
