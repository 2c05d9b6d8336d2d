package org.presslens.transforms.text;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;

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

  public HashMap<String, Integer> count(List<String[]> sentences) {
    HashMap<String, Integer> counts = new HashMap<>();
    StringBuilder gram = new StringBuilder();
    for (String[] terms : sentences) {
      for (int i = 0; i < terms.length; i++) {
        String term = terms[i];
        if (term == null) {
          continue;
        }
        boolean stop = stopWords.contains(term);
        if (!stop || keepStopWordUnigrams) {
          counts.merge(term, 1, Integer::sum);
        }
        if (stop) {
          continue;
        }
        gram.setLength(0);
        gram.append(term);
        for (int n = 2; n <= maxN && i + n - 1 < terms.length; n++) {
          String next = terms[i + n - 1];
          if (next == null || stopWords.contains(next)) {
            break;
          }
          gram.append(' ').append(next);
          counts.merge(gram.toString(), 1, Integer::sum);
        }
      }
    }
    return counts;
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
