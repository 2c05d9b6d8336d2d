package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.namefind.DictionaryNameFinder;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringList;
import org.junit.jupiter.api.Test;

class NameDictionaryTest {

  private static String[] tokens(String text) {
    return text.split(" ");
  }

  @Test
  void longestEntryFromEachTokenThenContinuesAfterIt() {
    NameDictionary names = new NameDictionary("organization")
        .add(tokens("Bank"))
        .add(tokens("Bank of England"))
        .add(tokens("England"))
        .add(tokens("of England Trust"));
    Span[] found = names.find(tokens("the Bank of England and England said"));
    assertArrayEquals(new Span[] {new Span(1, 4, "organization"), new Span(5, 6, "organization")}, found);
  }

  @Test
  void prefixWithoutEntryIsNoName() {
    NameDictionary names = new NameDictionary("person").add(tokens("Liz Truss"));
    assertArrayEquals(new Span[0], names.find(tokens("Liz said")));
    assertArrayEquals(new Span[] {new Span(2, 4, "person")}, names.find(tokens("said that Liz Truss")));
  }

  @Test
  void caseSensitive() {
    NameDictionary names = new NameDictionary("location").add(tokens("Reading"));
    assertArrayEquals(new Span[0], names.find(tokens("reading READING")));
    assertArrayEquals(new Span[] {new Span(1, 2, "location")}, names.find(tokens("reading Reading")));
  }

  /** Random vocabularies, entries and sentences: the same spans as OpenNLP's DictionaryNameFinder. */
  @Test
  void sameSpansAsOpenNlpDictionaryNameFinder() {
    String[] vocabulary = {"A", "B", "C", "a", "b", "of", "the", "New", "York"};
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      Dictionary dictionary = new Dictionary(true);
      NameDictionary ours = new NameDictionary("t");
      for (int e = 0; e < 1 + random.nextInt(8); e++) {
        String[] entry = randomTokens(random, vocabulary, 1 + random.nextInt(4));
        dictionary.put(new StringList(entry));
        ours.add(entry);
      }
      DictionaryNameFinder reference = new DictionaryNameFinder(dictionary, "t");
      for (int s = 0; s < 20; s++) {
        String[] sentence = randomTokens(random, vocabulary, random.nextInt(15));
        assertArrayEquals(reference.find(sentence), ours.find(sentence), String.join(" ", sentence));
      }
    }
  }

  private static String[] randomTokens(Random random, String[] vocabulary, int length) {
    String[] out = new String[length];
    for (int i = 0; i < length; i++) {
      out[i] = vocabulary[random.nextInt(vocabulary.length)];
    }
    return out;
  }
}
