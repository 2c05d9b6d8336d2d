package org.presslens.transforms.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.presslens.transforms.text.Titles;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * People named by a common given name and a surname that neither layer found ({@code Casey Stengel
 * takes over}, {@code Olivia De Havilland signed}): the 2010 models miss many names, and the
 * gazetteer holds only public figures. The given names are the English male and female first names
 * of Datafaker's name list (the build unpacks {@code en/name.yml} from {@code net.datafaker:datafaker}
 * into the classes folder), less its common surnames ({@code Carter}, {@code Douglas}), which also
 * start firms' names, and less the words of gazetteer names and their demonyms ({@link #without}).
 * Conditions, each for precision (docs/entities.md):
 *
 * <ul>
 *   <li>the given name is capitalised, not a stop word, month, rank, title, particle or place
 *       prefix ({@code Major}, {@code Van}, {@code Santa}), nor a word the document writes in lower
 *       case ({@code Frank} after {@code frank}); it does not follow a place prefix ({@code St. Louis})
 *       or {@code of} after a capitalised word ({@code Republic of Santo Domingo});
 *   <li>initials and a particle may follow ({@code Olivia De Havilland}), then one surname: a
 *       capitalised word with a lower-case letter (no acronym), not a stop word, title, legal form,
 *       head word of an organisation, place or building, noun of an event or document, month or
 *       weekday, nor one of {@link #NOT_SURNAMES} ({@code Wayne State}, {@code Lincoln Memorial});
 *   <li>the name ends there: the next word is not capitalised, not {@code &}, not a lower-case head
 *       word ({@code Anne Arundel county}, {@code the Jim Crow laws}), and not {@code and} before a
 *       capitalised word ({@code Merrill Lynch and Co});
 *   <li>the document nowhere writes the name as a place's ({@link #inDocument}: {@code in Santo Domingo},
 *       {@code the treaty of Guadalupe Hidalgo}).
 * </ul>
 *
 * Such a span counts only where no other candidate of either layer overlaps it ({@link EntityRecognizer}).
 */
final class GivenNames {

  private static final String RESOURCE = "/org/presslens/names/en/name.yml";
  /**
   * Particles before a surname; as a first word, no given name ({@code Van Vliet}, {@code Del
   * Norte}). Not all of {@link PersonNames}' particles: {@code Al} is a given name too.
   */
  private static final Set<String> PARTICLES = Set.of("De", "Del", "Di", "Du", "La", "Le", "Van", "Von", "de", "van",
      "von");
  /** Ranks the list holds as given names ({@code Major Snively}): a title, not a name. */
  private static final Set<String> RANKS = Set.of("Major", "General", "Marshal", "Admiral", "Colonel", "Captain");
  /**
   * Words after a given name that make it part of no person's name: the ends of institutions'
   * short names ({@code Wayne State}), of memorials and bodies named after a person ({@code Lincoln
   * Memorial}, {@code Jackson Administration}, {@code Allen Brothers}), of peoples' names ({@code Ute Indians}).
   */
  private static final Set<String> NOT_SURNAMES = Set.of("State", "Tech", "Administration", "Barracks", "Brothers",
      "Bureau", "Indians", "Memorial", "Monument", "Mosque", "Report", "Reservation");
  /** Words before a given name that make it part of a place's name ({@code St. Louis}, {@code Fort Wayne}). */
  private static final Set<String> PLACE_PREFIXES = Stream.concat(Titles.PLACE_PREFIXES.stream(),
      Stream.of("St", "Saint", "San", "Santa", "Fort", "Mount", "Port", "Cape", "Lake"))
      .collect(Collectors.toUnmodifiableSet());
  /**
   * Lower-case head words after which capitalised words name a place, an institution or a law, as
   * older text writes them ({@code Anne Arundel county}, {@code Woodrow Wilson school}, {@code the Jim
   * Crow laws}): those of {@link LowerCaseHeadNames} and a few that end names also in other ways.
   */
  private static final Set<String> LOWER_CASE_HEADS = Stream.of(LowerCaseHeadNames.HEADS,
      LowerCaseHeadNames.PLACE_HEADS,
      Set.of("city", "town", "river", "lake", "park", "square", "university", "hospital", "hotel", "hall", "church",
          "company", "foundation", "partnership", "law", "laws", "act", "doctrine", "amendment"))
      .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

