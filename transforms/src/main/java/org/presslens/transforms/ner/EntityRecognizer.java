package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import opennlp.tools.util.Span;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.ner.MentionMerger.Candidate;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TokenRules;

/**
 * Finds person, organization and location mentions in a document's tokenized sentences with two
 * layers, the OpenNLP statistical name finders and {@link NameDictionary} finders built
 * from the {@link Gazetteer}, merged by {@link MentionMerger} and canonicalised:
 *
 * <ul>
 *   <li>a mention's tokens are trimmed of a possessive {@code 's} and of punctuation at its edges;
 *   <li>its spelling is mapped through the alias table (U.S. -> United States);
 *   <li>a one-word person name that is the last word of a longer person name seen earlier in the
 *       same document becomes that name (Truss -> Liz Truss after "Liz Truss"), and so does the first
 *       word of one such name (Charlayne -> Charlayne Hunter: {@link NamedPersons}); such a surname is a
 *       mention of that person even where neither layer tagged it ("In Feldman's opinion" after
 *       "Pavel Feldman"), and so is its plural after {@code the} ("the Dresbachs" after "H. Malone
 *       Dresbach": the family);
 *   <li>a leading {@code the} of an alias is left out of the span ("the U.S." is "U.S.");
 *   <li>spelling variants of a person's or place's name in one document are one entity ({@link NameVariants}).
 * </ul>
 *
 * The dictionary layer also holds the name rules of {@link OrganisationNames} (legal forms and
 * their short forms in the same document, towns before a gazetteer region: "Paulsboro, New
 * Jersey"), of {@link PersonNames} (people after titles, families), of {@link GivenNames} (a common
 * given name and a surname), of {@link LowerCaseHeadNames} (lower-case head words: "the Chicago Press
 * club") and of {@link PlaceNames} (compass directions joined to the places they begin, crude oil
 * grades, buildings and a place head word used as an adjective no mention).
 *
 * The model layer skips sentences without a lower-case letter (headlines, section labels in
 * capitals): the models rely on capitalisation, which such lines do not carry. Model spans are
 * cleaned before merging (the 2010 models were trained on different text): stop
 * words at a span's edges are trimmed ("By Ali Karbalaei"), and a span is dropped when it is a
 * month or weekday name, or a single sentence-initial word that the same document also uses in
 * lower case ("Consequently"), or when it is less probable than {@link #MIN_MODEL_PROBABILITY}; a
 * person span goes when the document writes the same words as a place's ({@link GivenNames#inDocument}:
 * "in Santo Domingo"), an organisation of one generic noun ("the Nation") when the document names
 * no body with it, a span of one demonym ("American"): {@link NonNameSpans}.
 *
 * <p>Not thread-safe (the name finders keep per-document data): one per DoFn instance and bundle
 * ({@link org.presslens.transforms.AnalyzeDocuments.Analyzer}).
 * Either layer can be switched off, for the evaluation of each alone.
 */
public final class EntityRecognizer {

  /** Which layers to run. */
  public enum Layers { MODEL, DICTIONARY, BOTH }

  private static final String ORGANIZATION = "organization";

  /**
   * Model spans less probable than this (the mean of their tokens' outcome probabilities) are
   * dropped: chosen on the Reuters development half (0.65 gave the highest document-entity F1
   * there without lowering the seeds' scores; docs/entities.md).
   */
  static final double MIN_MODEL_PROBABILITY = 0.65;

  private static final String PERSON = "person";
  private static final String LOCATION = "location";
  private static final Set<String> CALENDAR = Set.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday");

  private final Gazetteer gazetteer;
  private final StopWords stopWords = StopWords.english();
  /** The statistical layer; null when only the dictionary layer runs. */
  private final SharedFeatureNameFinders models;
  private final Map<String, NameDictionary> dictionaries = new LinkedHashMap<>();
  /** Gazetteer entry by its tokens joined with single spaces, as mention surfaces are. */
  private final Map<String, Gazetteer.Entry> entriesByTokens = new HashMap<>();
  /** Every token of the gazetteer's names. */
  private final Set<String> nameWords = new HashSet<>();
  /** The organisation name rules, part of the dictionary layer; null when only the models run. */
  private final OrganisationNames organisationNames;
  private final PersonNames personNames = new PersonNames(stopWords);
  private final QuotedTitles quotedTitles = new QuotedTitles(stopWords);
  private final GivenNames givenNames;
  private final NonNameSpans nonNames;

