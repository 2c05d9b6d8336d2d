package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermCounterTest {

  private static StopWords stops(String... words) throws IOException {
    return StopWords.read(new ByteArrayInputStream(String.join("\n", words).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void ngramsStopAtStopWordsPunctuationAndSentenceEnds() throws IOException {
    List<String[]> sentences = List.of(
        new String[] {"collective", "security", "of", "europe", "and", "asia"},
        new String[] {"nato", "expansion", null, "asia", "pacific", "region"});
    Map<String, Integer> counts = new TermCounter(stops("of", "and"), 3, false).count(sentences);
    assertEquals(Map.ofEntries(
        Map.entry("collective", 1), Map.entry("security", 1), Map.entry("europe", 1), Map.entry("asia", 2),
        Map.entry("nato", 1), Map.entry("expansion", 1), Map.entry("pacific", 1), Map.entry("region", 1),
        Map.entry("collective security", 1), Map.entry("nato expansion", 1),
        Map.entry("asia pacific", 1), Map.entry("pacific region", 1), Map.entry("asia pacific region", 1)), counts);
  }

  /**
   * The counts are those of counting term by term into a map, on random sentences of a small
   * vocabulary with stop words and punctuation, with and without stop-word unigrams.
   */
  @Test
  void countsAsAMapCountedTermByTerm() throws IOException {
    StopWords stopWords = stops("the", "of", "and");
    String[] vocabulary = {"the", "of", "and", "nato", "europe", "security", "alliance", "summit", null};
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      List<String[]> sentences = new ArrayList<>();
      for (int s = random.nextInt(4); s >= 0; s--) {
        String[] sentence = new String[random.nextInt(12)];
        for (int i = 0; i < sentence.length; i++) {
          sentence[i] = vocabulary[random.nextInt(vocabulary.length)];
        }
        sentences.add(sentence);
      }
      for (boolean keep : new boolean[] {false, true}) {
        HashMap<String, Integer> expected = termByTerm(sentences, stopWords, 3, keep);
        assertEquals(expected, new TermCounter(stopWords, 3, keep).count(sentences));
      }
    }
  }

  private static HashMap<String, Integer> termByTerm(List<String[]> sentences, StopWords stopWords, int maxN,
      boolean keep) {
    HashMap<String, Integer> counts = new HashMap<>();
    for (String[] terms : sentences) {
      for (int i = 0; i < terms.length; i++) {
        if (terms[i] == null) {
          continue;
        }
        boolean stop = stopWords.contains(terms[i]);
        if (!stop || keep) {
          counts.merge(terms[i], 1, Integer::sum);
        }
        if (stop) {
          continue;
        }
        String gram = terms[i];
        for (int n = 2; n <= maxN && i + n - 1 < terms.length; n++) {
          String next = terms[i + n - 1];
          if (next == null || stopWords.contains(next)) {
            break;
          }
          gram += " " + next;
          counts.merge(gram, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  @Test
  void keepStopWordsCountsThemAsUnigramsOnly() throws IOException {
    Map<String, Integer> counts = new TermCounter(stops("the"), 2, true).count(List.<String[]>of(new String[] {"the", "alliance", "the"}));
    assertEquals(Map.of("the", 2, "alliance", 1), counts);
  }

  @Test
  void stopWordFileIgnoresCommentsAndNormalisesApostrophes() throws IOException {
    StopWords words = stops("# comment", "\uFEFFthe", "It’s", "", "  and  ");
    assertEquals(3, words.size());
    assertEquals(true, words.contains("it's"));
    assertEquals(true, words.contains("the"));
  }

  @Test
  void defaultListIsSnowballPlusClitics() {
    StopWords english = StopWords.english();
    assertEquals(182, english.size());
    assertEquals(true, english.contains("'s") && english.contains("n't") && english.contains("the"));
    assertEquals(false, english.contains("nato"));
  }

  @Test
  void gramSizeCountsWords() {
    assertEquals(1, TermCounter.gramSize("nato"));
    assertEquals(3, TermCounter.gramSize("asia pacific region"));
  }

  @Test
  void rejectsZeroMaxN() {
    assertThrows(IllegalArgumentException.class, () -> new TermCounter(StopWords.none(), 0, false));
  }
}
