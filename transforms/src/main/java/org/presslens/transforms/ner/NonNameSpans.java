package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.presslens.transforms.ner.MentionMerger.Candidate;
import org.presslens.transforms.text.StopWords;

/**
 * The model's spans that name nothing in a document, though the 2010 models find them: persons the
 * document writes as places elsewhere ({@link GivenNames#inDocument}: "in Santo Domingo");
 * organisations of one generic noun of bodies ({@link #GENERIC_BODIES}: "the Department", "the
 * Nation") that the document writes in no longer name ({@link #wordsInNames}) or that begins one
 * here ("the Republic" of "the Republic of Colombia", whose place the dictionary names), of one
 * such noun in the plural ("the Departments") or of a word that alone never names one ({@link
 * #NEVER_ALONE}); and
 * organisations and places of one word that looks like the demonym of a gazetteer place ({@link
 * Demonyms}: "American", "Nicaraguan") and is no gazetteer name itself ("Hawaii"). Persons of
 * such a word stay ("Verdi" is no demonym of Cape Verde). And a word alone in square brackets
 * between sentences or their parts that is no gazetteer name: a transcript's mark ("[Laughter]",
 * "[Applause]"), where round brackets hold abbreviations and nicknames ("(SBA)", "(Yogi)"). And a
 * noun of events or documents alone ({@link OrganisationNames#EVENT_NOUNS}: "the Revolution", "the
 * Summit"), which the guidelines leave out. And organisations and places of one adjective before a
 * word in lower case ({@link #ADJECTIVE_ENDINGS}: "the Allied forces", "Presidential powers", "the
 * Southern states"), which the guidelines leave out too, unless the document writes the word in a
 * longer name ("Ionic" of "Ionic Industries Inc", whose short form it may be) or the gazetteer has
 * it ("Baltic").
 */
final class NonNameSpans {

  private static final String PERSON = "person";
  private static final String ORGANIZATION = "organization";
  /**
   * Nouns of bodies that, capitalised alone, refer to one the text names elsewhere or to none
   * ("the Department", "the Nation"): the organisation head words and the words for the state and
   * its branches.
   */
  static final Set<String> GENERIC_BODIES = Stream.concat(OrganisationNames.HEADS.stream(),
      Stream.of("Administration", "Executive", "Government", "House", "Legislature", "Nation", "Republic",
          "Union")).collect(Collectors.toUnmodifiableSet());
  /**
   * Words that alone name no body even where the document writes them in a name: the adjective the
   * models take for the federal government ("Federal" of "Federal Government") and "State" (of "the
   * State of Alabama", a place).
   */
  static final Set<String> NEVER_ALONE = Set.of("Federal", "State");
  /**
   * The words of {@link #GENERIC_BODIES} a text uses for its own country and government ("the
   * Union", "the Republic"). After a place's name or its demonym they are part of that place's
   * name ("the Soviet Union", "the Dominican Republic", "the American Union"), which makes the
   * word alone no short form of a body.
   */
  static final Set<String> OWN_GOVERNMENT = Set.of("Nation", "Union", "Republic", "Government", "Administration",
      "Executive");
  /**
   * Endings of adjectives that the models take alone for bodies ("National", "Allied", "Islamic")
   * and places ("Southern"). For places only the compass ending: place names end in the others
   * ("Montreal", "Hungary", "Baltic"), and the gazetteer does not hold every one.
   */
  private static final List<String> ADJECTIVE_ENDINGS = List.of("al", "ary", "ic", "ied", "ive", "ern");
  private static final List<String> COMPASS_ENDINGS = List.of("ern");

  private final StopWords stopWords;
  private final Demonyms placeDemonyms;
  private final Predicate<String> isGazetteerName;
  private final Predicate<String> isGazetteerPlace;

  /**
   * @param placeWords the words of the gazetteer's places, whose demonyms are no mentions
   * @param isGazetteerName whether words (tokens joined by single spaces) are a gazetteer name
   * @param isGazetteerPlace whether words are the name of a gazetteer place
   */
  NonNameSpans(StopWords stopWords, Set<String> placeWords, Predicate<String> isGazetteerName,
      Predicate<String> isGazetteerPlace) {
    this.stopWords = stopWords;
    this.placeDemonyms = new Demonyms(placeWords);
    this.isGazetteerName = isGazetteerName;
    this.isGazetteerPlace = isGazetteerPlace;
  }

  /** What one document names: the filter for its sentences' model spans. */
  InDocument inDocument(List<String[]> sentences, Set<String> givenNamePlaces) {
    return new InDocument(givenNamePlaces, wordsInNames(sentences));
  }

  /** The filter of one document's model spans. */
  final class InDocument {
    private final Set<String> givenNamePlaces;
    private final Set<String> wordsInNames;

    private InDocument(Set<String> givenNamePlaces, Set<String> wordsInNames) {
      this.givenNamePlaces = givenNamePlaces;
      this.wordsInNames = wordsInNames;
    }

    /** The model's spans of a sentence less those that name nothing here. */
    List<Candidate> without(List<Candidate> fromModel, String[] tokens) {
      List<Candidate> kept = new ArrayList<>(fromModel.size());
      for (Candidate c : fromModel) {
        boolean placeAsPerson = c.type().equals(PERSON) && !givenNamePlaces.isEmpty()
            && givenNamePlaces.contains(String.join(" ", Arrays.copyOfRange(tokens, c.start(), c.end())));
        boolean wordNamesNothing = c.end() - c.start() == 1 && namesNothing(tokens, c.start(), c.type());
        if (!placeAsPerson && !wordNamesNothing) {
          kept.add(c);
        }
      }
      return kept;
    }

