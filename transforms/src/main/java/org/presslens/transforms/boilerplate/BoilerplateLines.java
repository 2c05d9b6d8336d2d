package org.presslens.transforms.boilerplate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
   * The lines of a text as {@code text.split("\\R", -1)} gives them: cut at CR LF and at each of
   * LF, VT, FF, CR, NEL, LS and PS.
   */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return lines;
  }

  /** The distinct candidate lines of a text, in order of first appearance. */
  public static Set<String> candidates(String text) {
    Set<String> lines = new LinkedHashSet<>();
    int nonBlank = 0;
    for (String line : lines(text)) {
      String normalised = normalise(line);
      if (!normalised.isEmpty()) {
        nonBlank++;
        if (normalised.length() <= MAX_LINE_CHARS && normalised.chars().anyMatch(Character::isLetterOrDigit)) {
          lines.add(normalised);
        }
      }
    }
    return nonBlank >= 2 ? lines : Set.of();
  }

  /** The text without the given lines; other lines, blank lines included, are kept as they were. */
  public static String strip(String text, Set<String> boilerplate) {
    if (boilerplate.isEmpty()) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    for (String line : lines(text)) {
      if (!boilerplate.contains(normalise(line))) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }
}
