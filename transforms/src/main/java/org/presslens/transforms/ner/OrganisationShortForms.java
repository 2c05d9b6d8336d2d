package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.ner.MentionMerger.Candidate;

/**
 * The organisation rules of {@link OrganisationNames} within one document: the names its
 * sentences give by those rules, and the short forms those names have later in the document
 * ({@link #remember}).
 */
final class OrganisationShortForms {

  /** Words that name a company as a group of companies, not a distinct company. */
  private static final Set<String> GROUP_WORDS = Set.of("Group", "Holding", "Holdings");

  private final OrganisationNames names;
  private final Set<String> lowerCaseWords;
  /** The leading words of the organisation names with a legal form seen so far, each to the name's first mention. */
  private final Map<String, Mention> shortForms = new HashMap<>();
  /** The short forms that are a whole name but for its legal form and group words (Hutton of E.F. Hutton Group Inc). */
  private final Set<String> wholeNames = new HashSet<>();
  /** The first words of the short forms, each with the number of words of its longest form. */
  private final Map<String, Integer> longestFrom = new HashMap<>();
  /** The acronyms of the names seen so far, each to the name's first mention, in the order seen. */
  private final Map<String, Mention> acronyms = new LinkedHashMap<>();
  /** The names found by the head-word and ticker rules, as tokens joined by spaces. */
  private final Set<String> namesWithoutLegalForm = new HashSet<>();

  OrganisationShortForms(OrganisationNames names, Set<String> lowerCaseWords) {
    this.names = names;
    this.lowerCaseWords = lowerCaseWords;
  }

  /**
   * Names with a legal form, names with a head word, names before a stock ticker, named parts of
   * companies, names joined by an ampersand, and the short forms of such names seen earlier (longest first), as dictionary
   * candidates; and places named by their head word.
   */
  List<Candidate> candidates(String[] tokens) {
    List<Candidate> out = new ArrayList<>();
    List<int[]> withoutLegalForm = new ArrayList<>();
    if (OrganisationNames.hasRuleWord(tokens)) { // most sentences have none
      for (int[] span : names.legalForms(tokens)) {
        out.add(new Candidate(span[0], span[1], OrganisationNames.ORGANIZATION, Mention.DICTIONARY, Double.NaN));
      }
      withoutLegalForm.addAll(names.headWordNames(tokens));
      withoutLegalForm.addAll(names.tickerNames(tokens));
      withoutLegalForm.addAll(names.unitNames(tokens));
      withoutLegalForm.addAll(names.appositiveNames(tokens));
      withoutLegalForm.addAll(names.ampersandNames(tokens));
      for (int[] span : names.placeNames(tokens)) {
        out.add(new Candidate(span[0], span[1], OrganisationNames.LOCATION, Mention.DICTIONARY, Double.NaN));
      }
    }
    for (int[] span : withoutLegalForm) {
      out.add(new Candidate(span[0], span[1], OrganisationNames.ORGANIZATION, Mention.DICTIONARY, Double.NaN));
      namesWithoutLegalForm.add(String.join(" ", Arrays.copyOfRange(tokens, span[0], span[1])));
    }
    for (int i = 0; i < tokens.length && !longestFrom.isEmpty(); i++) {
      Integer longest = longestFrom.get(tokens[i]);
      boolean capitals = tokens[i].length() > 3 && Character.isUpperCase(tokens[i].charAt(1));
      Mention acronymOf = longest == null && capitals && !acronyms.isEmpty() ? extendedAcronym(tokens[i]) : null;
      if (acronymOf != null) {
        addShortForm(tokens[i], acronymOf);
        longest = 1;
      }
      if (longest == null) {
        continue;
      }
      // a capitalised word before it, other than a sentence's first: inside another name
      boolean inOtherName = i > 1 && names.isNameWord(tokens[i - 1])
          && !OrganisationNames.CAPITALS.matcher(tokens[i]).matches();
      if (inOtherName) {
        continue; // South American is not American Transport Lines Inc
      }
      for (int k = Math.min(longest, tokens.length - i); k > 0; k--) {
        // Esselte Meto is not Esselte; NYMEX President Rosemary McFadden is NYMEX
        boolean nameGoesOn = i + k < tokens.length && names.startsName(tokens[i + k]) && !PersonNames.isTitle(tokens[i + k]);
        if (!nameGoesOn && shortForms.containsKey(String.join(" ", Arrays.copyOfRange(tokens, i, i + k)))) {
          out.add(new Candidate(i, i + k, OrganisationNames.ORGANIZATION, Mention.DICTIONARY, Double.NaN));
          i += k - 1;
          break;
        }
      }
    }
    return out;
  }

  /** How many short forms the document has given so far. */
  int shortFormCount() {
    return shortForms.size();
  }

  /** Whether the document writes this lower-case word in lower case somewhere. */
  boolean isWrittenInLowerCase(String word) {
    return lowerCaseWords.contains(word);
  }

  /** The organisation whose short form {@code surface} is, or null. */
  Mention shortFormOf(String surface) {
    return shortForms.get(surface);
  }

