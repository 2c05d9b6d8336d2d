package org.presslens.transforms.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.util.Span;

/**
 * Joins sentences that OpenNLP's sentence detector cut after an abbreviation inside a name or a
 * sentence. A cut is undone when the sentence before it ends with an abbreviation (a word of up to
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

  /** A word of up to three letters with a full stop, or initials, at the end of a sentence. */
  private static final Pattern ABBREVIATION = Pattern.compile("(?:^|\\s)\\p{Lu}\\p{L}{0,2}\\.$|(?:^|\\s)(?:\\p{Lu}\\.){2,3}$");
  /** Initials, with the word before them when there is one. */
  private static final Pattern INITIALS = Pattern.compile("(?:^|(?:^|\\s)(\\S+)\\s+)(?:\\p{Lu}\\.){1,3}$");
  private static final StopWords STOP_WORDS = StopWords.english();
  /** A capitalised word without punctuation ({@code Clifford}; not {@code Washington,}). */
  private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}\\p{Ll}+");
  private static final Set<String> PREPOSITIONS = Set.of("of", "by", "from", "to", "with", "for", "and", "at");

  private SentenceJoins() {}

  /** The sentence spans of {@code text}, with the cuts described above undone. */
  static Span[] join(String text, Span[] spans) {
    if (spans.length < 2) {
      return spans;
    }
    List<Span> out = new ArrayList<>(spans.length);
    Span current = spans[0];
    for (int i = 1; i < spans.length; i++) {
      String next = text.substring(spans[i].getStart(), spans[i].getEnd());
      if (isFalseCut(text.substring(current.getStart(), current.getEnd()), next)) {
        current = new Span(current.getStart(), spans[i].getEnd());
      } else {
        out.add(current);
        current = spans[i];
      }
    }
    out.add(current);
    return out.size() == spans.length ? spans : out.toArray(Span[]::new);
  }

  private static boolean isFalseCut(String sentence, String next) {
    String end = sentence.stripTrailing();
    String[] nextWords = next.strip().split("\\s+", 3);
    int first = nextWords[0].isEmpty() ? -1 : nextWords[0].codePointAt(0);
    if (!Character.isLetter(first) || !ABBREVIATION.matcher(end).find()) {
      return false;
    }
    if (Character.isLowerCase(first)) {
      return true;
    }
    var initials = INITIALS.matcher(end);
    if (!Character.isUpperCase(first) || !initials.find()) {
      return false;
    }
    String before = initials.group(1);
    return initials.start(1) < 0 || NAME_WORD.matcher(before).matches() || PREPOSITIONS.contains(before)
        || nextWords.length > 1 && startsName(nextWords[0]) && startsName(nextWords[1]);
  }

  /** A capitalised word that is not a stop word ({@code Hutton}; not {@code The}). */
  private static boolean startsName(String word) {
    return Character.isUpperCase(word.codePointAt(0)) && !STOP_WORDS.contains(word.toLowerCase(Locale.ROOT));
  }
}
