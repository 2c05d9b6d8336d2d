package org.presslens.transforms.text;

import java.io.Serializable;

/** What counts as a term: stop words, n-gram length, lemmas. */
public record TextOptions(StopWords stopWords, int maxNgram, boolean keepStopWords, boolean lemmatize)
    implements Serializable {

  public TermCounter termCounter() {
    return new TermCounter(stopWords, maxNgram, keepStopWords);
  }
}
