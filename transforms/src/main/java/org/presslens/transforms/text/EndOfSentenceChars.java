package org.presslens.transforms.text;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.sentdetect.EndOfSentenceScanner;

/**
 * OpenNLP's end-of-sentence scanner, finding the same positions without boxing every character
 * of a text: the sentence detector asks it for every candidate break, and OpenNLP's own scanner
 * looks each character up in a {@code Set<Character>}, a box and a hash lookup per character of
 * every paragraph. Its characters are those OpenNLP's own
 * scanner would look for: {@code new SentenceDetectorME(model, new EndOfSentenceChars.Factory())}
 * builds the detector as {@code new SentenceDetectorME(model)} does, with this scanner.
 */
final class EndOfSentenceChars implements EndOfSentenceScanner {

  private final Set<Character> characters;
  private final char[] each;

  EndOfSentenceChars(Set<Character> characters) {
    this.characters = Set.copyOf(characters);
    this.each = new char[characters.size()];
    int i = 0;
    for (char c : this.characters) {
      each[i++] = c;
    }
  }

  /** OpenNLP's language factory of sentence detection parts, with this scanner. */
  static final class Factory extends opennlp.tools.sentdetect.lang.Factory {
    @Override
    public EndOfSentenceScanner createEndOfSentenceScanner(String languageCode) {
      return new EndOfSentenceChars(super.createEndOfSentenceScanner(languageCode).getEOSCharacters());
    }

    @Override
    public EndOfSentenceScanner createEndOfSentenceScanner(char[] characters) {
      return new EndOfSentenceChars(super.createEndOfSentenceScanner(characters).getEOSCharacters());
    }
  }

  @Override
  public Set<Character> getEOSCharacters() {
    return characters;
  }

  @Override
  public List<Integer> getPositions(CharSequence text) {
    List<Integer> positions = new ArrayList<>();
    for (int i = 0, n = text.length(); i < n; i++) {
      if (isEndOfSentence(text.charAt(i))) {
        positions.add(i);
      }
    }
    return positions;
  }

  @Override
  public List<Integer> getPositions(StringBuffer text) {
    return getPositions((CharSequence) text);
  }

  @Override
  public List<Integer> getPositions(char[] text) {
    return getPositions(CharBuffer.wrap(text));
  }

  private boolean isEndOfSentence(char c) {
    for (char end : each) {
      if (c == end) {
        return true;
      }
    }
    return false;
  }
}
