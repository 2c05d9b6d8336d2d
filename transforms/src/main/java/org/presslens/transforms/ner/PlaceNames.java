package org.presslens.transforms.ner;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.presslens.transforms.ner.MentionMerger.Candidate;
import org.presslens.transforms.text.TokenRules;

/**
 * Rules for where a place name begins and whether it names a place at all, from the CoNLL
 * guidelines the news gold follows (docs/entities.md):
 *
 * <ul>
 *   <li>a compass direction the gazetteer holds ({@code the West}) is no place where it begins a
 *       name the gazetteer does not know ({@code West Kootenay Power});
 *   <li>a compass direction written before a place is part of the region's name: {@code
 *       South-East Asia}, {@code Northeast Brazil}, {@code West Texas}, {@code Western Europe} (the
 *       gazetteer knows {@code Asia}, not every compass part of it), whichever layer found the place
 *       ({@code East Providence});
 *   <li>a crude oil grade is a product, not a place: capitalised words that end in a grade word
 *       ({@code West Texas Intermediate}, {@code Edmonton/Swann Hills Light Sweet}) are no mention,
 *       in whichever layer found them. At least two capitalised words must come before the grade
 *       words and none after them, so that {@code Florida Power and Light} (a lower-case word
 *       inside) and {@code Mitsubishi Heavy Industries} keep their names;
 *   <li>so is a building: capitalised words that end in Hotel, Building, Tower, Towers, Plaza,
 *       Stadium, Apartments, Armory, Cathedral, Hospital, Theater or Theatre, none after them
 *       ({@code Santa Barbara Biltmore Hotel}, {@code Trump Tower}, {@code University Hospital}).
 * </ul>
 */
final class PlaceNames {

  /** The compass directions the gazetteer holds as places. */
  private static final Set<String> COMPASS_WORDS = Set.of("North", "South", "East", "West");
  /** A compass direction, alone, as a compound or as an adjective: West, South-East, Northeast, Western. */
  private static final Pattern COMPASS =
      Pattern.compile("(?:North|South|East|West)(?:-?(?:[Ee]ast|[Ww]est))?|(?:North|South|East|West)ern");
  /** Words that end the name of a crude oil grade. */
  private static final Set<String> GRADE_WORDS = Set.of("Intermediate", "Sour", "Sweet", "Light", "Heavy", "Blend");
  /** Words that end the name of a building. */
  static final Set<String> BUILDING_WORDS = Set.of("Hotel", "Building", "Tower", "Towers", "Plaza", "Stadium",
      "Apartments", "Armory", "Cathedral", "Hospital", "Theater", "Theatre");

  private PlaceNames() {}

  /**
   * Joins compass directions to the places they begin: a gazetteer compass direction (North,
   * South, East, West: "the West") before a name the gazetteer does not know is no mention ({@code
   * West Kootenay Power}), and a compass direction before a place is part of its name ({@code West
   * Texas}).
   */
  static void joinCompassDirections(String[] tokens, List<Candidate> candidates, Predicate<String> startsName) {
    candidates.removeIf(c -> c.end() - c.start() == 1 && COMPASS_WORDS.contains(tokens[c.start()]) && c.end() < tokens.length
        && startsName.test(tokens[c.end()]));
    candidates.replaceAll(c -> withCompass(tokens, c));
  }

  /** The location candidate with the compass direction before it ({@code East} + {@code Providence}), or the candidate itself. */
  static Candidate withCompass(String[] tokens, Candidate c) {
    if (c.type().equals("location") && c.start() > 0 && COMPASS.matcher(tokens[c.start() - 1]).matches()) {
      return new Candidate(c.start() - 1, c.end(), c.type(), c.source(), c.probability());
    }
    return c;
  }

  /** Drops the candidates that overlap the name of a crude oil grade or of a building. */
  static void removeGradesAndBuildings(String[] tokens, List<Candidate> candidates) {
    removeNamesEndingIn(GRADE_WORDS, 2, tokens, candidates);
    removeNamesEndingIn(BUILDING_WORDS, 1, tokens, candidates);
  }

