package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
    List<long[]> before = pairs(parameters, PREVIOUS_AND_TOKEN);
    List<long[]> after = pairs(parameters, TOKEN_AND_NEXT);
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

  /** The features of {@code prefix} as {left number, right number, entry}, under each comma split; numbers the words. */
  private List<long[]> pairs(GisParameters parameters, String prefix) {
    List<long[]> pairs = new ArrayList<>();
    parameters.forEachFeature(prefix, (pair, entry) -> {
      for (int comma = pair.indexOf(','); comma >= 0; comma = pair.indexOf(',', comma + 1)) {
        int left = numbers.computeIfAbsent(pair.substring(0, comma), w -> numbers.size());
        int right = numbers.computeIfAbsent(pair.substring(comma + 1), w -> numbers.size());
        pairs.add(new long[] {left, right, entry});
      }
    });
    return pairs;
  }

  /**
   * Pairs of numbers to entries: per left word, its right words in ascending order and their
   * entries, found by binary search; a quarter of the memory of a hash table over all pairs.
   */
  private static final class Table {
    private final int[][] rights;
    private final int[][] entries;

    Table(List<long[]> pairs, int words) {
      pairs.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
      rights = new int[words][];
      entries = new int[words][];
      for (int from = 0; from < pairs.size(); ) {
        int left = (int) pairs.get(from)[0];
        int to = from;
        while (to < pairs.size() && pairs.get(to)[0] == left) {
          to++;
        }
        rights[left] = new int[to - from];
        entries[left] = new int[to - from];
        for (int k = from; k < to; k++) {
          rights[left][k - from] = (int) pairs.get(k)[1];
          entries[left][k - from] = (int) pairs.get(k)[2];
        }
        from = to;
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
