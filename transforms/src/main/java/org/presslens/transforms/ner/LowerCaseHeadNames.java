package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Institutions and places whose head word is written in lower case, as American newspapers wrote
 * them until the 1960s ({@code the Chicago Press club}, {@code Smith college}, {@code the United
 * States Lawn Tennis association}; {@code Anne Arundel county}, {@code Old Annapolis road}): one to
 * {@value #MAX_WORDS} capitalised words that are no stop words, followed by a lower-case head word of
 * {@link #HEADS} or {@link #PLACE_HEADS}. The guidelines count such names with their head word. Not
 * an institution when the capitalised words are a gazetteer name alone ({@code the London school}:
 * a place and a noun), nor a place after {@code a} or {@code an} ({@code a Texas county}); nor, in
 * {@link EntityRecognizer}, exactly a place the models found ({@code
 * Pittsburgh society}); and one word alone not when it begins the sentence (its capital says
 * nothing), looks like an adjective or a demonym (ending in -al, -an, -ern, -ese, -ic, -ish, -ist,
 * -ch, -i or -ss: {@code Federal school}, {@code Southern school}, {@code Catholic college}), or is
 * a common word ({@code Sunday school}; one the document writes in lower case: {@code Local school}).
 */
final class LowerCaseHeadNames {

  /**
   * Lower-case words that end an institution's name; not {@code company} or {@code group}, which
   * follow places as nouns.
   */
  static final Set<String> HEADS = Set.of("club", "college", "school", "association", "society", "academy",
      "institute", "league", "museum", "orchestra", "seminary", "conservatory");
  /** Lower-case words that end a place's name. */
  static final Set<String> PLACE_HEADS = Set.of("county", "parish", "township", "road", "street", "avenue",
      "boulevard");
  private static final int MAX_WORDS = 5;
  /** Endings of adjectives other than demonyms ({@link OrganisationNames#DEMONYM}). */
  private static final Pattern ADJECTIVE = Pattern.compile("(?:al|ern|ic|ist)$");

  private LowerCaseHeadNames() {}

  /**
   * The spans {start, end} of such institutions' names.
   *
   * @param isNameWord a capitalised word that is not a stop word (nor a compound with a lower-case part)
   * @param isGazetteerName whether words joined by single spaces are a gazetteer name
   * @param isCommonWord whether a capitalised word is a common word (a weekday, a word written in lower case)
   */
  static List<int[]> institutions(String[] tokens, Predicate<String> isNameWord, Predicate<String> isGazetteerName,
      Predicate<String> isCommonWord) {
    return spans(tokens, HEADS, isNameWord, isGazetteerName, isCommonWord);
  }

  /** The spans {start, end} of such places' names; parameters as for {@link #institutions}. */
  static List<int[]> places(String[] tokens, Predicate<String> isNameWord, Predicate<String> isCommonWord) {
    List<int[]> spans = spans(tokens, PLACE_HEADS, isNameWord, words -> false, isCommonWord);
    spans.removeIf(span -> span[0] > 0 && (tokens[span[0] - 1].equalsIgnoreCase("a")
        || tokens[span[0] - 1].equalsIgnoreCase("an")));
    return spans;
  }

  private static boolean looksLikeAdjective(String word) {
    return ADJECTIVE.matcher(word).find() || OrganisationNames.DEMONYM.matcher(word).find();
  }

  private static List<int[]> spans(String[] tokens, Set<String> heads, Predicate<String> isNameWord,
      Predicate<String> isGazetteerName, Predicate<String> isCommonWord) {
    List<int[]> spans = new ArrayList<>();
    for (int head = 1; head < tokens.length; head++) {
      if (!heads.contains(tokens[head]) || !isNameWord.test(tokens[head - 1])) {
        continue;
      }
      int start = head - 1;
      while (start > 0 && head - start < MAX_WORDS && isNameWord.test(tokens[start - 1])) {
        start--;
      }
      String words = String.join(" ", Arrays.copyOfRange(tokens, start, head));
      boolean oneWord = head - start == 1;
      if (isGazetteerName.test(words)
          || oneWord && (start == 0 || looksLikeAdjective(words) || isCommonWord.test(words))) {
        continue;
      }
      spans.add(new int[] {start, head + 1});
    }
    return spans;
  }
}
