package org.presslens.transforms.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into blocks that sentences never cross.
 *
 * <p>A blank line always ends a block. A single line break also ends one (headlines, bylines and
 * datelines in scraped articles sit on lines of their own without final punctuation), except when
 * the next line starts with a lower-case letter: then the text is hard-wrapped and the two lines
 * are joined with a space. Wrongly ending a block only loses an n-gram; wrongly joining would
 * invent n-grams across headlines, so the rule errs towards ending blocks.
 *
 * <p>A text wrapped at a fixed width (wire stories, e-mail, Project Gutenberg books) breaks lines
 * inside sentences and names ("Emerson" / "Electric Co"). Such a text is recognised by its lines:
 * at least {@value #MIN_WRAPPED_LINES} non-blank lines, of which (the last left out) at least
 * {@value #WRAPPED_SHARE_PERCENT} % are {@value #WRAPPED_MIN} to {@value #WRAPPED_MAX} characters
 * long. In it, a line break also joins the lines, unless the next line is indented (a new
 * paragraph) or the line is shorter than {@value #WRAPPED_MIN} characters and ends a sentence
 * ({@code . ! ? :}, perhaps before a closing quote or bracket: the end of a paragraph). A short line
 * without such an ending is a line the wrapping broke early ("a subsidiary of Emerson" / "Electric
 * Co").
 *
 * <p>Lines are cut as {@code \R} cuts them and stripped of white space at both ends
 * ({@link String#strip}).
 */
public final class Paragraphs {

  static final int MIN_WRAPPED_LINES = 4;
  static final int WRAPPED_SHARE_PERCENT = 50;
  static final int WRAPPED_MIN = 40;
  static final int WRAPPED_MAX = 100;

  private Paragraphs() {}

  public static List<String> split(String text) {
    return blocks(text).stream().map(DerivedText::text).toList();
  }

  /** The blocks, each with where its characters are in {@code text} (a joining space: at the line break it stands for). */
  public static List<DerivedText> blocks(String text) {
    Lines lines = Lines.of(text);
    boolean wrapped = lines.wrapped();
    List<DerivedText> blocks = new ArrayList<>();
    DerivedText.Builder current = null;
    boolean previousEndsShort = false;
    for (int k = 0; k < lines.count; k++) {
      int first = lines.first[k];
      int last = lines.last[k];
      if (first == last) {
        flush(current, blocks);
        current = null;
        continue;
      }
      boolean indented = first > lines.start[k];
      boolean continues = current != null && (Character.isLowerCase(text.codePointAt(first))
          || wrapped && !indented && !previousEndsShort);
      if (!continues) {
        flush(current, blocks);
        current = new DerivedText.Builder(last - first);
      } else {
        current.append(' ', lines.start[k] - 1, lines.start[k]);
      }
      current.copy(text, first, last);
      previousEndsShort = text.codePointCount(first, last) < WRAPPED_MIN && endsSentence(text, first, last);
    }
    flush(current, blocks);
    return blocks;
  }

  /** The lines of a text: where each starts, and its first and last character after stripping (equal: blank). */
  private static final class Lines {
    int count;
    int[] start = new int[16];
    int[] first = new int[16];
    int[] last = new int[16];
    private String text;

    static Lines of(String text) {
      Lines lines = new Lines();
      lines.text = text;
      int start = 0;
      while (start <= text.length()) {
        int end = lineEnd(text, start);
        int first = start;
        int last = end;
        while (first < last && Character.isWhitespace(text.codePointAt(first))) {
          first += Character.charCount(text.codePointAt(first));
        }
        while (last > first && Character.isWhitespace(text.codePointBefore(last))) {
          last -= Character.charCount(text.codePointBefore(last));
        }
        lines.add(start, first, last);
        start = next(text, end);
      }
      return lines;
    }

    private void add(int lineStart, int lineFirst, int lineLast) {
      if (count == start.length) {
        start = java.util.Arrays.copyOf(start, 2 * count);
        first = java.util.Arrays.copyOf(first, 2 * count);
        last = java.util.Arrays.copyOf(last, 2 * count);
      }
      start[count] = lineStart;
      first[count] = lineFirst;
      last[count] = lineLast;
      count++;
    }

    /** Whether the text is wrapped at a fixed width (see the class comment). */
    boolean wrapped() {
      int nonBlank = 0;
      int inBand = 0;
      int lastNonBlank = -1;
      for (int k = 0; k < count; k++) {
        if (first[k] < last[k]) {
          nonBlank++;
          lastNonBlank = k;
        }
      }
      if (nonBlank < MIN_WRAPPED_LINES) {
        return false;
      }
      for (int k = 0; k < lastNonBlank; k++) {
        if (first[k] < last[k]) {
          int length = text.codePointCount(first[k], last[k]);
          inBand += length >= WRAPPED_MIN && length <= WRAPPED_MAX ? 1 : 0;
        }
      }
      return 100 * inBand >= WRAPPED_SHARE_PERCENT * (nonBlank - 1);
    }
  }

  /** Whether the line's last character, before closing quotes and brackets, ends a sentence. */
  private static boolean endsSentence(String text, int first, int last) {
    int i = last - 1;
    while (i > first && "\"')]\u201D\u2019".indexOf(text.charAt(i)) >= 0) {
      i--;
    }
    return ".!?:".indexOf(text.charAt(i)) >= 0;
  }

  /** The end of the line starting at {@code start}: the next line break or the end of the text. */
  private static int lineEnd(String text, int start) {
    for (int i = start; i < text.length(); i++) {
      if (isLineBreak(text.charAt(i))) {
        return i;
      }
    }
    return text.length();
  }

  /** Where the next line starts after the break at {@code end} (past the end when there is none). */
  private static int next(String text, int end) {
    if (end == text.length()) {
      return end + 1;
    }
    return text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
  }

  /** The characters {@code \R} matches alone (it also matches CR LF as one break). */
  public static boolean isLineBreak(char c) {
    return c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static void flush(DerivedText.Builder current, List<DerivedText> blocks) {
    if (current != null && current.length() > 0) {
      blocks.add(current.build());
    }
  }
}
