package org.presslens.transforms.stats;

/** Frequency weights used in the term-frequency report. */
public final class TermWeights {

  private TermWeights() {}

  /** Occurrences per 10,000 running words; 0 when there are no words. */
  public static double per10k(long count, long words) {
    return words == 0 ? 0.0 : count * 10_000.0 / words;
  }

  /**
   * tf-idf as quanteda's {@code dfm_tfidf} defaults compute it: raw count times
   * log10(documents / document frequency). 0 for a term found in every document.
   */
  public static double tfIdf(long count, int documentFrequency, int documents) {
    if (documentFrequency <= 0 || documents <= 0) {
      throw new IllegalArgumentException("document counts must be positive");
    }
    return count * Math.log10((double) documents / documentFrequency);
  }
}
