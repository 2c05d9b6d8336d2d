package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void measureCountsTheWordsAndFindsTheLongestAsAWordByWordSplitDoes() {
    assertEquals(new Words.Measure(3, 5), Words.measure("  one\ttwo\r\nthree "));
    assertEquals(new Words.Measure(0, 0), Words.measure(" \n\u000B\f"));
    assertEquals(new Words.Measure(1, 4), Words.measure("word"));
    // A character below the space that is no white space (a control character) is part of a word.
    assertEquals(new Words.Measure(1, 3), Words.measure("a\u0001b"));
    Random random = new Random(7);
    String alphabet = "ab \t\n\r\u000B\f\u0001é ";
    for (int t = 0; t < 2_000; t++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      long count = 0;
      int longest = 0;
      for (String word : s.split("[ \t\n\u000B\f\r]+")) {
        if (!word.isEmpty()) {
          count++;
          longest = Math.max(longest, word.length());
        }
      }
      Words.Measure measure = Words.measure(s);
      assertEquals(new Words.Measure(count, longest), measure, s);
      assertEquals(measure, Words.Measure.decode(measure.encode()), s);
      int limit = random.nextInt(6);
      assertEquals(longest > limit, Words.scan(s, limit).longRun() != null, s + " limit " + limit);
    }
  }
}
