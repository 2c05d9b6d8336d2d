package org.presslens.transforms.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sentences of one document: the tokens as written and, aligned with them, the terms counted
 * (lower-cased words or lemmas; {@code null} where the token is punctuation or a symbol), and
 * where each token is in the text that was tokenized (before normalisation).
 */
public final class TokenizedDocument {

  private final String text;
  private final List<String[]> surfaces;
  private final List<String[]> terms;
  private final List<int[]> offsets;
  /** Whether each term is its token's word ({@link TokenRules#word}), as without lemmas. */
  private final boolean termsAreWords;

  /**
   * @param text the text as given to the tokenizer
   * @param offsets per sentence, start and end in {@code text} of token {@code k} at {@code 2k}, {@code 2k + 1}
   */
  public TokenizedDocument(String text, List<String[]> surfaces, List<String[]> terms, List<int[]> offsets) {
    this(text, surfaces, terms, offsets, false);
  }

  /** As above; {@code termsAreWords} when every term is {@link TokenRules#word} of its token (no lemmas). */
  TokenizedDocument(String text, List<String[]> surfaces, List<String[]> terms, List<int[]> offsets,
      boolean termsAreWords) {
    this.text = text;
    this.surfaces = List.copyOf(surfaces);
    this.terms = List.copyOf(terms);
    this.offsets = List.copyOf(offsets);
    this.termsAreWords = termsAreWords;
  }

  /** The text that was tokenized. */
  public String text() {
    return text;
  }

  /** Where token {@code token} of sentence {@code sentence} starts in {@link #text} (a {@code char} index). */
  public int start(int sentence, int token) {
    return offsets.get(sentence)[2 * token];
  }

  /** Where token {@code token} of sentence {@code sentence} ends in {@link #text} (exclusive). */
  public int end(int sentence, int token) {
    return offsets.get(sentence)[2 * token + 1];
  }

  /** Tokens {@code from} to {@code to} (exclusive) of a sentence as the text writes them, with line breaks as spaces. */
  public String written(int sentence, int from, int to) {
    return from >= to ? "" : oneLine(text.substring(start(sentence, from), end(sentence, to - 1)));
  }

  /** {@code s} with each line break (CR LF, or one of the breaks of {@code \\R}) as a space. */
  static String oneLine(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean lineBreak = Paragraphs.isLineBreak(c);
      if (lineBreak && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        continue; // the LF that follows stands for both
      }
      if (out != null) {
        out.append(lineBreak ? ' ' : c);
      }
    }
    return out == null ? s : out.toString();
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
    for (int s = 0; s < surfaces.size(); s++) {
      String[] sentence = surfaces.get(s);
      String[] sentenceTerms = terms.get(s);
      for (int i = 0; i < sentence.length; i++) {
        String word = termsAreWords ? sentenceTerms[i] : TokenRules.word(sentence, i);
        if (word != null) {
          types.add(word);
        }
      }
    }
    return types.size();
  }
}
