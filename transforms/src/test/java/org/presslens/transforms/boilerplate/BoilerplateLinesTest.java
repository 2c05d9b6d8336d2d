package org.presslens.transforms.boilerplate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hand-written line splitting, white-space folding and length bounds agree with the regular
 * expressions they stand for.
 */
class BoilerplateLinesTest {

  /** Letters, every kind of line break, ASCII white space and Unicode white space that {@code \s} does not match. */
  private static final char[] ALPHABET = {'a', 'B', '7', '.', ' ', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u0085',
      '\u2028', '\u2029', '\u00A0', '\u2003', '\u3000', '\u001C'};

  @Test
  void candidatesAreTheShortNormalisedLinesOfSplitAtLineBreaks() {
    Random random = new Random(20261203);
    for (int i = 0; i < 20_000; i++) {
      String text = randomText(random, 12);
      assertArrayEquals(hashesOf(candidatesByRegex(text)), BoilerplateLines.candidateHashes(text), () -> escaped(text));
    }
    // lines around the length limit, with runs of white space that normalising folds
    for (int i = 0; i < 5_000; i++) {
      String text = longLines(random);
      assertArrayEquals(hashesOf(candidatesByRegex(text)), BoilerplateLines.candidateHashes(text), () -> escaped(text));
    }
    assertArrayEquals(hashesOf(Set.of("Back to Top", "a b")), BoilerplateLines.candidateHashes(" Back  to\tTop \r\n\na b\r"));
    assertArrayEquals(new long[0], BoilerplateLines.candidateHashes("one line only"));
    assertArrayEquals(new long[0], BoilerplateLines.candidateHashes(""));
  }

  /** The hashes of normalised lines, ascending (the hash of a line made a string first). */
  private static long[] hashesOf(Set<String> lines) {
    return lines.stream().mapToLong(BoilerplateLines::hash).sorted().distinct().toArray();
  }

  /** The candidates by their definition: lines by {@code \\R}, normalised by regular expressions. */
  private static Set<String> candidatesByRegex(String text) {
    Set<String> lines = new LinkedHashSet<>();
    int nonBlank = 0;
    for (String line : text.split("\\R", -1)) {
      String normalised = line.strip().replaceAll("\\s+", " ");
      if (!normalised.isEmpty()) {
        nonBlank++;
        if (normalised.length() <= BoilerplateLines.MAX_LINE_CHARS
            && normalised.chars().anyMatch(Character::isLetterOrDigit)) {
          lines.add(normalised);
        }
      }
    }
    return nonBlank >= 2 ? lines : Set.of();
  }

  @Test
  void normalisingIsStripAndCollapsingWhiteSpace() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      String line = randomText(random, 12);
      assertEquals(line.strip().replaceAll("\\s+", " "), BoilerplateLines.normalise(line), () -> escaped(line));
    }
    assertEquals("Back to Top", BoilerplateLines.normalise(" \tBack  to\t\tTop \n"));
    assertEquals("a\u00A0\u00A0b", BoilerplateLines.normalise("a\u00A0\u00A0b"));
  }

  private static String randomText(Random random, int maxLength) {
    char[] chars = new char[random.nextInt(maxLength)];
    for (int j = 0; j < chars.length; j++) {
      chars[j] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }

  /** Two to four lines of 150 to 300 characters, many of them white space, some of it outside {@code \\s}. */
  private static String longLines(Random random) {
    char[] alphabet = {'a', '7', ' ', ' ', '\t', '\u2003', '\u00A0'};
    StringBuilder text = new StringBuilder();
    for (int line = 2 + random.nextInt(3); line > 0; line--) {
      for (int j = 150 + random.nextInt(151); j > 0; j--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      text.append(random.nextBoolean() ? "\n" : "\r\n");
    }
    return text.toString();
  }

  private static String escaped(String text) {
    StringBuilder b = new StringBuilder();
    text.chars().forEach(c -> b.append(c < 0x7F && c >= 0x20 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
    return b.toString();
  }
}
