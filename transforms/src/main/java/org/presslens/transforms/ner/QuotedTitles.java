package org.presslens.transforms.ner;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.presslens.transforms.ner.MentionMerger.Candidate;
import org.presslens.transforms.text.StopWords;

/**
 * Titles of works written in quotation marks, whose names the guidelines do not annotate: a quoted
 * run of {@value #MIN_WORDS} to {@value #MAX_WORDS} tokens that are all capitalised words or stop
 * words, beginning with a capital and holding at least two capitalised words other than stop words
 * ({@code " La Dolce Vita "}, {@code " Stars and Stripes Forever "}, {@code " A Gift of Time "}). A
 * quotation with a word in lower case other than a stop word is speech, whose names stay ({@code "
 * We are back with the Met "}); one or two quoted words are a nickname, a name or a term ({@code
 * Lawrence " Yogi " Berra}, {@code " Mister Sam " Rayburn}), and so is a quotation with a personal
 * pronoun ({@code " I 'm Billy Jones "}) or one that ends with the head word or legal form of an
 * organisation ({@code " Western Union Telegraph Company "}). Only the model's spans are dropped:
 * the gazetteer's names stay ({@code " Asian NATO "}).
 */
final class QuotedTitles {

  private static final int MIN_WORDS = 3;
  private static final int MAX_WORDS = 8;
  private static final Set<String> OPENING = Set.of("\"", "\u201C", "``");
  private static final Set<String> CLOSING = Set.of("\"", "\u201D", "''");
  /** Words of speech: a quotation with one is what someone says ({@code " I 'm Billy Jones "}). */
  private static final Set<String> PRONOUNS = Set.of("i", "'m", "me", "my", "you", "your", "we", "our", "us", "he",
      "him", "his", "she", "her", "they", "them", "their");

  private final StopWords stopWords;

  QuotedTitles(StopWords stopWords) {
    this.stopWords = stopWords;
  }

  /** Drops the model's candidates that overlap a quoted title of the sentence. */
  void removeFromModel(String[] tokens, List<Candidate> fromModel) {
    int open = -1;
    for (int i = 0; i < tokens.length; i++) {
      if (open < 0 && OPENING.contains(tokens[i])) {
        open = i;
      } else if (open >= 0 && CLOSING.contains(tokens[i])) {
        if (isTitle(tokens, open + 1, i)) {
          int from = open + 1;
          int to = i;
          fromModel.removeIf(c -> c.start() < to && c.end() > from);
        }
        open = -1;
      }
    }
  }

  private boolean isTitle(String[] tokens, int from, int to) {
    if (to - from < MIN_WORDS || to - from > MAX_WORDS || !Character.isUpperCase(tokens[from].codePointAt(0))) {
      return false;
    }
    String last = tokens[to - 1];
    if (NonNameSpans.GENERIC_BODIES.contains(last) || OrganisationNames.isSuffix(last)) {
      return false; // " Western Union Telegraph Company ": a name in quotation marks
    }
    int capitalised = 0;
    for (int i = from; i < to; i++) {
      if (PRONOUNS.contains(tokens[i].toLowerCase(Locale.ROOT))) {
        return false;
      }
      if (stopWords.isCapitalisedWord(tokens[i])) {
        capitalised++;
      } else if (!stopWords.contains(tokens[i].toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return capitalised >= 2;
  }
}
