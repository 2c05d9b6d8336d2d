package org.presslens.transforms.text;

/**
 * The words of a text before tokenizing: runs of characters without white space (space, tab, line
 * feed, vertical tab, form feed, carriage return), counted in one pass that stops at the first run
 * longer than a limit. Input checks use it to reject what would not be worth tokenizing.
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
    return scan(text, Integer.MAX_VALUE).count();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
