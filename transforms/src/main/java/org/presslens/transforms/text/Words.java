package org.presslens.transforms.text;

import java.nio.charset.StandardCharsets;

/**
 * The words of a text before tokenizing: runs of characters without white space (space, tab, line
 * feed, vertical tab, form feed, carriage return). Input checks use them to reject what would not
 * be worth tokenizing: {@link #measure} counts them and finds the longest in one pass, {@link
 * #scan} finds where the first run longer than a limit is.
 *
 * @param count the words up to and including the long run
 * @param longRun that run as {start, end}, or null
 */
public record Words(long count, int[] longRun) {

  /** The words of {@code text}, stopping at the first run of more than {@code limit} characters. */
  public static Words scan(String text, int limit) {
    long count = 0;
    int start = 0;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || isSpace(text.charAt(i))) {
        if (i - start > limit) {
          return new Words(count + 1, new int[] {start, i});
        }
        if (i > start) {
          count++;
        }
        start = i + 1;
      }
    }
    return new Words(count, null);
  }

  /** How many words {@code text} has. */
  public static long count(String text) {
    return measure(text).count();
  }

  /** How many words {@code text} has and how many characters its longest has. */
  public static Measure measure(String text) {
    long count = 0;
    int longest = 0;
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c > ' ' || !isSpace(c)) { // every white space character is at most ' '
        continue;
      }
      if (i > start) {
        count++;
        longest = Math.max(longest, i - start);
      }
      start = i + 1;
    }
    if (n > start) {
      count++;
      longest = Math.max(longest, n - start);
    }
    return new Measure(count, longest);
  }

  /** A text's word count and the length of its longest word, which a memo keeps as "count TAB longest". */
  public record Measure(long count, int longest) {
    public byte[] encode() {
      return (count + "\t" + longest).getBytes(StandardCharsets.UTF_8);
    }

    public static Measure decode(byte[] bytes) {
      String value = new String(bytes, StandardCharsets.UTF_8);
      int tab = value.indexOf('\t');
      return new Measure(Long.parseLong(value.substring(0, tab)), Integer.parseInt(value.substring(tab + 1)));
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
