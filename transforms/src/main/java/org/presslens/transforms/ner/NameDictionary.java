package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.util.Span;

/**
 * Case-sensitive dictionary name finder with the matching rule of OpenNLP's
 * {@code DictionaryNameFinder}: from each token, the longest entry that starts there is a name,
 * and the search goes on after it. OpenNLP's version builds and interns a {@code StringList} for
 * every n-gram up to the longest entry at every token (a quarter of the entity stage's time on
 * the SOTU corpus); this one keeps the prefixes of all entries and stops extending an n-gram as
 * soon as no entry starts with it. {@code NameDictionaryTest} checks both give the same spans.
 */
public final class NameDictionary implements TokenNameFinder {

  /** Joins tokens in keys; tokens never contain it. */
  private static final char SEPARATOR = '\u0000';

  private final String type;
  private final Set<String> names = new HashSet<>();
  /** Every proper and improper prefix of every name (whole tokens), names included. */
  private final Set<String> prefixes = new HashSet<>();

  public NameDictionary(String type) {
    this.type = type;
  }

  /** Adds a name given as tokens; an empty array is ignored. */
  public NameDictionary add(String[] tokens) {
    if (tokens.length == 0) {
      return this;
    }
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < tokens.length; i++) {
      if (i > 0) {
        key.append(SEPARATOR);
      }
      key.append(tokens[i]);
      prefixes.add(key.toString());
    }
    names.add(key.toString());
    return this;
  }

  @Override
  public Span[] find(String[] tokens) {
    List<Span> found = new ArrayList<>();
    int from = 0;
    while (from < tokens.length) {
      int longestEnd = -1;
      StringBuilder key = new StringBuilder();
      for (int to = from; to < tokens.length; to++) {
        if (to > from) {
          key.append(SEPARATOR);
        }
        key.append(tokens[to]);
        String candidate = key.toString();
        if (!prefixes.contains(candidate)) {
          break;
        }
        if (names.contains(candidate)) {
          longestEnd = to + 1;
        }
      }
      if (longestEnd > 0) {
        found.add(new Span(from, longestEnd, type));
        from = longestEnd;
      } else {
        from++;
      }
    }
    return found.toArray(Span[]::new);
  }

  @Override
  public void clearAdaptiveData() {
    // a dictionary learns nothing from the documents it reads
  }
}
