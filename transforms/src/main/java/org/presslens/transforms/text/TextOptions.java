package org.presslens.transforms.text;

import java.io.Serializable;

/**
 * What counts as a term: stop words, n-gram length, lemmas, and whether multiword entities are
 * single terms ({@link EntityTerms}; only where entities are recognised).
 */
public record TextOptions(StopWords stopWords, int maxNgram, boolean keepStopWords, boolean lemmatize, boolean entityTerms)
    implements Serializable {

  /** Without entities as terms. */
  public TextOptions(StopWords stopWords, int maxNgram, boolean keepStopWords, boolean lemmatize) {
    this(stopWords, maxNgram, keepStopWords, lemmatize, false);
  }

  public TermCounter termCounter() {
    return new TermCounter(stopWords, maxNgram, keepStopWords);
  }
}
