package org.presslens.transforms.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sentences of one document: the tokens as written and, aligned with them, the terms counted
 * (lower-cased words or lemmas; {@code null} where the token is punctuation or a symbol).
 */
public final class TokenizedDocument {

  private final List<String[]> surfaces;
  private final List<String[]> terms;

  public TokenizedDocument(List<String[]> surfaces, List<String[]> terms) {
    this.surfaces = List.copyOf(surfaces);
    this.terms = List.copyOf(terms);
  }

  public List<String[]> surfaces() {
    return surfaces;
  }

  public List<String[]> terms() {
    return terms;
  }

  public int sentenceCount() {
    return terms.size();
  }

  /** Running words: tokens that are not punctuation, stop words included. */
  public long wordCount() {
    long n = 0;
    for (String[] sentence : terms) {
      for (String term : sentence) {
        if (term != null) {
          n++;
        }
      }
    }
    return n;
  }

  /** Whether any word has a letter: a text of only numbers and symbols has none. */
  public boolean hasLetterWord() {
    for (String[] sentence : terms) {
      for (String term : sentence) {
        if (term != null && term.codePoints().anyMatch(Character::isLetter)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Distinct lower-cased words (not lemmas), stop words included. */
  public int typeCount() {
    Set<String> types = new HashSet<>();
    for (String[] sentence : surfaces) {
      for (int i = 0; i < sentence.length; i++) {
        String word = TokenRules.word(sentence, i);
        if (word != null) {
          types.add(word);
        }
      }
    }
    return types.size();
  }
}
