package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.ner.MentionMerger.Candidate;
import org.presslens.transforms.text.StopWords;

/**
 * The name rules of the dictionary layer for organisations. Organisations named with their legal form ({@code Computer Terminal Systems Inc}, {@code Sedio
 * N.V.}, {@code Miller Tabak Hirsch and Co}): a legal-form word ({@link #SUFFIXES}) after one to
 * {@value #MAX_WORDS} capitalised words, which may be joined ({@link #joins}); the name starts at
 * its first capitalised word that is not a stop word. Business
 * news names most companies this way at first mention and by the words before the legal form
 * afterwards ({@code Computer Terminal}): after such a name, each run of its first words is a
 * mention of it later in the same document ({@link Document}).
 */
final class OrganisationNames {

  static final Set<String> SUFFIXES = Set.of("Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Cos", "Ltd", "Ltd.", "Plc",
      "PLC", "plc", "LP", "L.P.", "LLC", "N.V.", "NV", "AB", "SA", "S.A.", "Spa", "SpA", "AG", "GmbH", "KK", "B.V.", "Bhd");
  static final int MAX_WORDS = 6;
  /** Initials that begin a name ({@code E.F.} of {@code E.F. Hutton Group Inc}), left out of its short forms. */
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)+");

  private static final String ORGANIZATION = "organization";

  private final StopWords stopWords;
  /** The gazetteer's names, as tokens joined by spaces: never a short form. */
  private final Set<String> gazetteerNames;

  OrganisationNames(StopWords stopWords, Set<String> gazetteerNames) {
    this.stopWords = stopWords;
    this.gazetteerNames = gazetteerNames;
  }

  /** The rules for one document, which remember its organisations' short forms. */
  Document forDocument(Set<String> lowerCaseWords) {
    return new Document(lowerCaseWords);
  }

  /** The organisation rules within one document. */
  final class Document {
    private final Set<String> lowerCaseWords;
    /** The leading words of the organisation names with a legal form seen so far, each to the name's first mention. */
    private final Map<String, Mention> shortForms = new HashMap<>();
    private final Set<String> firstWords = new HashSet<>();

    private Document(Set<String> lowerCaseWords) {
      this.lowerCaseWords = lowerCaseWords;
    }

    /** Names with a legal form, and the leading words of one seen earlier (longest first), as dictionary candidates. */
    List<Candidate> candidates(String[] tokens) {
      List<Candidate> out = new ArrayList<>();
      for (int[] span : legalForms(tokens)) {
        out.add(new Candidate(span[0], span[1], ORGANIZATION, Mention.DICTIONARY, Double.NaN));
      }
      for (int i = 0; i < tokens.length && !shortForms.isEmpty(); i++) {
        if (!firstWords.contains(tokens[i])) {
          continue;
        }
        for (int k = Math.min(MAX_WORDS, tokens.length - i); k > 0; k--) {
          boolean nameGoesOn = i + k < tokens.length && startsName(tokens[i + k]); // Esselte Meto is not Esselte
          if (!nameGoesOn && shortForms.containsKey(String.join(" ", Arrays.copyOfRange(tokens, i, i + k)))) {
            out.add(new Candidate(i, i + k, ORGANIZATION, Mention.DICTIONARY, Double.NaN));
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

    /** The organisation whose short form {@code surface} is, or null. */
    Mention shortFormOf(String surface) {
      return shortForms.get(surface);
    }

    /**
     * Remembers the leading words of an organisation mention that ends with a legal form: each run
     * of its words from the first (and from the second when the first is initials), unless it ends with a stop word, is a gazetteer name (Hong Kong
     * in Hong Kong Electric Holdings Ltd), or is one word that the document also writes in lower case.
     */
    void remember(String[] tokens, int start, int end, Mention organisation) {
      int words = end;
      while (words > start && isSuffix(tokens[words - 1])) {
        words--;
      }
      if (words == end) {
        return;
      }
      rememberRuns(tokens, start, words, organisation);
      if (INITIALS.matcher(tokens[start]).matches() && start + 1 < words) {
        rememberRuns(tokens, start + 1, words, organisation); // Hutton after E.F. Hutton Group Inc
      }
    }

    private void rememberRuns(String[] tokens, int start, int words, Mention organisation) {
      for (int k = start + 1; k <= words; k++) {
        String last = tokens[k - 1].toLowerCase(Locale.ROOT);
        String form = String.join(" ", Arrays.copyOfRange(tokens, start, k));
        boolean oneCommonWord = k == start + 1 && lowerCaseWords.contains(last);
        if (!stopWords.contains(last) && !oneCommonWord && !gazetteerNames.contains(form)) {
          shortForms.putIfAbsent(form, organisation);
          firstWords.add(tokens[start]);
        }
      }
    }
  }

  static boolean isSuffix(String token) {
    return SUFFIXES.contains(token);
  }

  /** The spans {start, end} of organisation names with a legal form in a sentence's tokens, left to right. */
  List<int[]> legalForms(String[] tokens) {
    List<int[]> spans = new ArrayList<>();
    for (int i = 1; i < tokens.length; i++) {
      if (!isSuffix(tokens[i])) {
        continue;
      }
      int end = i + 1;
      while (end < tokens.length && isSuffix(tokens[end])) {
        end++; // Co Inc, Co Ltd
      }
      int start = i;
      int words = 0;
      for (int j = i - 1; j >= 0 && words < MAX_WORDS; j--) {
        if (isNameWord(tokens[j])) {
          start = j;
          words++;
        } else if (!(joins(tokens[j], words) && j > 0 && isNameWord(tokens[j - 1]))) {
          break;
        }
      }
      if (words > 0 && (spans.isEmpty() || spans.get(spans.size() - 1)[1] <= start)) {
        spans.add(new int[] {start, end});
      }
      i = end - 1;
    }
    return spans;
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

  /**
   * A capitalised word that is not a stop word ("The", "Its"), nor a legal form itself, nor a
   * compound with a lower-case part ("Miami-based").
   */
  private boolean isNameWord(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0)) && !isSuffix(token)
        && !stopWords.contains(token.toLowerCase(Locale.ROOT)) && !hasLowerCasePart(token);
  }

  /** A capitalised word other than a stop word: one that may go on with the name before it. */
  boolean startsName(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0))
        && !stopWords.contains(token.toLowerCase(Locale.ROOT));
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
