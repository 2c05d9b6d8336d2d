package org.presslens.transforms.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.util.Span;

/**
 * Corrections applied to the OpenNLP UD-EWT tokenizer output so that tokens match what an
 * analyst counts as a word.
 *
 * <ul>
 *   <li>The model splits hyphenated compounds unevenly ({@code Asia} + {@code -Pacific},
 *       {@code U.S-} + {@code led}). Pieces that touch in the text across a hyphen are joined
 *       again: {@code asia-pacific}, {@code u.s-led}, {@code 2022-10-02}; so are three pieces
 *       with a lone hyphen between them ({@code U.S.} + {@code -} + {@code led}).
 *   <li>Currency signs stay attached to amounts ({@code €2}); they are split off so that the
 *       amount counts as a number and the sign is dropped as a symbol. So are angle brackets
 *       ({@code <Woodco Inc>}, as wire services mark company names: {@code Inc>} is {@code Inc}).
 *   <li>The model keeps clitics attached ({@code NATO's}, {@code isn't}). They are split off as
 *       in the Penn Treebank convention: {@code nato} + {@code 's}, {@code is} + {@code n't}. A
 *       trailing possessive apostrophe ({@code countries'}) is dropped. The irregular stems of
 *       {@code can't}, {@code won't}, {@code shan't} stay as written ({@code ca}, {@code wo},
 *       {@code sha}, as in the treebank) and count as {@code can}, {@code will}, {@code shall}
 *       ({@link #word}).
 *   <li>Words joined by a slash ({@code Rui/Global}, {@code and/or}) are split; web addresses
 *       are left whole.
 *   <li>A hyphen written for a dash, without spaces ({@code the President-as he comes in},
 *       {@code Speaker Albert-and listened}), joins no compound: a token of two words joined by
 *       one hyphen whose second word is one that begins clauses and phrases ({@link
 *       #DASH_FOLLOWERS}: {@code and}, {@code the}, {@code as}, {@code which}, ...; not particles
 *       of compounds such as {@code in}, {@code on}, {@code up}, {@code off}, {@code for}: {@code
 *       sit-in}, {@code add-on}, {@code hoped-for}) is split into the words and the hyphen.
 * </ul>
 */
public final class TokenRules {