    /** Whether the word at {@code i}, a span of {@code type} alone, is one of the words described in the class comment. */
    private boolean namesNothing(String[] tokens, int i, String type) {
      String word = tokens[i];
      boolean genericBody = type.equals(ORGANIZATION)
          && (GENERIC_BODIES.contains(word) && (!wordsInNames.contains(word) || namesOfAfter(tokens, i + 1))
          || NEVER_ALONE.contains(word) || isPluralBody(word));
      boolean demonym = !type.equals(PERSON) && placeDemonyms.looksLikeDemonym(word) && !isGazetteerName.test(word);
      boolean mark = isMark(tokens, i) && !isGazetteerName.test(word);
      boolean adjective = looksLikeAdjective(word, type) && i + 1 < tokens.length
          && startsLowerCase(tokens[i + 1]) && !wordsInNames.contains(word) && !isGazetteerName.test(word);
      return genericBody || demonym || mark || adjective || OrganisationNames.EVENT_NOUNS.contains(word);
    }
  }

  /**
   * Whether the word at {@code i} stands alone in square brackets between sentences or their parts
   * ("[Laughter] But", "concept --[Laughter]-- a"), not inside a clause as an editor's insertion
   * ("I understand [Hearst] is").
   */
  private static boolean isMark(String[] tokens, int i) {
    if (i == 0 || i + 1 >= tokens.length || !tokens[i - 1].endsWith("[") || !tokens[i + 1].startsWith("]")) {
      return false;
    }
    String after = tokens[i + 1].length() > 1 ? tokens[i + 1].substring(1) : i + 2 < tokens.length ? tokens[i + 2] : "";
    return after.isEmpty() || !Character.isLowerCase(after.codePointAt(0));
  }

  /** Whether a word has an ending of adjectives ({@link #ADJECTIVE_ENDINGS}) that a span of {@code type} can be. */
  private static boolean looksLikeAdjective(String word, String type) {
    return type.equals(ORGANIZATION) ? hasAdjectiveEnding(word, ADJECTIVE_ENDINGS)
        : !type.equals(PERSON) && hasAdjectiveEnding(word, COMPASS_ENDINGS);
  }

  /** A capital, at least one lower-case letter, and one of {@code endings} in lower case ("Allied", not "Mary"). */
  private static boolean hasAdjectiveEnding(String word, List<String> endings) {
    if (word.length() < 4 || !Character.isUpperCase(word.charAt(0))) {
      return false;
    }
    for (String ending : endings) {
      if (word.length() >= ending.length() + 2 && word.endsWith(ending)) {
        for (int i = 1; i < word.length(); i++) {
          if (!Character.isLowerCase(word.charAt(i))) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  private static boolean startsLowerCase(String token) {
    return !token.isEmpty() && Character.isLowerCase(token.codePointAt(0));
  }

  /** A word of {@link #GENERIC_BODIES} in the plural ("the Departments", "both Houses"), which names no one body. */
  private static boolean isPluralBody(String word) {
    return word.length() > 1 && word.endsWith("s") && GENERIC_BODIES.contains(word.substring(0, word.length() - 1));
  }

  /**
   * The words of {@link #GENERIC_BODIES} and the {@link #ADJECTIVE_ENDINGS adjective-like} words
   * that the document writes as a word of a longer name: next to a capitalised word other than a
   * stop word, or before {@code of} (and {@code the}) and one ("National Gallery", "Department of
   * State", "Bank of the United States"), where the word alone may be its short form.
   */
  private Set<String> wordsInNames(List<String[]> sentences) {
    Set<String> words = new HashSet<>();
    for (String[] tokens : sentences) {
      for (int i = 0; i < tokens.length; i++) {
        if (!tokens[i].isEmpty() && Character.isUpperCase(tokens[i].charAt(0))
            && (GENERIC_BODIES.contains(tokens[i]) || hasAdjectiveEnding(tokens[i], ADJECTIVE_ENDINGS))
            && (i > 0 && stopWords.isCapitalisedWord(tokens[i - 1]) && !endsPlaceName(tokens, i)
            || i + 1 < tokens.length && stopWords.isCapitalisedWord(tokens[i + 1]) || namesOfAfter(tokens, i + 1))) {
          words.add(tokens[i]);
        }
      }
    }
    return words;
  }

  /** Whether the word at {@code i} is one of {@link #OWN_GOVERNMENT} after a gazetteer place or its demonym ("Soviet Union"). */
  private boolean endsPlaceName(String[] tokens, int i) {
    return OWN_GOVERNMENT.contains(tokens[i]) && (isGazetteerPlace.test(tokens[i - 1] + " " + tokens[i])
        || placeDemonyms.looksLikeDemonym(tokens[i - 1]));
  }

  /** Whether {@code of}, maybe {@code the}, and a capitalised word other than a stop word begin at {@code i}. */
  private boolean namesOfAfter(String[] tokens, int i) {
    int name = i + 1 < tokens.length && tokens[i + 1].equals("the") ? i + 2 : i + 1;
    return i < tokens.length && tokens[i].equals("of") && name < tokens.length
        && stopWords.isCapitalisedWord(tokens[name]);
  }
}
