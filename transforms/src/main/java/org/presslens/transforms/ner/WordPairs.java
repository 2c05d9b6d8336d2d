package org.presslens.transforms.ner;

import java.util.HashMap;
import java.util.Map;

/**
 * The models' word-pair features ({@code pw,w=<previous>,<token>} and {@code w,nw=<token>,<next>},
 * OpenNLP's bigram name features) found by numbers instead of strings: every word of such a
 * feature has a number, which a token gets once and keeps in its {@link TokenFeatures}, and a
 * pair of numbers finds the feature's entry in one small open-addressing table. Two of a token's
 * some twenty features are such pairs, and finding them by their strings (a new string per pair,
 * hashed and compared in the large feature table) was most of the entity stage's time.
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
    previousAndToken = table(parameters, PREVIOUS_AND_TOKEN);
    tokenAndNext = table(parameters, TOKEN_AND_NEXT);
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

  private Table table(GisParameters parameters, String prefix) {
    Map<Long, Integer> entries = new HashMap<>();
    parameters.forEachFeature(prefix, (pair, entry) -> {
      for (int comma = pair.indexOf(','); comma >= 0; comma = pair.indexOf(',', comma + 1)) {
        int left = numbers.computeIfAbsent(pair.substring(0, comma), w -> numbers.size());
        int right = numbers.computeIfAbsent(pair.substring(comma + 1), w -> numbers.size());
        entries.put(Table.key(left, right), entry);
      }
    });
    return new Table(entries);
  }

  /**
   * Pairs of numbers to entries: open addressing with linear probing, at most half full, key and
   * entry side by side in one array (one cache line per probe); key 0 is an empty slot.
   */
  private static final class Table {
    private final long[] slots;
    private final int mask;

    Table(Map<Long, Integer> entries) {
      int capacity = Integer.highestOneBit(Math.max(entries.size(), 1) * 2 - 1) << 1;
      slots = new long[2 * capacity];
      mask = capacity - 1;
      entries.forEach((key, entry) -> {
        int slot = slot(key);
        while (slots[2 * slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[2 * slot] = key;
        slots[2 * slot + 1] = entry;
      });
    }

    /** Never 0: numbers are at least 0, and each half is one more. */
    static long key(int left, int right) {
      return (long) (left + 1) << 32 | (right + 1);
    }

    int entry(int left, int right) {
      if (left == NONE || right == NONE) {
        return -1;
      }
      long key = key(left, right);
      for (int slot = slot(key); slots[2 * slot] != 0; slot = (slot + 1) & mask) {
        if (slots[2 * slot] == key) {
          return (int) slots[2 * slot + 1];
        }
      }
      return -1;
    }

    private int slot(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ h >>> 32) & mask;
    }
  }
}
