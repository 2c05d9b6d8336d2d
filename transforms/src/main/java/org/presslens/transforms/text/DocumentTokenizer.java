package org.presslens.transforms.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;

/**
 * Turns a document into sentences of lower-cased word tokens with OpenNLP.
 *
 * <p>Not thread-safe (it owns {@code *ME} objects): create one per DoFn instance in
 * {@code @Setup}. Punctuation and symbol tokens are kept as {@code null} entries so that n-grams
 * can stop at them; {@link TokenizedDocument} counts only the words.
 */
public final class DocumentTokenizer {

  private final SentenceDetectorME sentenceDetector;
  private final RememberingTokenizer tokenizer;
  private final POSTaggerME tagger;
  private final SharedLemmatizer lemmatizer;

  public DocumentTokenizer(OpenNlpModels models, boolean lemmatize) {
    this.sentenceDetector = new SentenceDetectorME(models.sentences());
    this.tokenizer = new RememberingTokenizer(new TokenizerME(models.tokens()));
    this.tagger = lemmatize ? new POSTaggerME(models.pos()) : null;
    this.lemmatizer = lemmatize ? models.lemmatizer() : null;
  }

  public TokenizedDocument tokenize(String rawText) {
    String text = TextNormalizer.normalize(rawText);
    List<String[]> surfaces = new ArrayList<>();
    List<String[]> terms = new ArrayList<>();
    for (String block : Paragraphs.split(text)) {
      for (String sentence : sentenceDetector.sentDetect(block)) {
        List<String> tokens =
            TokenRules.splitClitics(TokenRules.joinHyphenated(sentence, tokenizer.tokenizePos(sentence)));
        if (tokens.isEmpty()) {
          continue;
        }
        String[] surface = tokens.toArray(String[]::new);
        surfaces.add(surface);
        terms.add(toTerms(surface));
      }
    }
    return new TokenizedDocument(surfaces, terms);
  }

  /**
   * Tokens of a short phrase (a gazetteer name) by the same normalisation and token rules as
   * documents, so that the phrase matches document tokens.
   */
  public String[] tokenizePhrase(String phrase) {
    String text = TextNormalizer.normalize(phrase).strip();
    return TokenRules.splitClitics(TokenRules.joinHyphenated(text, tokenizer.tokenizePos(text))).toArray(String[]::new);
  }

  /** Lower-cased word (or lemma) per token, {@code null} for punctuation and symbols. */
  private String[] toTerms(String[] surface) {
    String[] lemmas = null;
    if (lemmatizer != null) {
      lemmas = lemmatizer.lemmatize(surface, tagger.tag(surface));
    }
    String[] out = new String[surface.length];
    for (int i = 0; i < surface.length; i++) {
      String word = TokenRules.word(surface, i);
      if (word == null) {
        continue;
      }
      boolean fullStem = !word.equalsIgnoreCase(surface[i]); // ca -> can: already a base form
      out[i] = lemmas == null || fullStem ? word : usableLemma(lemmas[i], word);
    }
    return out;
  }

  /**
   * The lemmatizer answers "O" (or an empty or punctuation string) when it has no lemma, and an
   * edit script that does not fit the word decodes to a string with '+' ({@code n't} gave
   * "e+not"); the word itself is then its term.
   */
  private static String usableLemma(String lemma, String lower) {
    boolean garbled = lemma != null && lemma.indexOf('+') >= 0 && lower.indexOf('+') < 0;
    if (lemma == null || lemma.equals("O") || !TokenRules.hasWordChar(lemma) || garbled) {
      return lower;
    }
    return lemma.toLowerCase(Locale.ROOT);
  }
}
