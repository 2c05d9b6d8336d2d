package org.presslens.transforms.ner;

import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.TextCuts;
import org.presslens.transforms.text.TokenizedDocument;

/**
 * Places a document's mentions in its text as read: from the tokens' places in the text that was
 * analysed ({@link TokenizedDocument}, in UTF-16 units) to code points, and past the lines that
 * boilerplate removal took out ({@link TextCuts}).
 */
public final class MentionPlaces {

  private final TokenizedDocument tokens;
  private final TextCuts cuts;
  /** Code points before each UTF-16 index of the analysed text; null when the two counts agree (no surrogate pairs). */
  private final int[] codePointsBefore;

  public MentionPlaces(TokenizedDocument tokens, TextCuts cuts) {
    this.tokens = tokens;
    this.cuts = cuts;
    this.codePointsBefore = codePointsBefore(tokens.text());
  }

  /** The mention with its start and end in the text as read and its characters as written there. */
  public Mention place(Mention m) {
    int start = tokens.start(m.sentence(), m.start());
    int end = tokens.end(m.sentence(), m.end() - 1);
    return m.at(cuts.startAsRead(codePoints(start)), cuts.endAsRead(codePoints(end)),
        tokens.written(m.sentence(), m.start(), m.end()));
  }

  private int codePoints(int utf16) {
    return codePointsBefore == null ? utf16 : codePointsBefore[utf16];
  }

  private static int[] codePointsBefore(String text) {
    boolean surrogates = false;
    for (int i = 0; i < text.length() && !surrogates; i++) {
      surrogates = Character.isSurrogate(text.charAt(i));
    }
    if (!surrogates) {
      return null;
    }
    int[] before = new int[text.length() + 1];
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      before[i] = count;
      if (!(Character.isLowSurrogate(text.charAt(i)) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
        count++;
      }
    }
    before[text.length()] = count;
    return before;
  }
}