  public EntityRecognizer(NameFinderModels nameFinderModels, Gazetteer gazetteer,
      DocumentTokenizer tokenizer, Layers layers) {
    this.gazetteer = gazetteer;
    models = layers == Layers.DICTIONARY ? null : SharedFeatureNameFinders.of(nameFinderModels);
    Map<String, NameDictionary> byType = new LinkedHashMap<>();
    Set<String> placeWords = new HashSet<>();
    for (Gazetteer.Entry entry : gazetteer.entries()) {
      String[] tokens = tokenizer.tokenizePhrase(entry.text());
      entriesByTokens.putIfAbsent(String.join(" ", tokens), entry);
      nameWords.addAll(Arrays.asList(tokens));
      if (entry.type().equals(LOCATION)) {
        placeWords.addAll(Arrays.asList(tokens));
      }
      byType.computeIfAbsent(entry.type(), NameDictionary::new).add(tokens);
    }
    if (layers != Layers.MODEL) {
      dictionaries.putAll(byType);
    }
    organisationNames = layers == Layers.MODEL ? null : new OrganisationNames(stopWords, entriesByTokens.keySet());
    givenNames = layers == Layers.MODEL ? null : GivenNames.english().without(nameWords);
    nonNames = new NonNameSpans(stopWords, placeWords, entriesByTokens::containsKey,
        words -> entriesByTokens.containsKey(words) && entriesByTokens.get(words).type().equals(LOCATION));
  }

  /** Mentions of one document, in text order; adaptive model data is cleared afterwards. */
  public List<Mention> find(List<String[]> sentences) {
    List<Mention> mentions = new ArrayList<>();
    NamedPersons namedPersons = new NamedPersons();
    Set<String> lowerCaseWords = new HashSet<>();
    for (String[] tokens : sentences) {
      for (String token : tokens) {
        if (!token.isEmpty() && Character.isLowerCase(token.charAt(0))) {
          lowerCaseWords.add(token);
        }
      }
    }
    OrganisationShortForms organisations = organisationNames == null ? null
        : organisationNames.forDocument(lowerCaseWords);
    Set<String> families = organisationNames == null ? Set.of() : PersonNames.families(sentences, nameWords);
    GivenNames.InDocument givenNamesHere = organisationNames == null ? GivenNames.InDocument.NONE
        : givenNames.inDocument(sentences, organisationNames::startsName, EntityRecognizer::isNoPersonNameWord,
            organisations::isWrittenInLowerCase);
    NonNameSpans.InDocument nonNamesHere = nonNames.inDocument(sentences, givenNamesHere.places());
    try {
      for (int s = 0; s < sentences.size(); s++) {
        String[] tokens = sentences.get(s);
        int shortFormsBefore = organisations == null ? 0 : organisations.shortFormCount();
        List<Candidate> fromModel = hasLowerCase(tokens) && hasNameLikeWord(tokens, lowerCaseWords)
            ? nonNamesHere.without(clean(modelCandidates(tokens), tokens, lowerCaseWords), tokens)
            : List.of();
        boolean[] covered = new boolean[tokens.length];
        List<Mention> inSentence = merged(tokens, s, fromModel, namedPersons, organisations, givenNamesHere, covered);
        if (organisations != null && organisations.shortFormCount() > shortFormsBefore) {
          // the sentence named an organisation by its legal form: its short forms count in the same sentence too
          Arrays.fill(covered, false);
          inSentence = merged(tokens, s, fromModel, namedPersons, organisations, givenNamesHere, covered);
        }
        for (int i = 0; i < tokens.length; i++) {
          String familySurname = covered[i] ? null : PersonNames.familySurname(tokens, i, namedPersons.surnames());
          Mention fullName = namedPersons.bySurname(familySurname != null ? familySurname : tokens[i]);
          String family = families.isEmpty() || covered[i] ? null : familyOf(tokens[i], families);
          if (!covered[i] && fullName != null && Character.isUpperCase(tokens[i].charAt(0))) {
            inSentence.add(new Mention(fullName.canonical(), "person", tokens[i], s, i, i + 1, fullName.source()));
          } else if (family != null) {
            inSentence.add(new Mention(family, "person", tokens[i], s, i, i + 1, Mention.DICTIONARY));
          }
        }
        inSentence.sort(Comparator.comparingInt(Mention::start));
        mentions.addAll(inSentence);
      }
    } finally {
      if (models != null) {
        models.clearAdaptiveData();
      }
    }
    // spellings of one name in one document (Zelensky, Zelenskyy): one entity, a gazetteer name first
    return BodyShortForms.resolve(NameVariants.merge(mentions, gazetteer));
  }