  private static final String[] CLITICS = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"};
  /**
   * Initials without their last full stop ({@code N.V}, {@code E.F}) and a short capitalised word
   * ({@code Tex}, {@code Calif}): the tokenizer splits off a full stop it cannot tell from a
   * sentence's end. A touching full stop is joined to initials again when a word follows in the
   * sentence ({@code N.V.}, {@code E.F.}, a middle initial {@code Thomas G. Pullen}), and to a short
   * word when the word that follows is in lower case or a number ({@code Houston, Tex. for}; not
   * {@code Paris. The}, a sentence end). Either keeps its full stop when the sentence's own end mark
   * follows it as a token of its own ({@code Birmingham , Ala. .}, as pre-tokenized text writes it).
   */
  private static final Pattern SHORT_WORD = Pattern.compile("\\p{Lu}\\p{Ll}{0,4}");
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{L}\\.)+\\p{L}|\\p{Lu}");
  private static final Map<String, String> NEGATED_STEMS = Map.of("ca", "can", "wo", "will", "sha", "shall");
  /** Words that begin clauses and phrases, which no two-word hyphenated compound ends with. */
  static final Set<String> DASH_FOLLOWERS = Set.of("and", "the", "as", "that", "which", "or", "but",
      "to", "of", "with", "a", "an", "i", "we", "you", "it", "he", "she", "they", "this", "these", "those", "not", "is",
      "are", "was", "were", "if", "when", "while", "there", "our", "my", "his", "her", "their", "its", "who", "what");
  /** Two words joined by one hyphen. */
  private static final Pattern TWO_WORDS = Pattern.compile("(\\p{L}{2,})-(\\p{L}+)");

  private TokenRules() {}

  /** Joins hyphen-split pieces and splits off currency signs; {@code spans} index into {@code text}, a sentence. */
  public static List<String> joinHyphenated(String text, Span[] spans) {
    return joinHyphenated(text, spans, false);
  }

  /**
   * As {@link #joinHyphenated(String, Span[])}, for a name rather than a sentence when {@code
   * phrase}: its end is not a sentence's, so a full stop there belongs to an abbreviation ({@code Tex.}).
   */
  public static List<String> joinHyphenated(String text, Span[] spans, boolean phrase) {
    List<String> out = new ArrayList<>(spans.length);
    int lastEnd = -1;
    boolean lastJoinable = false;
    for (int k = 0; k < spans.length; k++) {
      Span span = spans[k];
      String token = text.substring(span.getStart(), span.getEnd());
      boolean touches = !out.isEmpty() && span.getStart() == lastEnd;
      lastEnd = span.getEnd();
      if (touches && lastJoinable) {
        String previous = out.get(out.size() - 1);
        boolean hyphenJoint = previous.endsWith("-") || token.startsWith("-");
        if (hyphenJoint && (hasWordChar(token) || token.equals("-"))) {
          out.set(out.size() - 1, previous + token);
          continue;
        }
        if (token.startsWith(".") && isAbbreviation(previous, text, spans, k, phrase)) {
          out.set(out.size() - 1, previous + ".");
          token = token.substring(1);
          if (token.isEmpty()) {
            lastJoinable = false;
            continue;
          }
        }
      }
      lastJoinable = hasWordChar(token);
      for (String piece : splitSlashes(token)) {
        splitDetachable(piece, out);
      }
    }
    return splitDashes(out);
  }

  /** The tokens with each hyphen that stands for a dash split off (see the class comment). */
  private static List<String> splitDashes(List<String> tokens) {
    List<String> out = null;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      Matcher twoWords = token.indexOf('-') > 1 ? TWO_WORDS.matcher(token) : null; // most tokens have no hyphen
      boolean dash = twoWords != null && twoWords.matches()
          && DASH_FOLLOWERS.contains(twoWords.group(2).toLowerCase(Locale.ROOT));
      if (dash && out == null) {
        out = new ArrayList<>(tokens.subList(0, i));
      }
      if (dash) {
        out.add(twoWords.group(1));
        out.add("-");
        out.add(twoWords.group(2));
      } else if (out != null) {
        out.add(token);
      }
    }
    return out == null ? tokens : out;
  }

  /** Whether {@code word}, before the full stop that starts span {@code k}, is an abbreviation (see {@link #INITIALS}). */
  private static boolean isAbbreviation(String word, String text, Span[] spans, int k, boolean phrase) {
    if (word.length() > 6 && word.indexOf('.') < 0 || !Character.isLetter(word.charAt(0))) {
      return false; // most words before a full stop: neither initials nor short
    }
    boolean initials = INITIALS.matcher(word).matches();
    if (!initials && !SHORT_WORD.matcher(word).matches()) {
      return false;
    }
    for (int next = k + 1; next < spans.length; next++) {
      String token = text.substring(spans[next].getStart(), spans[next].getEnd());
      if (next == k + 1 && spans[next].getStart() > spans[k].getEnd() && isEndMark(token)) {
        return true; // Ala. . : the sentence's end is the token after
      }
      if (hasWordChar(token)) {
        int first = token.codePointAt(0);
        return initials || Character.isLowerCase(first) || Character.isDigit(first);
      }
    }
    return phrase;
  }

  private static boolean isEndMark(String token) {
    return token.equals(".") || token.equals("!") || token.equals("?");
  }

  private static List<String> splitSlashes(String token) {
    if (token.indexOf('/') < 0 || token.contains("://") || token.toLowerCase(Locale.ROOT).startsWith("www.")) {
      return List.of(token);
    }
    String[] parts = token.split("/", -1);
    for (String part : parts) {
      if (!hasLetter(part)) {
        return List.of(token); // 24/7, 12/03/2022, a/ : not two words
      }
    }
    return List.of(parts);
  }

  private static void splitDetachable(String token, List<String> out) {
    int start = 0;
    int end = token.length();
    while (start < end && isDetachable(token.charAt(start))) {
      start++;
    }
    while (end > start && isDetachable(token.charAt(end - 1))) {
      end--;
    }
    if (start == 0 && end == token.length() || start == end) {
      out.add(token);
      return;
    }
    if (start > 0) {
      out.add(token.substring(0, start));
    }
    out.add(token.substring(start, end));
    if (end < token.length()) {
      out.add(token.substring(end));
    }
  }

  /** A currency sign or an angle bracket: split off the edges of a token. */
  private static boolean isDetachable(char c) {
    return c == '<' || c == '>' || Character.getType(c) == Character.CURRENCY_SYMBOL;
  }

  /** Splits clitics off the end of tokens; returns the new token list. */
  public static List<String> splitClitics(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size() + 8);
    for (String token : tokens) {
      splitClitic(token, out);
    }
    return out;
  }

  private static void splitClitic(String token, List<String> out) {
    String lower = token.toLowerCase(Locale.ROOT);
    for (String clitic : CLITICS) {
      if (lower.endsWith(clitic) && lower.length() > clitic.length()) {
        String stem = token.substring(0, token.length() - clitic.length());
        if (hasLetter(stem)) {
          splitDetachable(stem, out); // Corp>'s: Corp, >, 's
          out.add(token.substring(token.length() - clitic.length()));
          return;
        }
      }
    }
    if (token.length() > 1 && token.endsWith("'") && hasLetter(token)) {
      out.add(token.substring(0, token.length() - 1));
      return;
    }
    out.add(token);
  }

  /**
   * The lower-cased word of token {@code i} of a sentence, null for punctuation and symbols; the
   * irregular stem before {@code n't} is its full word ({@code ca} is {@code can}, and so on).
   */
  public static String word(String[] sentence, int i) {
    if (!hasWordChar(sentence[i])) {
      return null;
    }
    String lower = sentence[i].toLowerCase(Locale.ROOT);
    boolean negated = i + 1 < sentence.length && sentence[i + 1].equalsIgnoreCase("n't");
    return negated ? NEGATED_STEMS.getOrDefault(lower, lower) : lower;
  }

  /** Whether {@code word} is what the stem before {@code n't} counts as ({@code ca} is {@code can}, ...). */
  public static boolean isNegatedStemWord(String word) {
    return NEGATED_STEMS.containsValue(word);
  }

  /** A token is a word (not punctuation or a symbol) when it has a letter or a digit. */
  public static boolean hasWordChar(String token) {
    return anyCodePoint(token, Character::isLetterOrDigit);
  }

  private static boolean hasLetter(String token) {
    return anyCodePoint(token, Character::isLetter);
  }

  /** Whether a code point of {@code token} passes {@code test}: a loop, as this runs for every token (a stream cost more than the check). */
  private static boolean anyCodePoint(String token, IntPredicate test) {
    for (int i = 0; i < token.length(); ) {
      int c = token.codePointAt(i);
      if (test.test(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
  }
}
