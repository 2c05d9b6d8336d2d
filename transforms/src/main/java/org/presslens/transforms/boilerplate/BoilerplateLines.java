package org.presslens.transforms.boilerplate;

import java.util.LinkedHashSet;
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

  static String normalise(String line) {
    return line.strip().replaceAll("\\s+", " ");
  }

  /** The distinct candidate lines of a text, in order of first appearance. */
  public static Set<String> candidates(String text) {
    Set<String> lines = new LinkedHashSet<>();
    int nonBlank = 0;
    for (String line : text.split("\\R")) {
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
    for (String line : text.split("\\R", -1)) {
      if (!boilerplate.contains(normalise(line))) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }
}