  /**
   * Words after which a name is a place's: locative prepositions ({@code in Santo Domingo}, {@code at
   * Vera Cruz}), which also take people after verbs ({@code looked at Eddie Lee}, {@code faith in
   * Jesus Christ}) and so count from their second occurrence, and, before {@code of}, lower-case nouns
   * whose {@code of} names a place ({@code the treaty of Guadalupe Hidalgo}), which count at once.
   */
  private static final Set<String> LOCATIVES = Set.of("in", "at", "near", "into", "across", "throughout");
  private static final Set<String> NOUNS_OF_PLACES = Set.of("battle", "bay", "city", "coast", "government", "harbor",
      "harbour", "island", "people", "port", "province", "republic", "siege", "territory", "town", "treaty", "village");
  /** Possessive endings as the tokenizer splits them off ({@code in Abraham Lincoln 's words} is no place). */
  private static final Set<String> POSSESSIVES = Set.of("'s", "\u2019s", "'", "\u2019");
  /**
   * Words after a name (a comma between allowed) that say it is a person's, whatever a preposition
   * before it says elsewhere ({@code faith in Jesus Christ}, {@code Jesus Christ , who stood}).
   */
  private static final Set<String> PERSON_WORDS = Set.of("who", "whom", "whose", "said", "says", "told", "himself",
      "herself");

  private final Set<String> names;

  GivenNames(Set<String> names) {
    this.names = Set.copyOf(names);
  }

  /** The English given names of Datafaker's list, less its surnames; read once per JVM. */
  static GivenNames english() {
    return English.NAMES;
  }

  private static final class English {
    static final GivenNames NAMES = read();
  }

  private static GivenNames read() {
    try (InputStream in = GivenNames.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The given-name list " + RESOURCE + " is missing from the classpath;"
            + " rebuild with mvn install");
      }
      Map<String, Object> root = new Yaml(new LoaderOptions()).load(in);
      Map<?, ?> lists = (Map<?, ?>) ((Map<?, ?>) root.get("en")).get("faker");
      Map<?, ?> name = (Map<?, ?>) lists.get("name");
      Set<String> given = new HashSet<>();
      for (String key : List.of("male_first_name", "female_first_name")) {
        for (Object o : (List<?>) name.get(key)) {
          given.add(o.toString());
        }
      }
      for (Object o : (List<?>) name.get("last_name")) {
        given.remove(o.toString());
      }
      return new GivenNames(given);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a word is one of these given names. */
  boolean isGivenName(String word) {
    return names.contains(word);
  }

  /**
   * These names less those that are a word of a gazetteer name ({@code Georgia}, {@code Florence})
   * or look like the demonym of one ({@link Demonyms}: {@code German} for {@code Germany}).
   */
  GivenNames without(Set<String> nameWords) {
    Demonyms demonyms = new Demonyms(nameWords);
    Set<String> kept = new HashSet<>();
    for (String name : names) {
      if (!nameWords.contains(name) && !demonyms.looksLikeDemonym(name)) {
        kept.add(name);
      }
    }
    return new GivenNames(kept);
  }

