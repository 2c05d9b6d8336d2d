package org.presslens.transforms.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * People named by a common given name and a surname that neither layer found ({@code Casey Stengel
 * takes over}, {@code Olivia De Havilland signed}): the 2010 models miss many names, and the
 * gazetteer holds only public figures. The given names are the English male and female first names
 * of Datafaker's name list (the build unpacks {@code en/name.yml} from {@code net.datafaker:datafaker}
 * into the classes folder), less its common surnames ({@code Carter}, {@code Douglas}), which also
 * start firms' names. Conditions, each for precision (docs/entities.md):
 *
 * <ul>
 *   <li>the given name is capitalised, not a stop word, a month, a word of a gazetteer name
 *       ({@code Georgia}, {@code Florence}), nor a word the document writes in lower case ({@code
 *       Frank} after {@code frank});
 *   <li>initials and a particle may follow ({@code Olivia De Havilland}), then one surname: a
 *       capitalised word with a lower-case letter (no acronym), not a stop word, title, legal form,
 *       organisation head word, place head word or the end of an institution's short name ({@code
 *       Wayne State});
 *   <li>the name ends there: the next word is not capitalised, not {@code &}, not a lower-case head
 *       word ({@code Anne Arundel county}), and not {@code and} before a capitalised word ({@code
 *       Merrill Lynch and Co}).
 * </ul>
 *
 * Such a span counts only where no other candidate of either layer overlaps it ({@link EntityRecognizer}).
 */
final class GivenNames {

  private static final String RESOURCE = "/org/presslens/names/en/name.yml";
  private static final Set<String> PARTICLES = Set.of("De", "Di", "Du", "La", "Le", "Van", "Von", "de", "van", "von");
  private static final Set<String> MONTHS = Set.of("April", "May", "June", "July", "August");
  /** Words that end an institution's short name ({@code Wayne State}, {@code Penn State}), not a surname. */
  private static final Set<String> INSTITUTION_ENDS = Set.of("State", "Tech");
  /**
   * Lower-case head words after which capitalised words name a place or an institution, as older
   * text writes them ({@code Anne Arundel county}, {@code Woodrow Wilson school}).
   */
  private static final Set<String> LOWER_CASE_HEADS = Set.of("county", "city", "town", "township", "river", "lake",
      "street", "avenue", "road", "park", "square", "club", "school", "college", "university", "hospital",
      "hotel", "hall", "church", "company", "association", "society", "foundation");

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

  boolean contains(String token) {
    return names.contains(token);
  }

  /**
   * The spans {start, end} of a given name, its initials and particle and a surname, under the
   * conditions of the class comment.
   *
   * @param isNameWord a capitalised word that is not a stop word (may start or go on with a name)
   * @param isNoSurname words that end no person's name: titles, legal forms, head words
   * @param inLowerCase whether the document writes a lower-case word in lower case
   * @param nameWords the words of the gazetteer's names
   */
  List<int[]> spans(String[] tokens, Predicate<String> isNameWord, Predicate<String> isNoSurname,
      Predicate<String> inLowerCase, Set<String> nameWords) {
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      String given = tokens[i];
      if (!names.contains(given) || MONTHS.contains(given) || nameWords.contains(given)
          || !isNameWord.test(given) || inLowerCase.test(given.toLowerCase(Locale.ROOT))) {
        continue;
      }
      int k = i + 1;
      while (k < tokens.length && PersonNames.isInitial(tokens[k])) {
        k++;
      }
      if (k + 1 < tokens.length && PARTICLES.contains(tokens[k])) {
        k++;
      }
      if (k >= tokens.length || !isSurname(tokens[k], isNameWord) || isNoSurname.test(tokens[k])
          || INSTITUTION_ENDS.contains(tokens[k])) {
        continue;
      }
      int end = k + 1;
      if (end < tokens.length && (Character.isUpperCase(tokens[end].codePointAt(0)) || tokens[end].equals("&")
          || LOWER_CASE_HEADS.contains(tokens[end])
          || tokens[end].equals("and") && end + 1 < tokens.length && isNameWord.test(tokens[end + 1]))) {
        continue;
      }
      spans.add(new int[] {i, end});
      i = end - 1;
    }
    return spans;
  }

  /** A capitalised word of letters (apostrophes, hyphens) with a lower-case letter: no acronym, no initial. */
  private static boolean isSurname(String token, Predicate<String> isNameWord) {
    return isNameWord.test(token) && token.codePoints().anyMatch(Character::isLowerCase)
        && token.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'');
  }
}
