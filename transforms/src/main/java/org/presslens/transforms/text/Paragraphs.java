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
 * invent n-grams across headlines, so the rule errs towards ending blocks. Lines are cut as
 * {@code \R} cuts them and stripped of white space at both ends ({@link String#strip}).
 */
public final class Paragraphs {

  private Paragraphs() {}

  public static List<String> split(String text) {
    return blocks(text).stream().map(DerivedText::text).toList();
  }

  /** The blocks, each with where its characters are in {@code text} (a joining space: at the line break it stands for). */
  public static List<DerivedText> blocks(String text) {
    List<DerivedText> blocks = new ArrayList<>();
    DerivedText.Builder current = null;
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
      if (first == last) {
        flush(current, blocks);
        current = null;
      } else {
        boolean continues = current != null && Character.isLowerCase(text.codePointAt(first));
        if (!continues) {
          flush(current, blocks);
          current = new DerivedText.Builder(last - first);
        } else {
          current.append(' ', start - 1, start);
        }
        current.copy(text, first, last);
      }
      start = next(text, end);
    }
    flush(current, blocks);
    return blocks;
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

  /** The characters {@code \R} matches alone. */
  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static void flush(DerivedText.Builder current, List<DerivedText> blocks) {
    if (current != null && current.length() > 0) {
      blocks.add(current.build());
    }
  }
}