  /**
   * Nouns of buildings and facilities that may follow their name in lower case ({@code Illinois
   * Masonic hospital}, {@code the Loop theater}, {@code Oak Park Arms hotel}), which the guidelines
   * do not annotate.
   */
  private static final Set<String> BUILDING_NOUNS = Set.of("hotel", "hospital", "theater", "theatre", "building",
      "tower", "stadium", "armory", "cathedral", "station", "jail", "auditorium", "arena");
  /** Capitalised articles that may begin a run of capitalised words without being part of the name. */
  private static final Set<String> ARTICLES = Set.of("The", "A", "An");

  /**
   * Drops the candidates inside the name of a building written with its noun in lower case
   * ({@link #BUILDING_NOUNS}), but a place that is all the capitalised words before the noun, which
   * says where the building is ({@code a New York hospital}, {@code a Fifth Avenue hotel}).
   */
  @SafeVarargs
  static void removeBuildingsInLowerCase(String[] tokens, List<Candidate>... candidateLists) {
    for (int i = 1; i < tokens.length; i++) {
      if (!BUILDING_NOUNS.contains(tokens[i]) || !capitalised(tokens[i - 1])) {
        continue;
      }
      int start = i - 1;
      while (start > 0 && capitalised(tokens[start - 1])) {
        start--;
      }
      while (start < i - 1 && ARTICLES.contains(tokens[start])) {
        start++;
      }
      int from = start;
      int to = i;
      for (List<Candidate> candidates : candidateLists) {
        candidates.removeIf(c -> c.start() < to && c.end() > from
            && !(c.type().equals("location") && c.start() == from && c.end() == to));
      }
    }
  }

  /** Words before {@code the} that make the following head word a place ({@code exports from the Gulf fell}). */
  private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "into", "from", "to", "through", "across",
      "throughout", "within", "near", "of", "off", "around");

  /**
   * Drops a dictionary place that is a place head word alone ({@code Gulf}: {@link
   * OrganisationNames#PLACE_HEADS}) where it qualifies the word after it, as an adjective does
   * ({@code Gulf oil sources}, {@code the Gulf oil state}, {@code Gulf Arab producers}): the next word
   * has a letter and is no stop word, and no preposition comes before it or before its {@code the}
   * ({@code in the Gulf fell} stays a place).
   */
  static void removeHeadWordsAsModifiers(String[] tokens, List<Candidate> candidates, Predicate<String> isStopWord) {
    candidates.removeIf(c -> {
      int i = c.start();
      if (c.end() - i != 1 || !c.type().equals("location") || !OrganisationNames.PLACE_HEADS.contains(tokens[i])
          || i + 1 >= tokens.length || !TokenRules.hasWordChar(tokens[i + 1])
          || isStopWord.test(tokens[i + 1].toLowerCase(Locale.ROOT))) {
        return false;
      }
      int before = i > 0 && tokens[i - 1].equalsIgnoreCase("the") ? i - 2 : i - 1;
      return before < 0 || !PLACE_PREPOSITIONS.contains(tokens[before].toLowerCase(Locale.ROOT));
    });
  }

  /**
   * Drops the candidates that overlap capitalised words ending in one or more of {@code words},
   * with at least {@code wordsBefore} capitalised words before those and none after.
   */
  private static void removeNamesEndingIn(Set<String> words, int wordsBefore, String[] tokens, List<Candidate> candidates) {
    for (int i = wordsBefore; i < tokens.length && !candidates.isEmpty(); i++) {
      if (!capitalised(tokens[i]) || !words.contains(tokens[i]) || !capitalisedRun(tokens, i - wordsBefore, i)) {
        continue;
      }
      int start = i - wordsBefore;
      while (start > 0 && capitalised(tokens[start - 1])) {
        start--;
      }
      int end = i + 1;
      while (end < tokens.length && words.contains(tokens[end])) {
        end++; // Light Sweet
      }
      if (end < tokens.length && capitalised(tokens[end])) {
        continue; // Mitsubishi Heavy Industries: a longer name
      }
      int from = start;
      int to = end;
      candidates.removeIf(c -> c.start() < to && c.end() > from);
    }
  }

  private static boolean capitalisedRun(String[] tokens, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!capitalised(tokens[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean capitalised(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0));
  }
}