  /** The family a token names, in the singular or the plural ({@code Wallenberg}, {@code Wallenbergs}), or null. */
  private static String familyOf(String token, Set<String> families) {
    if (families.contains(token)) {
      return token;
    }
    String singular = token.endsWith("s") ? token.substring(0, token.length() - 1) : null;
    return singular != null && families.contains(singular) ? singular : null;
  }

  /** The mentions of the merged dictionary and model candidates of a sentence; marks the tokens they cover. */
  private List<Mention> merged(String[] tokens, int sentence, List<Candidate> fromModel, NamedPersons namedPersons,
      OrganisationShortForms organisations, GivenNames.InDocument givenNamesHere, boolean[] covered) {
    List<Candidate> fromDictionary = dictionaryCandidates(tokens);
    if (organisations != null) {
      addNameRuleCandidates(tokens, fromDictionary, fromModel, organisations, givenNamesHere.spansOf(sentence));
    }
    List<Candidate> models = new ArrayList<>(fromModel);
    PlaceNames.removeGradesAndBuildings(tokens, fromDictionary);
    PlaceNames.removeHeadWordsAsModifiers(tokens, fromDictionary, stopWords::contains);
    PlaceNames.removeGradesAndBuildings(tokens, models);
    PlaceNames.removeBuildingsInLowerCase(tokens, fromDictionary, models);
    quotedTitles.removeFromModel(tokens, models);
    List<Mention> mentions = new ArrayList<>();
    for (Candidate c : MentionMerger.merge(tokens, fromDictionary, models)) {
      Mention mention = mention(tokens, sentence, c, namedPersons, organisations);
      if (mention != null) {
        mentions.add(mention);
        Arrays.fill(covered, c.start(), c.end(), true);
      }
    }
    return mentions;
  }

  /** Adds the candidates of the dictionary layer's name rules (see the class comment) to {@code fromDictionary}. */
  private void addNameRuleCandidates(String[] tokens, List<Candidate> fromDictionary, List<Candidate> fromModel,
      OrganisationShortForms organisations, List<int[]> givenNameSpans) {
    List<int[]> places = fromDictionary.stream().filter(c -> c.type().equals(LOCATION))
        .map(c -> new int[] {c.start(), c.end()}).toList();
    for (int[] span : organisationNames.placesBeforeRegions(tokens, places)) {
      String word = tokens[span[0]].toLowerCase(Locale.ROOT);
      if (span[1] - span[0] == 1 && (CALENDAR.contains(word) || organisations.isWrittenInLowerCase(word))) {
        continue; // in January, Gulf oil sources said; the Government, Britain
      }
      fromDictionary.add(new Candidate(span[0], span[1], LOCATION, Mention.DICTIONARY, Double.NaN));
    }
    for (int[] span : organisationNames.utilitiesAfterPlaces(tokens, places)) {
      fromDictionary.add(new Candidate(span[0], span[1], ORGANIZATION, Mention.DICTIONARY, Double.NaN));
    }
    fromDictionary.addAll(organisations.candidates(tokens));
    for (int[] span : personNames.afterTitles(tokens)) {
      fromDictionary.add(new Candidate(span[0], span[1], PERSON, Mention.DICTIONARY, Double.NaN));
    }
    for (int[] span : personNames.withMiddleInitials(tokens)) {
      fromDictionary.add(new Candidate(span[0], span[1], PERSON, Mention.DICTIONARY, Double.NaN));
    }
    Predicate<String> isCommonWord = word -> CALENDAR.contains(word.toLowerCase(Locale.ROOT))
        || organisations.isWrittenInLowerCase(word.toLowerCase(Locale.ROOT));
    for (int[] span : LowerCaseHeadNames.places(tokens, organisationNames::isNameWord, isCommonWord)) {
      fromDictionary.add(new Candidate(span[0], span[1], LOCATION, Mention.DICTIONARY, Double.NaN));
    }
    for (int[] span : LowerCaseHeadNames.institutions(tokens, organisationNames::isNameWord,
        entriesByTokens::containsKey, isCommonWord)) {
      boolean modelPlace = fromModel.stream().anyMatch(c -> c.type().equals(LOCATION) && c.start() == span[0]
          && c.end() == span[1] - 1); // Pittsburgh society: a place and a noun
      if (!modelPlace) {
        fromDictionary.add(new Candidate(span[0], span[1], ORGANIZATION, Mention.DICTIONARY, Double.NaN));
      }
    }
    for (int[] span : givenNameSpans) {
      if (noneOverlaps(span, fromDictionary) && noneOverlaps(span, fromModel)) {
        fromDictionary.add(new Candidate(span[0], span[1], PERSON, Mention.DICTIONARY, Double.NaN));
      }
    }
  }

