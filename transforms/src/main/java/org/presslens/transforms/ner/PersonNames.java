package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.presslens.transforms.text.StopWords;

/**
 * The name rules for people: titles are not part of a name (CoNLL leaves them out), particles are
 * ({@code Abdul-Aziz bin Khalifa al-Thani}, {@code Ludwig van Beethoven}), and a title followed by
 * capitalised words names a person ({@code Investor Sumner Redstone}, {@code Chairman Carl Singer}).
 */
final class PersonNames {

  /** Titles and offices before a name, or ending a phrase that is not one ({@code Petroleum Minister}). */
  static final Set<String> TITLES = Set.of("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Lord", "Lady",
      "Sheikh", "Sheik", "Emir", "Sultan", "King", "Queen", "Prince", "Princess", "President", "Minister", "Chairman",
      "Chancellor", "Secretary", "Governor", "Gov.", "Senator", "Sen.", "Rep.", "Gen.", "Judge", "Mayor", "Ambassador", "Director",
      "Spokesman", "Spokeswoman", "Investor", "Analyst");
  /** Words that continue a title but do not begin one: Secretary General, Attorney General. */
  private static final Set<String> TITLE_ENDS = Set.of("General");
  /** Lower-case words inside personal names, before a capitalised word. */
  private static final Set<String> PARTICLES = Set.of("bin", "ibn", "bint", "abu", "al", "el", "van", "von", "der",
      "den", "de", "da", "di", "du", "del", "della", "dos", "la", "le");
  /** A name with the Arabic article joined to it: {@code al-Thani}, {@code el-Sayed}. */
  private static final Pattern ARTICLE_NAME = Pattern.compile("(?:al|el)-\\p{Lu}\\p{L}*");
  /** Capitalised words after a title that make up the name, at most. */
  private static final int MAX_WORDS = 3;

  private final StopWords stopWords;

  PersonNames(StopWords stopWords) {
    this.stopWords = stopWords;
  }

  static boolean isTitle(String token) {
    return TITLES.contains(token);
  }

  static boolean isParticle(String token) {
    return PARTICLES.contains(token) || ARTICLE_NAME.matcher(token).matches();
  }

  /** The start of a person span without the titles it begins with (but its last word). */
  static int withoutTitles(String[] tokens, int start, int end) {
    while (start < end - 1 && isTitle(tokens[start])) {
      start++;
    }
    return start;
  }

  /** The end of a person span that goes on over particles before a capitalised word and {@code al-} names. */
  static int withParticles(String[] tokens, int end) {
    while (true) {
      if (end + 1 < tokens.length && PARTICLES.contains(tokens[end]) && startsWithCapital(tokens[end + 1])) {
        end += 2;
      } else if (end < tokens.length && ARTICLE_NAME.matcher(tokens[end]).matches()) {
        end++;
      } else {
        return end;
      }
    }
  }

  /**
   * The spans {start, end} of the one to {@value #MAX_WORDS} capitalised words (and their
   * particles) after a title or titles: {@code Sumner Redstone} in {@code Investor Sumner
   * Redstone}. Words that are stop words or compounds with a lower-case part end the name.
   */
  List<int[]> afterTitles(String[] tokens) {
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      if (!isTitle(tokens[i])) {
        continue;
      }
      int start = i + 1;
      while (start < tokens.length && (isTitle(tokens[start]) || TITLE_ENDS.contains(tokens[start]))) {
        start++;
      }
      int end = start;
      while (end < tokens.length && end - start < MAX_WORDS && isNameWord(tokens[end])) {
        end++;
      }
      if (end > start) {
        end = withParticles(tokens, end);
        spans.add(new int[] {start, end});
      }
      i = end - 1;
    }
    return spans;
  }

  private boolean isNameWord(String token) {
    return startsWithCapital(token) && !isTitle(token) && !stopWords.contains(token.toLowerCase(Locale.ROOT))
        && token.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '.' || c == '\'');
  }

  private static boolean startsWithCapital(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0));
  }
}
