package org.presslens.transforms.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;

/**
 * OpenNLP's statistical tokenizer, asked once per distinct whitespace-separated token. TokenizerME
 * splits text at white space first and then decides, for each character boundary inside one
 * such token, whether to split there; its features are those of the token alone (the characters
 * around the boundary, the token's shape, its abbreviation entry), never of the neighbouring
 * tokens. So its decisions for a token string are always the same, and remembering them gives
 * exactly the model's output while the model sees each distinct token once: most running words
 * repeat ("the", "said,", "NATO's"), so nearly all are looked up instead of evaluated. The
 * decisions are shared by every instance on the same model in the JVM: a runner makes a DoFn
 * instance (and so a tokenizer) per worker thread and transform, and each would otherwise ask
 * the model again for every token the others have already seen. A word with punctuation around it
 * ("nation," "(Congress") is cut by a rule instead ({@link #punctuatedWord}): such tokens are most
 * of the distinct ones a text sends to the model.
 *
 * <p>Not thread-safe, like the TokenizerME it owns: one per DoFn instance.
 */
final class RememberingTokenizer {

  /** Distinct tokens remembered at most; the memory is cleared when it is full. */
  private static final int CAPACITY = 200_000;

  private static final int[] WHOLE = new int[0];

  /** OpenNLP's default alphanumeric pattern, which {@link #isAsciiAlphanumeric} matches by hand. */
  private static final String ASCII_ALPHANUMERIC = "^[A-Za-z0-9]+$";

  /** The remembered decisions, per model: the same for every instance, so any thread's answer serves all. */
  private static final Map<TokenizerModel, Map<String, int[]>> SPLITS = Collections.synchronizedMap(new IdentityHashMap<>());

  private final TokenizerME model;
  private final Map<String, int[]> splits;
  /**
   * Whether the model keeps tokens of ASCII letters and digits whole without evaluating them (its
   * alphanumeric optimisation with the default pattern): most running words are such tokens, and
   * they are then neither cut out of the text nor looked up.
   */
  private final boolean alphanumericWhole;

  RememberingTokenizer(TokenizerModel model) {
    this.model = new TokenizerME(model);
    this.splits = SPLITS.computeIfAbsent(model, m -> new ConcurrentHashMap<>());
    TokenizerFactory factory = model.getFactory();
    this.alphanumericWhole = factory.isUseAlphaNumericOptimization()
        && ASCII_ALPHANUMERIC.equals(factory.getAlphaNumericPattern().pattern());
  }

  /** Token spans of {@code text}, as {@link TokenizerME#tokenizePos} gives them but for {@link #punctuatedWord}s. */
  Span[] tokenizePos(String text) {
    List<Span> out = new ArrayList<>();
    for (Span word : WhitespaceTokenizer.INSTANCE.tokenizePos(text)) {
      int start = word.getStart();
      int end = word.getEnd();
      if (end - start < 2 || alphanumericWhole && isAsciiAlphanumeric(text, start, end)) {
        out.add(word); // the model never splits a single character, nor these
        continue;
      }
      if (alphanumericWhole && punctuatedWord(text, start, end, out)) {
        continue;
      }
      int[] cuts = cuts(text.substring(start, end));
      int from = start;
      for (int cut : cuts) {
        out.add(new Span(from, start + cut));
        from = start + cut;
      }
      out.add(new Span(from, end));
    }
    return out.toArray(Span[]::new);
  }

  /** Whether tokens of ASCII letters and digits are kept whole without the model (for tests). */
  boolean keepsAlphanumericWhole() {
    return alphanumericWhole;
  }

  /** Whether the model's decision for a whitespace token is remembered (for tests). */
  boolean remembers(String token) {
    return splits.containsKey(token);
  }

  private static boolean isAsciiAlphanumeric(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * A word of two or more ASCII letters with punctuation before it ({@code " \u201c (}) or after
   * it ({@code , ; : ? ! " \u201d )}), cut by rule instead of by the model: the word whole (as the
   * alphanumeric optimisation keeps it when it stands alone), each punctuation mark a token of its
   * own, a run of question and exclamation marks one token ({@code "them!!!"}). These are the
   * model's own cuts for nearly all such tokens (docs/text-and-terms.md lists where they differ:
   * the model cut {@code FedEx,} as {@code Fed Ex ,} and kept {@code Yahoo!} whole), and most of
   * the distinct tokens of a text that are not plain words are of this kind. Adds the tokens to
   * {@code out} and returns true for such a token; false, adding nothing, for any other.
   */
  private static boolean punctuatedWord(String text, int start, int end, List<Span> out) {
    int first = start;
    while (first < end && isOpening(text.charAt(first))) {
      first++;
    }
    int last = first;
    while (last < end && isAsciiLetter(text.charAt(last))) {
      last++;
    }
    if (last - first < 2) {
      return false;
    }
    for (int i = last; i < end; i++) {
      if (!isClosing(text.charAt(i))) {
        return false;
      }
    }
    for (int i = start; i < first; i++) {
      out.add(new Span(i, i + 1));
    }
    out.add(new Span(first, last));
    for (int i = last; i < end; ) {
      int next = i + 1;
      if (isQuestionOrExclamation(text.charAt(i))) {
        while (next < end && isQuestionOrExclamation(text.charAt(next))) {
          next++;
        }
      }
      out.add(new Span(i, next));
      i = next;
    }
    return true;
  }

  private static boolean isOpening(char c) {
    return c == '"' || c == '\u201c' || c == '(';
  }

  private static boolean isClosing(char c) {
    return c == ',' || c == ';' || c == ':' || c == '"' || c == '\u201d' || c == ')' || isQuestionOrExclamation(c);
  }

  private static boolean isQuestionOrExclamation(char c) {
    return c == '?' || c == '!';
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** Where the model splits a whitespace token: offsets inside it, ascending. */
  private int[] cuts(String token) {
    int[] known = splits.get(token);
    if (known != null) {
      return known;
    }
    Span[] pieces = model.tokenizePos(token);
    int[] cuts = pieces.length <= 1 ? WHOLE : new int[pieces.length - 1];
    for (int i = 1; i < pieces.length; i++) {
      cuts[i - 1] = pieces[i].getStart();
    }
    if (splits.size() >= CAPACITY) {
      splits.clear();
    }
    splits.put(token, cuts);
    return cuts;
  }
}