  /**
   * Words in no person's name: titles, legal forms, head words of organisations, places and
   * buildings, nouns of events and documents, months and weekdays.
   */
  private static boolean isNoPersonNameWord(String token) {
    return PersonNames.isTitle(token) || OrganisationNames.SUFFIXES.contains(token)
        || OrganisationNames.HEADS.contains(token) || OrganisationNames.PLACE_HEADS.contains(token)
        || OrganisationNames.UTILITY_HEADS.contains(token) || OrganisationNames.EVENT_NOUNS.contains(token)
        || PlaceNames.BUILDING_WORDS.contains(token) || CALENDAR.contains(token.toLowerCase(Locale.ROOT));
  }

  private static boolean noneOverlaps(int[] span, List<Candidate> candidates) {
    for (Candidate c : candidates) {
      if (c.start() < span[1] && span[0] < c.end()) {
        return false;
      }
    }
    return true;
  }

  private List<Candidate> modelCandidates(String[] tokens) {
    return models == null ? List.of() : candidates(models.find(tokens), Mention.MODEL);
  }

  /** The dictionary's spans, with the compass directions joined to the places they begin ({@link PlaceNames}). */
  private List<Candidate> dictionaryCandidates(String[] tokens) {
    Map<String, Span[]> spans = new LinkedHashMap<>();
    dictionaries.forEach((type, dictionary) -> spans.put(type, dictionary.find(tokens)));
    List<Candidate> candidates = candidates(spans, Mention.DICTIONARY);
    if (!candidates.isEmpty()) {
      PlaceNames.joinCompassDirections(tokens, candidates, organisationNames::startsName);
    }
    return candidates;
  }

  /** The spans of each type, in the map's order, as candidates from this source. */
  private static List<Candidate> candidates(Map<String, Span[]> spansByType, String source) {
    List<Candidate> out = new ArrayList<>();
    spansByType.forEach((type, spans) -> {
      for (Span span : spans) {
        out.add(new Candidate(span.getStart(), span.getEnd(), type, source,
            source.equals(Mention.MODEL) ? span.getProb() : Double.NaN));
      }
    });
    return out;
  }

