package org.presslens.transforms.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** An immutable, lower-cased stop-word list read from a text file (one word a line, # comments). */
public final class StopWords implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final String DEFAULT_RESOURCE = "/org/presslens/stopwords-en.txt";

  private final Set<String> words;

  private StopWords(Set<String> words) {
    this.words = Set.copyOf(words);
  }

  public static StopWords none() {
    return new StopWords(Set.of());
  }

  /** The shipped list: Snowball English plus split-off clitics. */
  public static StopWords english() {
    try (InputStream in = StopWords.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static StopWords read(InputStream in) throws IOException {
    Set<String> words = new TreeSet<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String word = line.strip();
        if (word.startsWith("\uFEFF")) {
          word = word.substring(1);
        }
        if (!word.isEmpty() && !word.startsWith("#")) {
          // Stop words are compared with normalised tokens, so normalise the list the same way.
          words.add(TextNormalizer.normalize(word).toLowerCase(Locale.ROOT));
        }
      }
    }
    return new StopWords(words);
  }

  public boolean contains(String term) {
    return words.contains(term);
  }

  /** A capitalised word other than a stop word ({@code Hutton}; not {@code The}): one that may be part of a name. */
  public boolean isCapitalisedWord(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0)) && !contains(token.toLowerCase(Locale.ROOT));
  }

  public int size() {
    return words.size();
  }

  /** The words in sorted order (the set's own order differs between JVMs). */
  public List<String> sorted() {
    return words.stream().sorted().toList();
  }
}
