package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.Titles;

/**
 * The name rules for people: titles are not part of a name (CoNLL leaves them out), particles are
 * ({@code Abdul-Aziz bin Khalifa al-Thani}, {@code Ludwig van Beethoven}), and a title followed by
 * capitalised words names a person ({@code Investor Sumner Redstone}, {@code Chairman Carl Singer}).
 */
final class PersonNames {

  /**
   * Titles and offices before a name, or ending a phrase that is not one ({@code Petroleum
   * Minister}): these words, with and without a full stop where they have one, and the
   * abbreviated titles of {@link Titles#ABBREVIATED}. {@code Vice} begins titles ({@code Mr. Vice
   * President}); {@code Speaker} alone is the office ({@code Mr. Speaker}).
   */
  static final Set<String> TITLES = Stream.concat(Stream.of("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady",
      "Sheikh", "Sheik", "Emir", "Sultan", "King", "Queen", "Prince", "Princess", "President", "Minister", "Chairman",
      "Chancellor", "Secretary", "Governor", "Senator", "Judge", "Mayor", "Ambassador", "Director", "Spokesman",
      "Spokeswoman", "Investor", "Analyst", "Trooper", "Councilman", "Councilwoman", "Congressman", "Congresswoman",
      "Coach", "Speaker", "Vice"), Titles.ABBREVIATED.stream()).collect(Collectors.toUnmodifiableSet());
  /**
   * Words that continue a title but do not begin one: Secretary General, Attorney General, Vice
   * Premier ("Premier" alone also begins names of companies: Premier Producers).
   */
  private static final Set<String> TITLE_ENDS = Set.of("General", "Premier");
  /** Lower-case words inside personal names, before a capitalised word. */
  private static final Set<String> PARTICLES = Set.of("bin", "ibn", "bint", "abu", "al", "el", "van", "von", "der",
      "den", "de", "da", "di", "du", "del", "della", "dos", "la", "le");
  /** A name with the Arabic article joined to it: {@code al-Thani}, {@code el-Sayed}. */
  private static final Pattern ARTICLE_NAME = Pattern.compile("(?:al|el)-\\p{Lu}\\p{L}*");
  /** A capitalised word of three letters or more in the plural, not one ending in -ss, -us or -is. */
  private static final Pattern PLURAL_NAME = Pattern.compile("\\p{Lu}\\p{Ll}{2,}(?<![sui])s");
  /** Endings of demonyms and of followers' names (Americans, Japanese, Communists). */
  private static final Pattern FOLLOWERS = Pattern.compile("(?:an|ese|ish|ist)$");
  /** Words after a family name that name the family or its business. */
  private static final Set<String> FAMILY_WORDS = Set.of("family", "group", "brothers", "interests", "empire", "clan",
      "dynasty", "heirs", "holding", "holdings");
  private static final Set<String> SUFFIXES = Set.of("Jr.", "Sr.", "Jr", "Sr");
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

  /**
   * A description written as a title before a name ({@code Geneticist George Wells Beadle},
   * {@code Actress Maureen O'Sullivan}, {@code Valedictorian Holmes}, {@code Conductor Pfohl}): a
   * capitalised word of six letters or more ending in -ist or -ess, endings no given name has, or in
   * -ian or -or and no given name ({@link GivenNames#isGivenName}: not {@code Julian}, {@code Victor}).
   */
  private static final Pattern DESCRIPTION = Pattern.compile("\\p{Lu}\\p{Ll}{3,}(?:ist|ess)");
  private static final Pattern AGENT_NOUN = Pattern.compile("\\p{Lu}\\p{Ll}{3,}(?:ian|or)");

  /** The start of a person span without the titles and descriptions it begins with (but its last word). */
  static int withoutTitles(String[] tokens, int start, int end) {
    while (start < end - 1 && (isTitle(tokens[start]) || isDescription(tokens[start]))) {
      start++;
    }
    return start;
  }

