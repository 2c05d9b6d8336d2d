package org.presslens.transforms.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test material for decoders checked against OpenNLP: the seeds' sentences and variations of them. */
public final class SeedSentences {

  private SeedSentences() {}

  /** The tokenized sentences of each seed article, in file order. */
  public static List<List<String[]>> documents(DocumentTokenizer tokenizer) throws IOException {
    List<List<String[]>> documents = new ArrayList<>();
    try (var files = Files.list(Path.of(System.getProperty("presslens.seeds", "../seeds")))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        documents.add(tokenizer.tokenize(Files.readString(file)).surfaces());
      }
    }
    return documents;
  }

  /**
   * A run of 1 to {@code maxLength} consecutive tokens of {@code words} with about one in four
   * swapped for a token from anywhere in it: unusual word and tag sequences made of real tokens.
   */
  public static String[] shuffled(List<String> words, Random random, int maxLength) {
    String[] sentence = new String[1 + random.nextInt(maxLength)];
    int from = random.nextInt(words.size() - sentence.length);
    for (int t = 0; t < sentence.length; t++) {
      sentence[t] = random.nextInt(4) == 0 ? words.get(random.nextInt(words.size())) : words.get(from + t);
    }
    return sentence;
  }
}
