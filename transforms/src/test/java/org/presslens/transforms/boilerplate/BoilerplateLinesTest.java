package org.presslens.transforms.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written line splitting and white-space folding agree with the regular expressions they stand for. */
class BoilerplateLinesTest {

  /** Letters, every kind of line break, ASCII white space and Unicode white space that {@code \s} does not match. */
  private static final char[] ALPHABET = {'a', 'B', '7', '.', ' ', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u0085',
      '\u2028', '\u2029', '\u00A0', '\u2003', '\u3000', '\u001C'};

  @Test
  void linesAreThoseOfSplitAtLineBreaks() {
    Random random = new Random(20261203);
    for (int i = 0; i < 20_000; i++) {
      String text = randomText(random);
      assertEquals(Arrays.asList(text.split("\\R", -1)), BoilerplateLines.lines(text), () -> escaped(text));
    }
    assertEquals(List.of("a", "", "b", ""), BoilerplateLines.lines("a\r\n\nb\r"));
    assertEquals(List.of(""), BoilerplateLines.lines(""));
  }

  @Test
  void normalisingIsStripAndCollapsingWhiteSpace() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      String line = randomText(random);
      assertEquals(line.strip().replaceAll("\\s+", " "), BoilerplateLines.normalise(line), () -> escaped(line));
    }
    assertEquals("Back to Top", BoilerplateLines.normalise(" \tBack  to\t\tTop \n"));
    assertEquals("a\u00A0\u00A0b", BoilerplateLines.normalise("a\u00A0\u00A0b"));
  }

  private static String randomText(Random random) {
    char[] chars = new char[random.nextInt(12)];
    for (int j = 0; j < chars.length; j++) {
      chars[j] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }

  private static String escaped(String text) {
    StringBuilder b = new StringBuilder();
    text.chars().forEach(c -> b.append(c < 0x7F && c >= 0x20 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
    return b.toString();
  }
}
