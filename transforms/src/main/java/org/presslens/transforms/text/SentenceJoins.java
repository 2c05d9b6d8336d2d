package org.presslens.transforms.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.util.Span;

/**
 * Joins sentences that OpenNLP's sentence detector cut after an abbreviation inside a name or a
 * sentence. A cut is undone when the next sentence starts with a mark that cannot begin one (a
 * comma, semicolon, colon, closing bracket or ampersand: {@code Sarasota , Fla . | , for the occasion}, as
 * pre-tokenized text writes it), when the sentence before it ends with a title that only ever
 * comes before a name ({@code Mrs. | Clinton B. King}) or with {@code St.}, {@code Mt.} or {@code Ft.}
 * after a word that is not capitalised (a saint's, mount's or fort's name follows: {@code in St. |
 * Louis}; not {@code Main St. | The}), and when it ends with an abbreviation (a word of up to
 * three letters with a full stop: {@code Jr.}, {@code Inc.}, {@code L.}; or initials: {@code E.F.})
 * and
 *
 * <ul>
 *   <li>the next sentence starts with a lower-case letter ({@code Alexander Jr. | has resigned}), or
 *   <li>the abbreviation is initials, the next sentence starts with a capital, and the initials
 *       are the whole sentence, or come after a capitalised word or a preposition (a middle initial,
 *       {@code Clifford L. | Alexander}; a name's initials, {@code of E.F. | Hutton}), or the next
 *       sentence starts with two capitalised words of a name ({@code the E.F. | Hutton Group}).
 *       Other initials ({@code into the U.S. | Analysts said}) still end a sentence.
 * </ul>
 */
final class SentenceJoins {

  /** A word of up to three letters with a full stop ({@code Jr.}, {@code L.}). */
  private static final Pattern SHORT_ABBREVIATION = Pattern.compile("\\p{Lu}\\p{L}{0,2}\\.");
  /** Initials: one to three capitals, each with a full stop. */
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.){1,3}");
  /** A capitalised word without punctuation ({@code Clifford}; not {@code Washington,}). */
  private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}\\p{Ll}+");
  private static final Set<String> PREPOSITIONS = Set.of("of", "by", "from", "to", "with", "for", "and", "at");
  private static final StopWords STOP_WORDS = StopWords.english();

  private SentenceJoins() {}

  /** The sentence spans of {@code text}, with the cuts described above undone. */
  static Span[] join(String text, Span[] spans) {
    if (spans.length < 2) {
      return spans;
    }
    List<Span> out = new ArrayList<>(spans.length);
    Span current = spans[0];
    for (int i = 1; i < spans.length; i++) {
      if (isFalseCut(text, current, spans[i])) {
        current = new Span(current.getStart(), spans[i].getEnd());
      } else {
        out.add(current);
        current = spans[i];
      }
    }
    out.add(current);
    return out.size() == spans.length ? spans : out.toArray(Span[]::new);
  }

  /** Whether the cut between {@code sentence} and {@code next} is one of those described above. */
  private static boolean isFalseCut(String text, Span sentence, Span next) {
    int nextStart = next.getStart();
    while (nextStart < next.getEnd() && Character.isWhitespace(text.charAt(nextStart))) {
      nextStart++;
    }
    if (nextStart < next.getEnd() && ",;:)]&".indexOf(text.charAt(nextStart)) >= 0) {
      return true;
    }
    int end = sentence.getEnd();
    while (end > sentence.getStart() && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end - sentence.getStart() < 2 || text.charAt(end - 1) != '.') {
      return false; // most sentences: no full stop of an abbreviation at the end
    }
    int lastStart = wordStart(text, sentence.getStart(), end);
    if (Titles.ABBREVIATED.contains(text.substring(lastStart, end)) || isSaint(text, sentence, lastStart, end)) {
      return true;
    }
    if (end - lastStart > 6 || !Character.isUpperCase(text.charAt(lastStart))) {
      return false; // not a short capitalised word nor initials
    }
    String last = text.substring(lastStart, end);
    boolean initials = INITIALS.matcher(last).matches();
    if (!initials && !SHORT_ABBREVIATION.matcher(last).matches()) {
      return false;
    }
    String[] nextWords = text.substring(next.getStart(), next.getEnd()).strip().split("\\s+", 3);
    int first = nextWords[0].isEmpty() ? -1 : nextWords[0].codePointAt(0);
    if (Character.isLowerCase(first)) {
      return true;
    }
    if (!initials || !Character.isUpperCase(first)) {
      return false;
    }
    int beforeEnd = lastStart;
    while (beforeEnd > sentence.getStart() && Character.isWhitespace(text.charAt(beforeEnd - 1))) {
      beforeEnd--;
    }
    String before = text.substring(wordStart(text, sentence.getStart(), beforeEnd), beforeEnd);
    return before.isEmpty() || NAME_WORD.matcher(before).matches() || PREPOSITIONS.contains(before)
        || nextWords.length > 1 && STOP_WORDS.isCapitalisedWord(nextWords[0]) && STOP_WORDS.isCapitalisedWord(nextWords[1]);
  }

  /**
   * Whether the sentence ends with {@code St.}, {@code Mt.} or {@code Ft.} standing for a saint, a
   * mount or a fort, which a name always follows: after no word or after a word that is not
   * capitalised or is a possessive ({@code in St. | Louis}, {@code Danny's St. | Jude}). After a capitalised word it is
   * a street or may end the sentence ({@code on Main St. | The}).
   */
  private static boolean isSaint(String text, Span sentence, int lastStart, int end) {
    if (!Titles.PLACE_PREFIXES.contains(text.substring(lastStart, end))) {
      return false;
    }
    int beforeEnd = lastStart;
    while (beforeEnd > sentence.getStart() && Character.isWhitespace(text.charAt(beforeEnd - 1))) {
      beforeEnd--;
    }
    String before = text.substring(wordStart(text, sentence.getStart(), beforeEnd), beforeEnd);
    boolean possessive = before.endsWith("'s") || before.endsWith("\u2019s");
    return before.isEmpty() || possessive || !Character.isUpperCase(before.codePointAt(0));
  }

  /** Where the word that ends at {@code end} starts (after white space, or at {@code from}). */
  private static int wordStart(String text, int from, int end) {
    int start = end;
    while (start > from && !Character.isWhitespace(text.charAt(start - 1))) {
      start--;
    }
    return start;
  }
}