  /**
   * Remembers the short forms of an organisation mention found by a name rule: of a name with a
   * legal form, each run of its words from the first (and from the second when the first is
   * initials; from the word after it when the legal form comes first: Providentia of Forvaltnings AB
   * Providentia), unless it ends with a stop word, is a gazetteer name (Hong Kong in Hong Kong
   * Electric Holdings Ltd), or is one word that the document also writes in lower case; of a name
   * with a head word or before a ticker, the whole name (Swedish Match), and the head word alone
   * unless the document also writes it in lower case (the Bank after the World Bank). Also a word of three or
   * more capitals after the name's first word (TVX of Consolidated TVX Mining Corp) and the name's
   * acronym of three or more capitals (DRS for Diagnostic Retrieval Systems Inc, SPA for Saudi
   * Press Agency), also with up to two more capitals after it (NYMEX for New York Mercantile
   * Exchange).
   */
  void remember(String[] tokens, int start, int end, Mention organisation) {
    for (int p = start; p < end - 1; p++) {
      if (OrganisationNames.PREFIX_FORMS.contains(tokens[p])) {
        rememberRuns(tokens, p + 1, end, organisation); // Providentia after Forvaltnings AB Providentia
        return;
      }
    }
    int words = end;
    while (words > start && OrganisationNames.isSuffix(tokens[words - 1])) {
      words--;
    }
    boolean ruleName = namesWithoutLegalForm.contains(String.join(" ", Arrays.copyOfRange(tokens, start, end)));
    if (words == end && !ruleName) {
      return;
    }
    if (ruleName) {
      addShortForm(String.join(" ", Arrays.copyOfRange(tokens, start, end)), organisation);
      String head = tokens[end - 1];
      boolean writtenInLowerCase = lowerCaseWords.contains(head.toLowerCase(Locale.ROOT));
      if (OrganisationNames.HEADS.contains(head) && end - start > 1 && !writtenInLowerCase) {
        addShortForm(head, organisation); // the Bank after the World Bank
      }
    } else {
      rememberRuns(tokens, start, words, organisation);
      if (OrganisationNames.INITIALS.matcher(tokens[start]).matches() && start + 1 < words) {
        rememberRuns(tokens, start + 1, words, organisation); // Hutton after E.F. Hutton Group Inc
      }
    }
    for (int i = start + 1; i < words; i++) {
      if (OrganisationNames.CAPITALS.matcher(tokens[i]).matches() && !names.gazetteerNames().contains(tokens[i])) {
        addShortForm(tokens[i], organisation); // TVX of Consolidated TVX Mining Corp
      }
    }
    String acronym = OrganisationNames.acronym(tokens, start, words);
    if (acronym.length() >= 3 && !names.gazetteerNames().contains(acronym)) {
      addShortForm(acronym, organisation);
      acronyms.putIfAbsent(acronym, organisation);
    }
  }

  /**
   * The organisation whose acronym begins a word of capitals that is at most two letters longer
   * ({@code NYMEX} after {@code New York Mercantile Exchange}, acronym {@code NYME}), or null.
   */
  private Mention extendedAcronym(String token) {
    for (Map.Entry<String, Mention> e : acronyms.entrySet()) {
      int extra = token.length() - e.getKey().length();
      boolean capitals = OrganisationNames.CAPITALS.matcher(token).matches();
      if (extra > 0 && extra <= 2 && token.startsWith(e.getKey()) && capitals) {
        return e.getValue();
      }
    }
    return null;
  }

  private void addShortForm(String form, Mention organisation) {
    addShortForm(form, organisation, false);
  }

  /**
   * Maps a short form to the first organisation that has it, unless a later organisation's whole
   * name is the form while the first's is longer: Hutton after E.F. Hutton LBO Inc and E.F. Hutton
   * Group Inc is the group (as a reader takes it; the LBO unit's short form is Hutton LBO).
   */
  private void addShortForm(String form, Mention organisation, boolean wholeName) {
    if (wholeName && wholeNames.add(form) && shortForms.containsKey(form)) {
      shortForms.put(form, organisation);
      return;
    }
    if (shortForms.putIfAbsent(form, organisation) == null) {
      int space = form.indexOf(' ');
      int words = (int) form.chars().filter(c -> c == ' ').count() + 1;
      longestFrom.merge(space < 0 ? form : form.substring(0, space), words, Math::max);
    }
  }

  private void rememberRuns(String[] tokens, int start, int words, Mention organisation) {
    for (int k = start + 1; k <= words; k++) {
      String last = tokens[k - 1].toLowerCase(Locale.ROOT);
      String form = String.join(" ", Arrays.copyOfRange(tokens, start, k));
      boolean oneCommonWord = k == start + 1 && lowerCaseWords.contains(last);
      if (!names.stopWords().contains(last) && !oneCommonWord && !names.gazetteerNames().contains(form)) {
        addShortForm(form, organisation, onlyGroupWords(tokens, k, words));
      }
    }
  }

  /** Whether tokens {@code from} to {@code to} are all words of a group's name (none at all counts). */
  private static boolean onlyGroupWords(String[] tokens, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!GROUP_WORDS.contains(tokens[i])) {
        return false;
      }
    }
    return true;
  }
}
