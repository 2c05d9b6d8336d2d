package org.presslens.transforms.text;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.presslens.transforms.model.TermIndex;

/**
 * Counts the terms of one document: unigrams and n-grams up to {@code maxN}.
 *
 * <p>An n-gram is a run of consecutive words inside one sentence with no stop word and no
 * punctuation in it: "collective security" counts, "security of europe" does not. Unigram stop
 * words are dropped unless {@code keepStopWordUnigrams} is set. N-grams are keyed by their words
 * joined with single spaces (tokens never contain spaces).
 */
public final class TermCounter implements Serializable {

  private static final long serialVersionUID = 1L;

  private final StopWords stopWords;
  private final int maxN;
  private final boolean keepStopWordUnigrams;

  public TermCounter(StopWords stopWords, int maxN, boolean keepStopWordUnigrams) {
    if (maxN < 1) {
      throw new IllegalArgumentException("maxN must be at least 1, was " + maxN);
    }
    this.stopWords = stopWords;
    this.maxN = maxN;
    this.keepStopWordUnigrams = keepStopWordUnigrams;
  }

  /**
   * The document's terms and their counts. Counted by number ({@link Tally}), so that a running
   * word costs one hash lookup and no box, and a word's stop-word status is looked up once per
   * distinct word; the map is made at the end.
   */
  public HashMap<String, Integer> count(List<String[]> sentences) {
    int tokens = 0;
    for (String[] terms : sentences) {
      tokens += terms.length;
    }
    Tally tally = new Tally(Math.max(16, tokens / 4));
    StringBuilder gram = new StringBuilder();
    for (String[] terms : sentences) {
      for (int i = 0; i < terms.length; i++) {
        String term = terms[i];
        if (term == null) {
          continue;
        }
        int id = tally.number(term);
        if (tally.stop[id] == Tally.UNKNOWN) {
          tally.stop[id] = stopWords.contains(term) ? Tally.STOP : Tally.WORD;
        }
        if (tally.stop[id] == Tally.STOP) {
          tally.counts[id] += keepStopWordUnigrams ? 1 : 0;
          continue;
        }
        tally.counts[id]++;
        gram.setLength(0);
        gram.append(term);
        for (int n = 2; n <= maxN && i + n - 1 < terms.length; n++) {
          String next = terms[i + n - 1];
          if (next == null || stopWords.contains(next)) {
            break;
          }
          gram.append(' ').append(next);
          int gramId = tally.number(gram.toString()); // before reading counts, which it may replace
          tally.counts[gramId]++;
        }
      }
    }
    HashMap<String, Integer> byTerm = new HashMap<>();
    for (int id = 0; id < tally.index.size(); id++) {
      if (tally.counts[id] > 0) {
        byTerm.put(tally.index.term(id), tally.counts[id]);
      }
    }
    return byTerm;
  }

  /** A document's terms (and stop words) numbered in a {@link TermIndex}, a count and a stop-word mark each. */
  private static final class Tally {
    static final byte UNKNOWN = 0;
    static final byte STOP = 1;
    static final byte WORD = 2;

    final TermIndex index;
    int[] counts;
    byte[] stop;

    Tally(int expected) {
      index = new TermIndex(expected);
      counts = new int[index.capacity()];
      stop = new byte[index.capacity()];
    }

    /** The term's number, the arrays grown with the index for a new one. */
    int number(String term) {
      int id = index.add(term);
      if (id == counts.length) {
        counts = Arrays.copyOf(counts, index.capacity());
        stop = Arrays.copyOf(stop, index.capacity());
      }
      return id;
    }
  }

  /** The n of a term key. */
  public static int gramSize(String term) {
    int n = 1;
    for (int i = 0; i < term.length(); i++) {
      if (term.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }
}
