package org.presslens.transforms.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.Locale;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringUtil;

/**
 * Turns a document into sentences of lower-cased word tokens with OpenNLP.
 *
 * <p>Not thread-safe (it owns {@code *ME} objects): create one per DoFn instance. Punctuation and symbol tokens are kept as {@code null} entries so that n-grams
 * can stop at them; {@link TokenizedDocument} counts only the words and knows where each token is
 * in the text as given.
 */
public final class DocumentTokenizer {

  private final SentenceDetectorME sentenceDetector;
  private final RememberingTokenizer tokenizer;
  private final POSTaggerME tagger;
  private final SharedLemmatizer lemmatizer;

  public DocumentTokenizer(OpenNlpModels models, boolean lemmatize) {
    this.sentenceDetector = new SentenceDetectorME(models.sentences(), new EndOfSentenceChars.Factory());
    this.tokenizer = new RememberingTokenizer(models.tokens());
    this.tagger = lemmatize ? new POSTaggerME(models.pos()) : null;
    this.lemmatizer = lemmatize ? models.lemmatizer() : null;
  }

  public TokenizedDocument tokenize(String rawText) {
    return tokenize(rawText, sentence -> true);
  }

  /**
   * The document's sentences, numbered as {@link #tokenize(String)} numbers them, with only the
   * sentences that {@code wanted} accepts (given the sentence as normalised text) tokenized; the
   * others are left empty. For looking up a few terms again without tokenizing every sentence.
   */
  public TokenizedDocument tokenize(String rawText, Predicate<String> wanted) {
    DerivedText text = TextNormalizer.normalizeMapped(rawText);
    List<String[]> surfaces = new ArrayList<>();
    List<String[]> terms = new ArrayList<>();
    List<int[]> offsets = new ArrayList<>();
    for (DerivedText block : Paragraphs.blocks(text.text())) {
      for (Span span : SentenceJoins.join(block.text(), sentenceDetector.sentPosDetect(block.text()))) {
        String sentence = block.text().substring(span.getStart(), span.getEnd());
        if (!hasToken(sentence)) {
          continue; // no tokens: not a sentence
        }
        if (!wanted.test(sentence)) {
          surfaces.add(new String[0]);
          terms.add(new String[0]);
          offsets.add(new int[0]);
          continue;
        }
        String[] surface = TokenRules.splitClitics(TokenRules.joinHyphenated(sentence, tokenizer.tokenizePos(sentence)))
            .toArray(String[]::new);
        surfaces.add(surface);
        terms.add(toTerms(surface));
        offsets.add(offsets(surface, sentence, span.getStart(), block, text));
      }
    }
    return new TokenizedDocument(rawText, surfaces, terms, offsets, lemmatizer == null);
  }

  /**
   * Whether {@link WhitespaceTokenizer} finds a token in {@code sentence}: a character that is not
   * white space as it tests it, without making the tokens.
   */
  static boolean hasToken(String sentence) {
    for (int i = 0; i < sentence.length(); i++) {
      if (!StringUtil.isWhitespace(sentence.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where each token is in the raw text: start and end of token {@code k} at {@code 2k} and
   * {@code 2k + 1}. Every token is a piece of its sentence, in order ({@link TokenRules} only
   * joins touching pieces and cuts tokens), so each is found after the one before; the sentence
   * starts at {@code sentenceStart} in its block, which maps to the normalised text, which maps to
   * the raw text. A token that starts inside a character group the token before ends in (a
   * ligature or a letter with its accents, split by the tokenizer) starts where that one ends.
   */
  private static int[] offsets(String[] surface, String sentence, int sentenceStart, DerivedText block, DerivedText text) {
    int[] offsets = new int[2 * surface.length];
    int cursor = 0;
    for (int k = 0; k < surface.length; k++) {
      int at = sentence.indexOf(surface[k], cursor);
      if (at < 0) {
        throw new IllegalStateException("token '" + surface[k] + "' is not in its sentence: " + sentence);
      }
      cursor = at + surface[k].length();
      int previousEnd = k == 0 ? 0 : offsets[2 * k - 1];
      offsets[2 * k] = Math.max(previousEnd, text.sourceStart(block.sourceStart(sentenceStart + at)));
      offsets[2 * k + 1] = Math.max(offsets[2 * k], text.sourceEnd(block.sourceEnd(sentenceStart + cursor)));
    }
    return offsets;
  }

  /**
   * Tokens of a short phrase (a gazetteer name) by the same normalisation and token rules as
   * documents, so that the phrase matches document tokens; an abbreviation at its end keeps its
   * full stop, as inside a sentence ({@code Tex.}).
   */
  public String[] tokenizePhrase(String phrase) {
    String text = TextNormalizer.normalize(phrase).strip();
    return TokenRules.splitClitics(TokenRules.joinHyphenated(text, tokenizer.tokenizePos(text), true)).toArray(String[]::new);
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