  private static boolean isDescription(String token) {
    return DESCRIPTION.matcher(token).matches()
        || AGENT_NOUN.matcher(token).matches() && !GivenNames.english().isGivenName(token);
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

  /** {@code Jr.}, {@code Sr.}: after a name, part of it; alone, no name. */
  static boolean isSuffix(String token) {
    return SUFFIXES.contains(token);
  }

  static boolean isInitial(String token) {
    return token.length() == 2 && token.charAt(1) == '.' && Character.isUpperCase(token.charAt(0));
  }

  /**
   * A person span {start, end} widened over the initials around it, which the models often leave
   * out or cut a name at: initials directly before it ({@code J. | Hampton Monroe}), with the
   * capitalised word before a single one ({@code John F. | Kennedy}, {@code Rush | C. Butlers}), and
   * initials after it with the capitalised word that follows them ({@code Raymond | H. Hawksley}).
   */
  int[] withInitials(String[] tokens, int start, int end) {
    int s = start;
    while (s > 0 && isInitial(tokens[s - 1])) {
      s--;
    }
    int leading = s;
    while (leading < end && isInitial(tokens[leading])) {
      leading++;
    }
    if (leading - s == 1 && s > 0 && isNameWord(tokens[s - 1])) {
      s--; // a first name before a middle initial
    }
    int e = end;
    while (e < tokens.length && isInitial(tokens[e])) {
      e++;
    }
    if (e > end && isSurnameAfterInitials(tokens, e)) {
      end = e + 1;
    }
    return new int[] {s, end};
  }

  /**
   * The spans {start, end} of names written with a middle initial, a capitalised word, initials
   * and a capitalised word ({@code Howard E. Simpson}, {@code Charles H. Sethness Jr.}), or with one
   * leading initial and two capitalised words ({@code J. Hampton Monroe}): English writes people,
   * not places, so. Stop words and titles are not name words; an organisation written so ({@code
   * John E. Mitchell Co.}) is the longer dictionary span, which wins over this one.
   */
  List<int[]> withMiddleInitials(String[] tokens) {
    List<int[]> spans = new ArrayList<>();
    if (Arrays.stream(tokens).noneMatch(PersonNames::isInitial)) {
      return spans; // most sentences
    }
    for (int i = 0; i < tokens.length; i++) {
      int start = i;
      int k = i;
      if (isNameWord(tokens[k]) && !isInitial(tokens[k])) {
        k++;
        int initials = k;
        while (k < tokens.length && isInitial(tokens[k])) {
          k++;
        }
        if (k == initials || !isSurnameAfterInitials(tokens, k)) {
          continue;
        }
      } else if (isInitial(tokens[k]) && (k == 0 || !isInitial(tokens[k - 1])) && k + 2 < tokens.length
          && isNameWord(tokens[k + 1]) && !isInitial(tokens[k + 1]) && isNameWord(tokens[k + 2])
          && !isInitial(tokens[k + 2])) {
        k += 2;
      } else {
        continue;
      }
      int end = k + 1 < tokens.length && isSuffix(tokens[k + 1]) ? k + 2 : k + 1;
      if (start > 0 && isInitial(tokens[start - 1]) && (start == 1 || !isInitial(tokens[start - 2]))) {
        start--; // F. Lee H. Wendell
      }
      spans.add(new int[] {start, end});
      i = end - 1;
    }
    return spans;
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

  /**
   * The family names a document uses for a family: a capitalised name written in the plural after
   * {@code the} ({@code the Wallenbergs}) whose singular comes before a word for a family or its
   * business ({@code Wallenberg group}, {@code Szold family}; {@link #FAMILY_WORDS}). Not a name
   * that looks like a demonym or a follower's (ending in -an, -ese, -ish, -ist: {@code the
   * Americans}, {@code the Communists}), nor a word of a gazetteer name ({@code the Soviets},
   * {@code the Philippines}). Each is a person, in the plural and in the singular, named by the
   * singular (the guidelines' family name standing for the family).
   *
   * @param nameWords the words of the gazetteer's names
   */
  static Set<String> families(List<String[]> sentences, Set<String> nameWords) {
    Set<String> plurals = new HashSet<>();
    Set<String> beforeFamilyWords = new HashSet<>();
    for (String[] tokens : sentences) {
      for (int i = 1; i < tokens.length; i++) {
        if (tokens[i - 1].equalsIgnoreCase("the") && PLURAL_NAME.matcher(tokens[i]).matches()) {
          plurals.add(tokens[i]);
        }
        if (FAMILY_WORDS.contains(tokens[i]) && startsWithCapital(tokens[i - 1])) {
          beforeFamilyWords.add(tokens[i - 1]);
        }
      }
    }
    Set<String> families = new HashSet<>();
    for (String plural : plurals) {
      String name = plural.substring(0, plural.length() - 1);
      if (beforeFamilyWords.contains(name) && !FOLLOWERS.matcher(name).find() && !nameWords.contains(name)
          && !nameWords.contains(plural)) {
        families.add(name);
      }
    }
    return families;
  }

  /**
   * The surname a capitalised plural after {@code the} stands for, when it is one of {@code
   * surnames} (the people the document has named in full): {@code the Dresbachs} after {@code H.
   * Malone Dresbach}, {@code the Stevenses} after {@code Harvey B. Stevens}; or null.
   */
  static String familySurname(String[] tokens, int i, Set<String> surnames) {
    if (i == 0 || !tokens[i - 1].equalsIgnoreCase("the") || !PLURAL_NAME.matcher(tokens[i]).matches()) {
      return null;
    }
    String token = tokens[i];
    String singular = token.substring(0, token.length() - 1);
    if (surnames.contains(singular)) {
      return singular;
    }
    singular = token.endsWith("es") ? token.substring(0, token.length() - 2) : null;
    return singular != null && surnames.contains(singular) ? singular : null;
  }

  private boolean isNameWord(String token) {
    return isCapitalisedWord(token) && !isTitle(token);
  }

  /** A capitalised word of letters (and hyphens, full stops, apostrophes) that is not a stop word, a title or not. */
  private boolean isCapitalisedWord(String token) {
    return startsWithCapital(token) && !stopWords.contains(token.toLowerCase(Locale.ROOT))
        && token.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '.' || c == '\'');
  }

  /**
   * Whether token {@code i} is a surname after initials: any capitalised word but an abbreviated
   * title, since a title's word there is a surname ({@code Clinton B. King}).
   */
  private boolean isSurnameAfterInitials(String[] tokens, int i) {
    return i < tokens.length && !isInitial(tokens[i]) && isCapitalisedWord(tokens[i])
        && !Titles.ABBREVIATED.contains(tokens[i]);
  }

  private static boolean startsWithCapital(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0));
  }
}
