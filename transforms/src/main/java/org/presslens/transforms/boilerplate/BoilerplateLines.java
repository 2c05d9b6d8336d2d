package org.presslens.transforms.boilerplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
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
   * The distinct candidate lines of a text, in order of first appearance: each line (the text cut
   * at CR LF and at each of LF, VT, FF, CR, NEL, LS and PS, as {@code text.split("\\R", -1)} cuts
   * it) {@link #normalise normalised}, if it is not empty, at most {@value #MAX_LINE_CHARS}
   * characters long and holds a letter or digit. This runs on every text of every run (a rerun
   * too), and most lines of an article are paragraphs far longer than a candidate: a line is made
   * a string only once its bounds show that it can be one.
   */
  public static Set<String> candidates(String text) {
    Set<String> lines = new LinkedHashSet<>();
    int nonBlank = 0;
    int start = 0;
    while (true) {
      int end = lineEnd(text, start);
      if (!isBlank(text, start, end)) {
        nonBlank++;
        String line = candidate(text, start, end);
        if (line != null) {
          lines.add(line);
        }
      }
      if (end == text.length()) {
        break;
      }
      start = nextLine(text, end);
    }
    return nonBlank >= 2 ? lines : Set.of();
  }

  /** Whether {@code text[start, end)} is white space only (the white space strip() removes). */
  private static boolean isBlank(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The line {@code text[start, end)} normalised if it can be a candidate; null otherwise. Its
   * bounds are found without the white space strip() removes (white space is never a surrogate).
   */
  private static String candidate(String text, int start, int end) {
    int first = start;
    while (first < end && Character.isWhitespace(text.charAt(first))) {
      first++;
    }
    int last = end;
    while (last > first && Character.isWhitespace(text.charAt(last - 1))) {
      last--;
    }
    return first < last && normalisedFits(text, first, last) && hasLetterOrDigit(text, first, last)
        ? normalise(text.substring(first, last)) : null;
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
   * 128-bit, seed 0) of its UTF-8 bytes. Two lines of one outlet with the same hash would be
   * counted as one; among a million distinct lines the chance that any two share one is about
   * 3 in 100 million.
   */
  public static long hash(String normalisedLine) {
    return MurmurHash3.hash128x64(normalisedLine.getBytes(StandardCharsets.UTF_8))[0];
  }

  /** The {@link #hash hashes} of the text's distinct {@link #candidates}, ascending. */
  public static long[] candidateHashes(String text) {
    Set<String> lines = candidates(text);
    long[] hashes = new long[lines.size()];
    int i = 0;
    for (String line : lines) {
      hashes[i++] = hash(line);
    }
    Arrays.sort(hashes);
    return Arrays.stream(hashes).distinct().toArray();
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
    StringBuilder kept = new StringBuilder(text.length());
    List<Integer> at = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    int keptCodePoints = 0;
    int start = 0;
    while (start < text.length() || start == 0) {
      int end = lineEnd(text, start);
      int next = end == text.length() ? end : nextLine(text, end);
      int codePoints = text.codePointCount(start, next);
      String line = candidate(text, start, end);
      if (line != null && boilerplate.test(hash(line))) {
        cut.accept(line);
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
