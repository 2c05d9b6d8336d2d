package org.presslens.transforms.ner;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The models' word-pair features ({@code pw,w=<previous>,<token>} and {@code w,nw=<token>,<next>},
 * OpenNLP's bigram name features) found by numbers instead of strings: every word of such a
 * feature has a number, which a token gets once and keeps in its {@link TokenFeatures}, and a
 * pair of numbers finds the feature's entry among the left word's pairs. Two of a token's
 * twenty-odd features are such pairs; found by their strings, each would cost a new string, its
 * hash and a probe of the large feature table.
 *
 * <p>A feature with more commas after its prefix is listed under each of its splits, so that for
 * any tokens {@code a} and {@code b}, the pair of their numbers finds the entry of {@code prefix +
 * a + "," + b} exactly when the models know that string; a token without a number is in no pair.
 * Made once per {@link GisParameters} and shared by all threads (read only).
 */
final class WordPairs {

  static final String PREVIOUS_AND_TOKEN = "pw,w=";
  static final String TOKEN_AND_NEXT = "w,nw=";
  static final int NONE = -1;

  private final Map<String, Integer> numbers = new HashMap<>();
  private final Table previousAndToken;
  private final Table tokenAndNext;

  WordPairs(GisParameters parameters) {
    Pairs before = pairs(parameters, PREVIOUS_AND_TOKEN);
    Pairs after = pairs(parameters, TOKEN_AND_NEXT);
    previousAndToken = new Table(before, numbers.size());
    tokenAndNext = new Table(after, numbers.size());
  }

  /** The token's number, or {@link #NONE} when it is no word of any pair feature. */
  int number(String token) {
    Integer number = numbers.get(token);
    return number == null ? NONE : number;
  }

  /** The entry of {@code pw,w=<previous>,<token>} by the two tokens' numbers, or -1. */
  int previousAndToken(int previous, int token) {
    return previousAndToken.entry(previous, token);
  }

  /** The entry of {@code w,nw=<token>,<next>} by the two tokens' numbers, or -1. */
  int tokenAndNext(int token, int next) {
    return tokenAndNext.entry(token, next);
  }

  /** The features of {@code prefix} under each comma split, their words numbered. */
  private Pairs pairs(GisParameters parameters, String prefix) {
    Pairs pairs = new Pairs();
    parameters.forEachFeature(prefix, (pair, entry) -> {
      for (int comma = pair.indexOf(','); comma >= 0; comma = pair.indexOf(',', comma + 1)) {
        int left = numbers.computeIfAbsent(pair.substring(0, comma), w -> numbers.size());
        int right = numbers.computeIfAbsent(pair.substring(comma + 1), w -> numbers.size());
        pairs.add(left, right, entry);
      }
    });
    return pairs;
  }

  /** Left word, right word and entry of each pair, in growing arrays. */
  private static final class Pairs {
    int[] left = new int[1024];
    int[] right = new int[1024];
    int[] entry = new int[1024];
    int size;

    void add(int l, int r, int e) {
      if (size == left.length) {
        left = Arrays.copyOf(left, 2 * size);
        right = Arrays.copyOf(right, 2 * size);
        entry = Arrays.copyOf(entry, 2 * size);
      }
      left[size] = l;
      right[size] = r;
      entry[size++] = e;
    }
  }

  /**
   * Pairs of numbers to entries: per left word, its right words in ascending order and their
   * entries, found by binary search; a quarter of the memory of a hash table over all pairs.
   */
  private static final class Table {
    private final int[][] rights;
    private final int[][] entries;

    Table(Pairs pairs, int words) {
      // each left word's pairs side by side (a count per word, then its offset), as (right, entry)
      // packed so that a primitive sort orders them by the right word
      int[] start = new int[words + 1];
      for (int k = 0; k < pairs.size; k++) {
        start[pairs.left[k] + 1]++;
      }
      for (int w = 0; w < words; w++) {
        start[w + 1] += start[w];
      }
      long[] byLeft = new long[pairs.size];
      int[] next = Arrays.copyOf(start, words);
      for (int k = 0; k < pairs.size; k++) {
        byLeft[next[pairs.left[k]]++] = (long) pairs.right[k] << 32 | pairs.entry[k];
      }
      rights = new int[words][];
      entries = new int[words][];
      for (int w = 0; w < words; w++) {
        if (start[w + 1] > start[w]) {
          Arrays.sort(byLeft, start[w], start[w + 1]);
          rights[w] = new int[start[w + 1] - start[w]];
          entries[w] = new int[rights[w].length];
          for (int k = start[w]; k < start[w + 1]; k++) {
            rights[w][k - start[w]] = (int) (byLeft[k] >>> 32);
            entries[w][k - start[w]] = (int) byLeft[k];
          }
        }
      }
    }

    int entry(int left, int right) {
      if (left == NONE || right == NONE || rights[left] == null) {
        return -1;
      }
      int at = Arrays.binarySearch(rights[left], right);
      return at >= 0 ? entries[left][at] : -1;
    }
  }
}
