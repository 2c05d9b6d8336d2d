package org.presslens.transforms.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Top lists without echoes: in a ranked list of terms, a term that nests with a term listed above
 * it (one is a run of whole words of the other: {@code collective} and {@code collective security},
 * {@code collective security} and {@code collective security system}) is folded into that term
 * when at least {@value #SHARE} of the shorter term's occurrences are occurrences of the longer
 * one: the shorter word is then (almost) only ever said as part of the phrase, or the longer
 * phrase adds nothing to the shorter one, and listing both says the same thing twice. A shorter
 * term that is also used on its own ({@code security} with a fifth of its occurrences outside
 * {@code collective security}) keeps its own place. This is the idea of quanteda's
 * {@code count_nested}, applied to the listed terms only; the full-detail tables keep every term.
 */
public final class NestedTerms {

  /** Share of the shorter term's occurrences that must lie inside the longer one for the two to be echoes. */
  public static final double SHARE = 0.8;

  private NestedTerms() {}

  /** A listed item and the terms folded into it, in rank order. */
  public record Listed<T>(T item, List<String> folded) {}

  /**
   * The first {@code limit} items of {@code ranked} that are not echoes of an item listed before
   * them, each with the terms folded into it.
   *
   * @param count the occurrences of an item's term on the side the list is about (e.g. the
   *     outlet's count for its over-used terms)
   */
  public static <T> List<Listed<T>> fold(List<T> ranked, Function<T, String> term, ToLongFunction<T> count, int limit) {
    List<Listed<T>> listed = new ArrayList<>();
    List<String> listedTerms = new ArrayList<>();
    for (T item : ranked) {
      if (listed.size() >= limit) {
        break;
      }
      String candidate = term.apply(item);
      int into = echoOf(candidate, count.applyAsLong(item), listed, listedTerms, count);
      if (into >= 0) {
        listed.get(into).folded().add(candidate);
      } else {
        listed.add(new Listed<>(item, new ArrayList<>()));
        listedTerms.add(candidate);
      }
    }
    return listed;
  }

  /** The index of the first listed term the candidate is an echo of, or -1. */
  private static <T> int echoOf(String candidate, long candidateCount, List<Listed<T>> listed, List<String> listedTerms,
      ToLongFunction<T> count) {
    for (int i = 0; i < listed.size(); i++) {
      String other = listedTerms.get(i);
      boolean candidateLonger = candidate.length() > other.length();
      String longer = candidateLonger ? candidate : other;
      String shorter = candidateLonger ? other : candidate;
      if (longer.length() == shorter.length() || !containsWords(longer, shorter)) {
        continue;
      }
      long otherCount = count.applyAsLong(listed.get(i).item());
      long longerCount = candidateLonger ? candidateCount : otherCount;
      long shorterCount = candidateLonger ? otherCount : candidateCount;
      if (shorterCount > 0 && longerCount >= SHARE * shorterCount) {
        return i;
      }
    }
    return -1;
  }

  /** True when {@code part} is a run of whole words of {@code whole} (words separated by single spaces). */
  static boolean containsWords(String whole, String part) {
    int from = 0;
    while (true) {
      int at = whole.indexOf(part, from);
      if (at < 0) {
        return false;
      }
      int end = at + part.length();
      if ((at == 0 || whole.charAt(at - 1) == ' ') && (end == whole.length() || whole.charAt(end) == ' ')) {
        return true;
      }
      from = at + 1;
    }
  }
}