  private static boolean hasLowerCase(String[] tokens) {
    for (String token : tokens) {
      if (token.codePoints().anyMatch(Character::isLowerCase)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a sentence has a capitalised word that could start or end a name the models may add:
   * not a stop word ("I", "The") and not a sentence-initial word the document also writes in lower
   * case. Model spans without such a word are dropped by {@link #clean} anyway, so the models,
   * most of the entity stage's time, are not run on such sentences.
   */
  private boolean hasNameLikeWord(String[] tokens, Set<String> lowerCaseWords) {
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      if (token.isEmpty() || !Character.isUpperCase(token.codePointAt(0))) {
        continue;
      }
      String lower = token.toLowerCase(Locale.ROOT);
      if (!stopWords.contains(lower) && !(i == 0 && lowerCaseWords.contains(lower))) {
        return true;
      }
    }
    return false;
  }

  /** Trims stop words off model spans and drops the spans that are not names (see class comment). */
  List<Candidate> clean(List<Candidate> spans, String[] tokens, Set<String> lowerCaseWords) {
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : spans) {
      if (c.probability() < MIN_MODEL_PROBABILITY) {
        continue; // where the dictionary names the same span, it still counts
      }
      int start = c.start();
      int end = c.end();
      if (insideTicker(tokens, start)
          || PersonNames.isTitle(tokens[end - 1]) && !(end > 1 && PersonNames.isInitial(tokens[end - 2]))) {
        continue; // Petroleum Minister: a title, not a name (Clinton B. King: a surname)
      }
      if (c.type().equals(PERSON)) {
        start = PersonNames.withoutTitles(tokens, start, end); // Sheikh Abdul-Aziz: the name without its title
        end = PersonNames.withParticles(tokens, end); // Abdul-Aziz bin Khalifa al-Thani
        int[] widened = personNames.withInitials(tokens, start, end); // J. | Hampton Monroe
        start = widened[0];
        end = widened[1];
        if (end - start == 1 && PersonNames.isSuffix(tokens[start])) {
          continue; // Jr. alone
        }
      }
      while (start < end && notInName(tokens[start])) {
        start++;
      }
      while (end > start && notInName(tokens[end - 1])) {
        end--;
      }
      if (start == end) {
        continue;
      }
      if (end - start == 1) {
        String lower = tokens[start].toLowerCase(Locale.ROOT);
        if (CALENDAR.contains(lower) || start == 0 && lowerCaseWords.contains(lower)) {
          continue;
        }
      }
      out.add(PlaceNames.withCompass(tokens, new Candidate(start, end, c.type(), c.source(), c.probability())));
    }
    return joinOverlappingPersons(out, tokens);
  }

  /**
   * Person spans that overlap after {@link PersonNames#withInitials} ({@code Raymond H. | Hawksley}),
   * or touch ({@code Albert | John Luthuli}), are one name; without the titles and descriptions it
   * then begins with, which the models may find as a name of their own ({@code Conductor | Pfohl}).
   */
  private static List<Candidate> joinOverlappingPersons(List<Candidate> candidates, String[] tokens) {
    List<Candidate> out = new ArrayList<>(candidates.size());
    List<Candidate> persons = new ArrayList<>();
    for (Candidate c : candidates) {
      (c.type().equals(PERSON) ? persons : out).add(c);
    }
    persons.sort(Comparator.comparingInt(Candidate::start));
    Candidate current = null;
    for (Candidate p : persons) {
      if (current != null && p.start() <= current.end()) {
        int end = Math.max(current.end(), p.end());
        current = new Candidate(PersonNames.withoutTitles(tokens, current.start(), end), end, PERSON, current.source(),
            Math.max(current.probability(), p.probability()));
      } else {
        if (current != null) {
          out.add(current);
        }
        current = p;
      }
    }
    if (current != null) {
      out.add(current);
    }
    return out;
  }

  /** Whether token {@code i} is inside a stock ticker's brackets ({@code <SMBS ST>}): never a name. */
  private static boolean insideTicker(String[] tokens, int i) {
    for (int open = i - 1; open >= 0 && open >= i - 2; open--) {
      if (OrganisationNames.tickerEnd(tokens, open) > i) {
        return true;
      }
    }
    return false;
  }

  /** A stop word or a token without a letter (a number): never the first or last word of a name. */
  private boolean notInName(String token) {
    return stopWords.contains(token.toLowerCase(Locale.ROOT)) || token.codePoints().noneMatch(Character::isLetter);
  }

  private Mention mention(String[] tokens, int sentence, Candidate c, NamedPersons namedPersons,
      OrganisationShortForms organisations) {
    int start = c.start();
    int end = c.end();
    while (end > start && (tokens[end - 1].equalsIgnoreCase("'s") || !TokenRules.hasWordChar(tokens[end - 1]))) {
      end--;
    }
    while (start < end && !TokenRules.hasWordChar(tokens[start])) {
      start++;
    }
    if (start == end) {
      return null;
    }
    String surface = String.join(" ", Arrays.copyOfRange(tokens, start, end));
    Gazetteer.Entry entry = entriesByTokens.get(surface);
    // a possessive inside a name is written on its word (Heinl's Nursery Inc), and so are commas and brackets
    String canonical = entry != null ? entry.canonical() : gazetteer.canonical(surface).replace(" 's ", "'s ")
        .replace(" , ", ", ").replace("( ", "(").replace(" )", ")");
    String type = entry != null && !c.source().equals(Mention.MODEL) ? entry.type() : c.type();
    if (type.equals("person") && end - start == 1) {
      Mention fullName = namedPersons.bySurname(canonical);
      fullName = fullName != null ? fullName : namedPersons.byGivenName(canonical);
      canonical = fullName != null ? fullName.canonical() : canonical;
    }
    // an alias line for the spelling decides its name: how an analyst vetoes a short form's merge
    Mention organisation = organisations == null || !type.equals(ORGANIZATION) || entry != null
        || gazetteer.hasAlias(surface) ? null : organisations.shortFormOf(surface);
    if (organisation != null) {
      canonical = organisation.canonical();
    }
    if (end - start > 1 && tokens[start].equalsIgnoreCase("the")) { // named with "the" (an alias): the name without it
      start++;
      surface = String.join(" ", Arrays.copyOfRange(tokens, start, end));
    }
    Mention mention = Mention.found(canonical, type, surface, sentence, start, end, c.source(), c.probability());
    if (type.equals("person")) {
      namedPersons.add(mention);
    }
    if (type.equals(ORGANIZATION) && organisations != null) {
      organisations.remember(tokens, start, end, mention);
    }
    return mention;
  }
}
