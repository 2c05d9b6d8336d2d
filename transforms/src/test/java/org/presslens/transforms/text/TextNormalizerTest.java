package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  /** The rules as four regular-expression replacements after NFKC: the one-pass normaliser must agree. */
  private static String byRegex(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = Pattern.compile("[\u2019\u2018\u201B\u02BC\u2032`\u00B4\uFF07]").matcher(s).replaceAll("'");
    s = Pattern.compile("[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]").matcher(s).replaceAll("\"");
    s = Pattern.compile("\\s*[\u2012\u2013\u2014\u2015]\\s*").matcher(s).replaceAll(" \u2013 ");
    return Pattern.compile("[\\h&&[^\\t]]").matcher(s).replaceAll(" ");
  }

  @Test
  void handWorkedExamples() {
    assertEquals("NATO's \"open door\"", TextNormalizer.normalize("NATO’s “open door”"));
    assertEquals("NATO's", TextNormalizer.normalize("NATO`s"));
    assertEquals("secure \u2013 and", TextNormalizer.normalize("secure—and"));
    assertEquals("a \u2013  \u2013 b", TextNormalizer.normalize("a — — b"), "a dash does not take back what the last one wrote");
    assertEquals("fi 1 000", TextNormalizer.normalize("\uFB01 1\u00A0000"), "ligature and no-break space");
    String ascii = "Plain ASCII text, unchanged.\n";
    assertEquals(ascii, TextNormalizer.normalize(ascii));
  }

  @Test
  void aDoubleQuoteUsedAsAnApostropheBecomesOne() {
    assertEquals("Kuwait's oil, OPEC's\npricing, don't, I'm, we'll, they're, we've, he'd",
        TextNormalizer.normalize("Kuwait\"s oil, OPEC\"s\npricing, don\"t, I\"m, we\"ll, they\"re, we\"ve, he\"d"));
    assertEquals("Kuwait's", TextNormalizer.normalize("Kuwait\u201Ds"), "a typographic quote too");
    assertEquals("He said \"so\" to \"X\"s and 5\"s \"quoted\"", TextNormalizer.normalize(
        "He said \"so\" to \"X\"s and 5\"s \"quoted\""), "quotes around words, after digits, in quoted words stay");
    assertEquals("a\"sb \"", TextNormalizer.normalize("a\"sb \""), "a longer word after the quote is not a contraction");
  }

  @Test
  void agreesWithTheRegularExpressionsOnRandomText() {
    String alphabet = "ab A1.,'\"`\t\n\r\u000B\f \u00A0\u2009\u3000\u1680\u2012\u2013\u2014\u2015\u2212-\u2019\u2018\u201C\u201D"
        + "\u00AB\u00BB\u2033\u2032\u00B4\uFF07\uFB01\u00E9e\u0301\uFF21";
    Random random = new Random(20261202);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(30);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      assertEquals(byRegex(s), TextNormalizer.normalize(s), () -> "for " + s.codePoints()
          .mapToObj(c -> String.format("U+%04X", c)).toList());
    }
  }
}
