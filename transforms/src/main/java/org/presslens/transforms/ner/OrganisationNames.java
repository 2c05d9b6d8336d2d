package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TokenRules;

/**
 * The name rules of the dictionary layer for organisations (and places named by a head word or
 * before a region).
 * Organisations named with their legal form ({@code Computer Terminal Systems Inc}, {@code Sedio
 * N.V.}, {@code Miller Tabak Hirsch and Co}): a legal-form word ({@link #SUFFIXES}) after one to
 * {@value #MAX_WORDS} capitalised words, which may be joined ({@link #joins}); the name starts at
 * its first capitalised word that is not a stop word. Business news names most companies this way
 * at first mention and by the words before the legal form afterwards ({@code Computer Terminal}):
 * after such a name, each run of its first words is a mention of it later in the same document
 * ({@link OrganisationShortForms}). Names by head word, ticker, possessive and appositive are below.
 */
final class OrganisationNames {

  static final Set<String> SUFFIXES = Set.of("Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Cos", "Ltd", "Ltd.", "Plc",
      "PLC", "plc", "LP", "L.P.", "LLC", "N.V.", "NV", "AB", "SA", "S.A.", "Spa", "SpA", "AG", "GmbH", "KK", "B.V.", "Bhd");
  /** Legal forms that Swedish and Dutch names may also write before the name ({@code AB Volvo}, {@code NV Philips}). */
  static final Set<String> PREFIX_FORMS = Set.of("AB", "NV", "N.V.");
  static final int MAX_WORDS = 6;
  /**
   * Head words that end the name of an institution or a company without a legal form: a name is
   * these after capitalised words. Words that also end place names (Union, Street) or products and
   * topics (Power, Oil, Reserve, Capital) are left out.
   */
  static final Set<String> HEADS = Set.of("Academy", "Agency", "Airlines", "Airways", "Association", "Authority",
      "Bancorp", "Bank", "Board", "Club", "College", "Commission", "Committee", "Company", "Corporation", "Council",
      "Court", "Department", "Embassy", "Exchange", "Federation", "Foundation", "Fund", "Group", "Holdings",
      "Industries", "Institute", "League", "Lines", "Management", "Mining", "Ministry", "Museum", "Orchestra",
      "Organisation", "Organization", "Partners", "Party", "Railroad", "Railway", "Resources", "School",
      "Securities", "Service", "Society", "Trust", "University");
  /**
   * Nouns that name an event or a document, not a place, when they end the words before a comma
   * ({@code the Second World War, Europe}, {@code the Camp David Accords, Egypt}).
   */
  static final Set<String> EVENT_NOUNS = Set.of("Accord", "Accords", "Act", "Agreement", "Championship", "Conference",
      "Crisis", "Cup", "Declaration", "Doctrine", "Games", "Olympics", "Revolution", "Summit", "Treaty", "War", "Wars");
  /**
   * Words that, right after a place the gazetteer knows, end the name of a utility ({@code West
   * Virginia Power}, {@code Ohio Edison}): not head words of their own, since they also end topics
   * ({@code Soviet Power}).
   */
  static final Set<String> UTILITY_HEADS = Set.of("Power", "Electric", "Gas", "Edison", "Utilities", "Telephone");
  /** Head words that end the name of a natural place ({@code Teles Pires River}, {@code Strait of Hormuz}). */
  static final Set<String> PLACE_HEADS = Set.of("Avenue", "Bay", "Boulevard", "Canal", "Desert", "Drive", "Gulf",
      "Island", "Islands", "Lake", "Mountains", "Ocean", "Peninsula", "River", "Road", "Sea", "Square", "Strait",
      "Street", "Valley");
  /**
   * Nouns that, in an appositive after a name, say that the name is a company's: {@code Nova, the
   * Canadian company that owns}, {@code CMP, a public gold mining company}.
   */
  static final Set<String> COMPANY_NOUNS = Set.of("company", "firm", "concern", "corporation", "conglomerate", "bank",
      "insurer", "brokerage", "maker", "manufacturer", "producer", "refiner", "retailer", "utility", "airline",
      "subsidiary", "affiliate");
  private static final Set<String> ARTICLES = Set.of("a", "an", "the");
  /** Words at most between an appositive's article and its noun: {@code a public gold mining company}. */
  private static final int APPOSITIVE_WORDS = 4;
  /** Words after which a company's named part is one: {@code its Stant division}. */
  private static final Set<String> UNITS = Set.of("division", "unit", "subsidiary", "units", "subsidiaries");
  /** The words that the name rules start from. */
  private static final Set<String> TRIGGERS = triggers();
  private static final Set<String> POSSESSIVES = Set.of("its", "their", "his", "her", "'s");
  /** A word of three or more capitals: a name's own short form when it is inside the name. */
  static final Pattern CAPITALS = Pattern.compile("\\p{Lu}{3,}");
  private static final Pattern SINGLE_LETTER = Pattern.compile("\\p{Lu}\\.?");
  /** The endings of demonyms: {@code Canadian}, {@code Japanese}, {@code Swedish}, {@code French}, {@code Swiss}. */
  static final Pattern DEMONYM = Pattern.compile("(?:an|ese|ish|ch|i|ss)$");
  /** A stock ticker or an exchange's code: capitals, digits and full stops. */
  private static final Pattern TICKER = Pattern.compile("\\p{Lu}[\\p{Lu}\\d.]{0,7}");
  /** Initials that begin a name ({@code E.F.} of {@code E.F. Hutton Group Inc}), left out of its short forms. */
  static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)+");

  static final String ORGANIZATION = "organization";
  static final String LOCATION = "location";

  private final StopWords stopWords;
  /** The gazetteer's names, as tokens joined by spaces: never a short form. */
  private final Set<String> gazetteerNames;

  OrganisationNames(StopWords stopWords, Set<String> gazetteerNames) {
    this.stopWords = stopWords;
    this.gazetteerNames = gazetteerNames;
  }

  /**
   * Whether a sentence has a word that a name rule starts from (a legal form, a head word, a word
   * for a part of a company, a bracket): the rules look for names only in such sentences.
   */
  static boolean hasRuleWord(String[] tokens) {
    for (String token : tokens) {
      if (TRIGGERS.contains(token)) {
        return true;
      }
    }
    return false;
  }

  /** The rules for one document, which remember its organisations' short forms. */
  OrganisationShortForms forDocument(Set<String> lowerCaseWords) {
    return new OrganisationShortForms(this, lowerCaseWords);
  }

  StopWords stopWords() {
    return stopWords;
  }

  /** The gazetteer's names, as tokens joined by spaces. */
  Set<String> gazetteerNames() {
    return gazetteerNames;
  }

  /**
   * The capitals of a name's words, without the words that join them ({@code of}, {@code and}):
   * the initials of each word and every letter of a word in initials ({@code U.S.}); empty when a
   * word is not capitalised.
   */
  static String acronym(String[] tokens, int start, int end) {
    StringBuilder out = new StringBuilder();
    for (int i = start; i < end; i++) {
      String token = tokens[i];
      if (joins(token, 0)) {
        continue;
      }
      if (!Character.isUpperCase(token.codePointAt(0))) {
        return "";
      }
      if (INITIALS.matcher(token).matches()) {
        token.chars().filter(Character::isLetter).forEach(c -> out.append((char) c));
      } else {
        out.appendCodePoint(token.codePointAt(0));
      }
    }
    return out.toString();
  }

  /**
   * The spans {start, end} of the one to four capitalised words before a stock ticker in brackets,
   * as wire services mark listed companies: {@code Swedish Match <SMBS ST>}, {@code Salomon Inc
   * <SB>}, {@code SKF (SKFR ST>}. A ticker is one or two tokens in capitals and digits, in angle
   * brackets, or in round brackets with its exchange's code ({@code (OPEC)} is not a ticker).
   */
  List<int[]> tickerNames(String[] tokens) {
    List<int[]> spans = new ArrayList<>();
    for (int i = 1; i < tokens.length; i++) {
      if (tickerEnd(tokens, i) < 0) {
        continue;
      }
      int start = i;
      while (start > 0 && i - start < 4 && isNameWord(tokens[start - 1])) {
        start--;
      }
      if (start < i && (spans.isEmpty() || spans.get(spans.size() - 1)[1] <= start)) {
        spans.add(new int[] {start, i});
      }
    }
    return spans;
  }

  /**
   * The spans {start, end} of one to four capitalised words between a possessive and a word for a
   * part of a company ({@link #UNITS}): {@code its Stant division}, {@code Triplett's Alltest
   * division}, {@code its Canadian Courier unit}. Not a gazetteer name ({@code its U.S. unit}) nor
   * one word that looks like a demonym ({@code its Canadian unit}: ending in -an, -ese, -ish, -ch,
   * -i or -ss).
   */
  List<int[]> unitNames(String[] tokens) {
    List<int[]> spans = new ArrayList<>();
    for (int i = 2; i < tokens.length; i++) {
      if (!UNITS.contains(tokens[i])) {
        continue;
      }
      int start = i;
      while (start > 1 && i - start < 4 && isNameWord(tokens[start - 1])) {
        start--;
      }
      String name = String.join(" ", Arrays.copyOfRange(tokens, start, i));
      boolean demonym = i - start == 1 && DEMONYM.matcher(name).find();
      if (start < i && POSSESSIVES.contains(tokens[start - 1]) && !gazetteerNames.contains(name) && !demonym) {
        spans.add(new int[] {start, i});
      }
    }
    return spans;
  }

  /** Where the ticker in brackets that opens at token {@code open} ends (exclusive), or -1 when there is none. */
  static int tickerEnd(String[] tokens, int open) {
    boolean angle = tokens[open].equals("<");
    if (!angle && !tokens[open].equals("(")) {
      return -1;
    }
    int j = open + 1;
    while (j < tokens.length && j - open <= 2 && TICKER.matcher(tokens[j]).matches()) {
      j++;
    }
    int parts = j - open - 1;
    boolean closed = j < tokens.length && (tokens[j].equals(">") || tokens[j].equals(")"));
    return closed && parts >= 1 && (angle || parts == 2 || tokens[j].equals(">")) ? j + 1 : -1;
  }

  private static Set<String> triggers() {
    Set<String> words = new HashSet<>(SUFFIXES);
    words.addAll(HEADS);
    words.addAll(PLACE_HEADS);
    words.addAll(UNITS);
    words.addAll(COMPANY_NOUNS);
    words.addAll(Set.of("<", "(", "&"));
    return Set.copyOf(words);
  }

  static boolean isSuffix(String token) {
    return SUFFIXES.contains(token);
  }

  /** The spans {start, end} of organisation names with a legal form in a sentence's tokens, left to right. */
  List<int[]> legalForms(String[] tokens) {
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      int[] prefixed = prefixedName(tokens, i);
      if (prefixed != null) {
        if (spans.isEmpty() || spans.get(spans.size() - 1)[1] <= prefixed[0]) {
          spans.add(prefixed);
        }
        i = prefixed[1] - 1;
        continue;
      }
      if (i == 0 || !isSuffix(tokens[i])) {
        continue;
      }
      int end = i + 1;
      while (end < tokens.length && isSuffix(tokens[end])) {
        end++; // Co Inc, Co Ltd
      }
      int start = withPartnersBefore(tokens, nameStart(tokens, i, 0), i);
      if (start < i && (spans.isEmpty() || spans.get(spans.size() - 1)[1] <= start)) {
        spans.add(new int[] {start, end});
      }
      i = end - 1;
    }
    return spans;
  }

  /**
   * The span {start, end} of a name whose legal form {@code tokens[i]} comes first, as Swedish and
   * Dutch names may write it ({@code AB Investor}, {@code NV Philips}): one to three capitalised
   * words after it that are no legal forms (nor titles when a name comes before it: {@code Volvo AB
   * Chairman} is a name and a title), with the capitalised words directly before it, which Swedish
   * names put there ({@code Forvaltnings AB Providentia}); or null.
   */
  private int[] prefixedName(String[] tokens, int i) {
    // after a name, a legal form ends it unless a name that is no title follows (Volvo AB Chairman)
    boolean afterName = i > 0 && isNameWord(tokens[i - 1]);
    Predicate<String> nameWord = afterName ? t -> isNameWord(t) && !PersonNames.isTitle(t) : this::isNameWord;
    if (!PREFIX_FORMS.contains(tokens[i]) || i + 1 >= tokens.length || !nameWord.test(tokens[i + 1])) {
      return null;
    }
    int end = i + 1;
    while (end < tokens.length && end - i <= 3 && nameWord.test(tokens[end])) {
      end++;
    }
    int start = i;
    while (start > 0 && i - start < 3 && isNameWord(tokens[start - 1])) {
      start--;
    }
    return new int[] {start, end};
  }

  /**
   * The start of a partnership's name whose legal-form part joins names by {@code and} or {@code &}:
   * up to two more groups of one to three capitalised words before it, each followed by a comma
   * ({@code Merrill Lynch , Pierce Fenner and Smith Inc}, {@code Kidder , Peabody and Co}). Not a
   * group that shares a word with the name after it: {@code Thomas McKiernan , McKiernan and Co
   * chairman} is a person and his company.
   */
  private int withPartnersBefore(String[] tokens, int start, int legalForm) {
    Set<String> words = new HashSet<>(Arrays.asList(tokens).subList(start, legalForm));
    boolean joinedByAnd = words.contains("and") || words.contains("&");
    for (int groups = 0; joinedByAnd && groups < 2 && start > 1 && tokens[start - 1].equals(","); groups++) {
      int before = wordsBefore(tokens, start - 1);
      List<String> group = Arrays.asList(tokens).subList(before, start - 1);
      if (before == start - 1 || group.stream().anyMatch(words::contains)) {
        break;
      }
      words.addAll(group);
      start = before;
    }
    return start;
  }

  /**
   * The spans {start, end} of names joined by an ampersand: one to three capitalised words, {@code
   * &} and one to three capitalised words, with up to two more such names before them, each
   * followed by a comma ({@code Eppler , Guerin & Turner}, {@code Procter & Gamble}, {@code B. &
   * O.}): English writes firms so, not people or places. Not when a title is among the words
   * ({@code Mr. & Mrs. Smith}).
   */
  List<int[]> ampersandNames(String[] tokens) {
    List<int[]> spans = new ArrayList<>();
    for (int i = 1; i < tokens.length - 1; i++) {
      if (!tokens[i].equals("&")) {
        continue;
      }
      int end = i + 1;
      while (end < tokens.length && end - i <= 3 && isAmpersandNameWord(tokens[end])) {
        end++;
      }
      int start = wordsBefore(tokens, i);
      for (int more = 0; more < 2 && start > 1 && tokens[start - 1].equals(",") && wordsBefore(tokens, start - 1) < start - 1; more++) {
        start = wordsBefore(tokens, start - 1);
      }
      if (start < i && end > i + 1 && (spans.isEmpty() || spans.get(spans.size() - 1)[1] <= start)) {
        spans.add(new int[] {start, end});
        i = end - 1;
      }
    }
    return spans;
  }

  /** Where the one to three name words before token {@code end} of an ampersand name begin ({@code end} when none). */
  private int wordsBefore(String[] tokens, int end) {
    int start = end;
    while (start > 0 && end - start < 3 && isAmpersandNameWord(tokens[start - 1])) {
      start--;
    }
    return start;
  }

  private boolean isAmpersandNameWord(String token) {
    return isNameWord(token) && !PersonNames.isTitle(token);
  }

  /**
   * The spans {start, end} of organisation names that end with an institution's head word
   * ({@link #HEADS}) after up to {@value #MAX_WORDS} capitalised words, and may go on with
   * {@code of} or {@code for}, maybe {@code the}, and up to four capitalised words or {@code and}
   * (one of the two at least) that begin no such name themselves: {@code New York Mercantile
   * Exchange}, {@code U.S. Embassy}, {@code First National Bank of Minneapolis}, {@code Bank of the
   * United States}; left to right. Not after {@code of the} a generic noun of bodies alone
   * ({@code a Department of the Government}), nor words that a name of their own goes on from
   * ({@code Penrose Fund} of {@code the Geological Society of America}). A head word followed by
   * another capitalised word or a legal form is inside a longer name, unless that word is the
   * name's acronym or a title.
   */
  List<int[]> headWordNames(String[] tokens) {
    return headWordNames(tokens, HEADS, true);
  }

  /**
   * Names of places that end with a head word ({@link #PLACE_HEADS}), by the rule of {@link
   * #headWordNames(String[])}, but going on with {@code of} only: {@code Gulf of Mexico}, not {@code
   * the Persian Gulf for the Soviet Union}.
   */
  List<int[]> placeNames(String[] tokens) {
    return headWordNames(tokens, PLACE_HEADS, false);
  }

  /**
   * Utilities named by a place the gazetteer knows and one of {@link #UTILITY_HEADS}, when no
   * capitalised word follows ({@code West Virginia Power from Dominion}; a legal form after it is
   * the legal-form rule's).
   *
   * @param places the spans {start, end} of the gazetteer's places in the sentence
   */
  List<int[]> utilitiesAfterPlaces(String[] tokens, List<int[]> places) {
    List<int[]> spans = new ArrayList<>();
    for (int[] place : places) {
      int head = place[1];
      if (head < tokens.length && UTILITY_HEADS.contains(tokens[head])
          && (head + 1 == tokens.length || !startsName(tokens[head + 1]))) {
        spans.add(new int[] {place[0], head + 1});
      }
    }
    return spans;
  }

  /**
   * Places named before a comma and a larger place the gazetteer knows, as news writes a town with
   * its state or country ({@code Hoffman Estates, Ill.}, {@code Paulsboro, New Jersey}): the one to
   * three capitalised words before the comma, when no capitalised word comes before them, none is
   * a legal form or a head word of {@link #HEADS}, the last is not an event's noun
   * ({@link #EVENT_NOUNS}), and the larger place ends a phrase (no
   * capitalised word or possessive follows it: {@code Glenn, Ohio Democrat}, {@code Exxon, China's}).
   *
   * @param regions the spans {start, end} of the gazetteer's places in the sentence
   */
  List<int[]> placesBeforeRegions(String[] tokens, List<int[]> regions) {
    List<int[]> spans = new ArrayList<>();
    for (int[] region : regions) {
      int comma = region[0] - 1;
      boolean endsPhrase = region[1] == tokens.length
          || !startsName(tokens[region[1]]) && !tokens[region[1]].equalsIgnoreCase("'s");
      if (comma < 1 || !tokens[comma].equals(",") || !endsPhrase || EVENT_NOUNS.contains(tokens[comma - 1])) {
        continue;
      }
      int start = comma;
      while (start > 0 && comma - start < 3 && isNameWord(tokens[start - 1]) && !HEADS.contains(tokens[start - 1])) {
        start--;
      }
      boolean whole = start == 0 || !startsName(tokens[start - 1]) && !isSuffix(tokens[start - 1]);
      if (start < comma && whole) {
        spans.add(new int[] {start, comma});
      }
    }
    return spans;
  }

  /**
   * Organisations named by an appositive: one to four capitalised words, then a comma, an article,
   * at most {@value #APPOSITIVE_WORDS} words other than stop words and one of {@link
   * #COMPANY_NOUNS} that ends the phrase (a stop word, punctuation or the sentence's end follows:
   * not {@code a bank economist}, not {@code the company's chairman}), when no capitalised word
   * comes before the name and it is not a gazetteer name ({@code Texas, the largest producer}).
   */
  List<int[]> appositiveNames(String[] tokens) {
    List<int[]> spans = new ArrayList<>();
    for (int i = 3; i < tokens.length; i++) {
      boolean endsPhrase = i + 1 == tokens.length || stopWords.contains(tokens[i + 1].toLowerCase(Locale.ROOT))
          && !tokens[i + 1].equalsIgnoreCase("'s") || !TokenRules.hasWordChar(tokens[i + 1]);
      if (!COMPANY_NOUNS.contains(tokens[i]) || !endsPhrase) {
        continue;
      }
      int article = i - 1;
      while (article > 1 && i - article <= APPOSITIVE_WORDS && !stopWords.contains(tokens[article].toLowerCase(Locale.ROOT))
          && TokenRules.hasWordChar(tokens[article])) {
        article--;
      }
      if (!ARTICLES.contains(tokens[article].toLowerCase(Locale.ROOT)) || !tokens[article - 1].equals(",")) {
        continue;
      }
      int comma = article - 1;
      int start = comma;
      while (start > 0 && comma - start < 4 && isNameWord(tokens[start - 1])) {
        start--;
      }
      String name = String.join(" ", Arrays.copyOfRange(tokens, start, comma));
      boolean whole = start == 0 || !startsName(tokens[start - 1]);
      if (start < comma && whole && !gazetteerNames.contains(name)) {
        spans.add(new int[] {start, comma});
      }
    }
    return spans;
  }

  /** @param orFor whether the name may go on with {@code for} as well as with {@code of} */
  private List<int[]> headWordNames(String[] tokens, Set<String> heads, boolean orFor) {
    List<int[]> spans = new ArrayList<>();
    for (int i = 1; i < tokens.length; i++) {
      if (!heads.contains(tokens[i])) {
        continue;
      }
      int start = nameStart(tokens, i, 1);
      boolean nameGoesOn = i + 1 < tokens.length && (isNameWord(tokens[i + 1]) || isSuffix(tokens[i + 1]))
          && !tokens[i + 1].equals(acronym(tokens, start, i + 1)) // Saudi Press Agency SPA
          && !PersonNames.isTitle(tokens[i + 1]); // Fundamental Management Chairman Carl Singer
      if (nameGoesOn) {
        continue; // Exchange in Securities and Exchange Commission; Holdings in MCV Holdings Inc
      }
      int end = i + 1;
      boolean ofOrFor = end + 1 < tokens.length && (tokens[end].equals("of") || orFor && tokens[end].equals("for"));
      boolean ofThe = ofOrFor && end + 2 < tokens.length && tokens[end + 1].equals("the");
      int name = ofThe ? end + 2 : end + 1; // the name's first word after of (the) or for (the)
      if (ofOrFor && isNameWord(tokens[name]) && !startsOfName(tokens, name, heads)) {
        end = name + 1; // Bank of America, Institute for Humanistic Studies, Department of the Interior
        int and = -1;
        while (end < tokens.length && end < name + 4 && !startsOfName(tokens, end, heads) && (isNameWord(tokens[end])
            || end + 1 < tokens.length && tokens[end].equals("and") && isNameWord(tokens[end + 1]))) {
          and = tokens[end].equals("and") ? end : and;
          end++; // Institute for Strategic Studies and Forecasting
        }
        if (and > 0 && end < tokens.length && isSuffix(tokens[end])) {
          end = and; // Bank of Minneapolis and Salomon Inc: two names
        }
        boolean nextName = end < tokens.length && startsOfName(tokens, end, heads); // Fund of the Geological Society of
        boolean genericBody = ofThe && end == name + 1 && NonNameSpans.GENERIC_BODIES.contains(tokens[name]);
        if (nextName || genericBody) {
          end = i + 1; // a Department of the Government: the head word's name ends with it
        }
      }
      if (end - start < 2) {
        continue; // a head word alone is not a name
      }
      if (spans.isEmpty() || spans.get(spans.size() - 1)[1] <= start) {
        spans.add(new int[] {start, end});
      }
      i = end - 1;
    }
    return spans;
  }

  /**
   * Whether a head word that goes on with {@code of} or {@code for} stands at {@code i}: a name of
   * its own, not the end of the name before it ({@code the Council of the League of Nations}).
   */
  private static boolean startsOfName(String[] tokens, int i, Set<String> heads) {
    return heads.contains(tokens[i]) && i + 1 < tokens.length
        && (tokens[i + 1].equals("of") || tokens[i + 1].equals("for"));
  }

  /**
   * Where the name that ends before token {@code end} starts: at the first of up to {@value
   * #MAX_WORDS} name words (counting {@code wordsBefore} already in it) and the words that join
   * them ({@link #joins}); {@code end} when there is none. A name joined by {@code and} does not
   * also take {@code of} before it: {@code Bank of Minneapolis and Salomon Inc} is two names. Before
   * a head word ({@code wordsBefore} 1) only {@code and} joins, and only one word to the head
   * ({@code Securities and Exchange Commission}): {@code Larry Eckenfelder of Prudential-Bache
   * Securities} is a person and a company, {@code Commission and Bank of America} two names.
   */
  private int nameStart(String[] tokens, int end, int wordsBefore) {
    int start = end;
    int words = wordsBefore;
    int joinedByAnd = -1;
    for (int j = end - 1; j >= 0 && words < MAX_WORDS; j--) {
      if (isNameWord(tokens[j])) {
        start = j;
        words++;
      } else if ((joins(tokens[j], words - wordsBefore) || joinsLetters(tokens, j)) && j > 0
          && isNameWord(tokens[j - 1])
          && (wordsBefore == 0 || (tokens[j].equals("and") || tokens[j].equals("&")) && words - wordsBefore == 1)) {
        if (tokens[j].equals("and") || tokens[j].equals("&")) {
          joinedByAnd = j;
        } else if (joinedByAnd >= 0 && tokens[j].equals("of")) {
          return joinedByAnd + 1;
        }
      } else {
        break;
      }
    }
    return start;
  }

  /**
   * Whether {@code token} joins two parts of a name whose part after it has {@code wordsAfter}
   * words: {@code of} and {@code for} always, {@code and} and {@code &} only before the legal form
   * or one word ({@code Hirsch and Co}, {@code Fenner and Smith Inc}; not {@code Redstone and MCV
   * Holdings Inc}), and a possessive inside a name ({@code Heinl's Nursery Inc}).
   */
  private static boolean joins(String token, int wordsAfter) {
    return token.equals("of") || token.equals("for") || token.equals("'s")
        || (token.equals("and") || token.equals("&")) && wordsAfter <= 1;
  }

  /** {@code and} or {@code &} between two single letters ({@code B and R}, {@code AT&T}'s {@code AT & T}). */
  private static boolean joinsLetters(String[] tokens, int j) {
    return (tokens[j].equals("and") || tokens[j].equals("&")) && j > 0 && j + 1 < tokens.length
        && SINGLE_LETTER.matcher(tokens[j - 1]).matches() && SINGLE_LETTER.matcher(tokens[j + 1]).matches();
  }

  /**
   * A capitalised word that is not a stop word ("The", "Its"), nor a legal form itself, nor a
   * compound with a lower-case part ("Miami-based").
   */
  boolean isNameWord(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0)) && !isSuffix(token)
        && !stopWords.contains(token.toLowerCase(Locale.ROOT)) && !hasLowerCasePart(token);
  }

  /** A capitalised word other than a stop word: one that may go on with the name before it. */
  boolean startsName(String token) {
    return stopWords.isCapitalisedWord(token);
  }

  private static boolean hasLowerCasePart(String token) {
    for (int i = token.indexOf('-'); i >= 0 && i + 1 < token.length(); i = token.indexOf('-', i + 1)) {
      if (Character.isLowerCase(token.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }
}