  /**
   * The spans {start, end} of a given name, its initials and particle and a surname, under the
   * conditions of the class comment.
   *
   * @param isNameWord a capitalised word that is not a stop word (may start or go on with a name)
   * @param isNoNameWord words in no person's name: titles, legal forms, head words, months, weekdays
   * @param inLowerCase whether the document writes a lower-case word in lower case
   */
  private List<int[]> spans(String[] tokens, Predicate<String> isNameWord, Predicate<String> isNoNameWord,
      Predicate<String> inLowerCase) {
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      if (!isGivenNameAt(tokens, i, isNameWord, isNoNameWord, inLowerCase)) {
        continue;
      }
      int k = i + 1;
      while (k < tokens.length && PersonNames.isInitial(tokens[k])) {
        k++;
      }
      if (k + 1 < tokens.length && PARTICLES.contains(tokens[k])) {
        k++;
      }
      if (k < tokens.length && isSurname(tokens[k], isNameWord) && !isNoNameWord.test(tokens[k])
          && !NOT_SURNAMES.contains(tokens[k]) && endsName(tokens, k + 1, isNameWord)) {
        spans.add(new int[] {i, k + 1});
        i = k;
      }
    }
    return spans;
  }

  /**
   * The spans of {@link #spans} in each sentence of a document, and the names among them that the
   * document writes as a place's ({@link #inDocument}).
   */
  record InDocument(List<List<int[]>> spans, Set<String> places) {
    static final InDocument NONE = new InDocument(List.of(), Set.of());

    /** The spans of sentence {@code s} that name no place ({@link #places}): the rule's persons. */
    List<int[]> spansOf(int s) {
      return s < spans.size() ? spans.get(s) : List.of();
    }
  }

  /**
   * The spans of every sentence, found once, less those of the names that the document writes as
   * a place's and nowhere else as a person's: once after {@code of} after a noun of {@link
   * #NOUNS_OF_PLACES}, or twice after a word of {@link #LOCATIVES}, without a possessive; and never,
   * elsewhere, before a word of {@link #PERSON_WORDS}. Such a name ({@code Santo Domingo}) is no
   * person anywhere in the document, by either layer: the names, as their tokens joined with single
   * spaces, are kept for the model layer's spans ({@link NonNameSpans}).
   */
  InDocument inDocument(List<String[]> sentences, Predicate<String> isNameWord, Predicate<String> isNoNameWord,
      Predicate<String> inLowerCase) {
    List<List<int[]>> spans = new ArrayList<>(sentences.size());
    Map<String, Integer> placeEvidence = new HashMap<>();
    Set<String> persons = new HashSet<>();
    for (String[] tokens : sentences) {
      List<int[]> inSentence = spans(tokens, isNameWord, isNoNameWord, inLowerCase);
      spans.add(inSentence);
      for (int[] span : inSentence) {
        String name = String.join(" ", Arrays.copyOfRange(tokens, span[0], span[1]));
        int evidence = placeEvidence(tokens, span[0], span[1]);
        if (evidence > 0) {
          placeEvidence.merge(name, evidence, Integer::sum);
        } else if (namesPerson(tokens, span[1])) {
          persons.add(name);
        }
      }
    }
    Set<String> places = new HashSet<>();
    placeEvidence.forEach((name, evidence) -> {
      if (evidence >= 2 && !persons.contains(name)) {
        places.add(name);
      }
    });
    if (!places.isEmpty()) {
      for (int s = 0; s < spans.size(); s++) {
        String[] tokens = sentences.get(s);
        spans.set(s, spans.get(s).stream()
            .filter(span -> !places.contains(String.join(" ", Arrays.copyOfRange(tokens, span[0], span[1])))).toList());
      }
    }
    return new InDocument(spans, places);
  }

  /** 2 after {@code of} after a noun of a place, 1 after a locative preposition, 0 otherwise or before a possessive. */
  private static int placeEvidence(String[] tokens, int start, int end) {
    if (start == 0 || end < tokens.length && POSSESSIVES.contains(tokens[end])) {
      return 0;
    }
    String before = tokens[start - 1];
    if (before.equals("of") && start > 1 && NOUNS_OF_PLACES.contains(tokens[start - 2])) {
      return 2;
    }
    return LOCATIVES.contains(before) ? 1 : 0;
  }

  private static boolean namesPerson(String[] tokens, int end) {
    int next = end < tokens.length && tokens[end].equals(",") ? end + 1 : end;
    return next < tokens.length && PERSON_WORDS.contains(tokens[next]);
  }

  /** Whether token {@code i} is a given name that may begin a person's name where it stands. */
  private boolean isGivenNameAt(String[] tokens, int i, Predicate<String> isNameWord, Predicate<String> isNoNameWord,
      Predicate<String> inLowerCase) {
    String given = tokens[i];
    if (!names.contains(given) || RANKS.contains(given) || isNoNameWord.test(given)
        || PARTICLES.contains(given) || PLACE_PREFIXES.contains(given) || !isNameWord.test(given)
        || inLowerCase.test(given.toLowerCase(Locale.ROOT))) {
      return false;
    }
    boolean inPlaceName = i > 0 && PLACE_PREFIXES.contains(tokens[i - 1]); // St. Louis Exposition
    boolean inLongerName = i > 1 && tokens[i - 1].equals("of") && isNameWord.test(tokens[i - 2]); // Republic of
    return !inPlaceName && !inLongerName;
  }

  /** Whether a name ends before token {@code end}: the end, or a word that goes on with no name. */
  private static boolean endsName(String[] tokens, int end, Predicate<String> isNameWord) {
    if (end >= tokens.length) {
      return true;
    }
    String next = tokens[end];
    return !Character.isUpperCase(next.codePointAt(0)) && !next.equals("&") && !LOWER_CASE_HEADS.contains(next)
        && !(next.equals("and") && end + 1 < tokens.length && isNameWord.test(tokens[end + 1]));
  }

  /** A capitalised word of letters (apostrophes, hyphens inside) with a lower-case letter: no acronym, no initial. */
  private static boolean isSurname(String token, Predicate<String> isNameWord) {
    return isNameWord.test(token) && token.codePoints().anyMatch(Character::isLowerCase)
        && token.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')
        && Character.isLetter(token.charAt(token.length() - 1));
  }
}
