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
 */
public final class Paragraphs {

  private Paragraphs() {}

  public static List<String> split(String text) {
    List<String> blocks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String rawLine : text.split("\\R", -1)) {
      String line = rawLine.strip();
      if (line.isEmpty()) {
        flush(current, blocks);
        continue;
      }
      boolean continues = current.length() > 0 && Character.isLowerCase(line.codePointAt(0));
      if (!continues) {
        flush(current, blocks);
      } else {
        current.append(' ');
      }
      current.append(line);
    }
    flush(current, blocks);
    return blocks;
  }

  private static void flush(StringBuilder current, List<String> blocks) {
    if (current.length() > 0) {
      blocks.add(current.toString());
      current.setLength(0);
    }
  }
}
