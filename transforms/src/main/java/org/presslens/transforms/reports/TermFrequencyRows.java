package org.presslens.transforms.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.presslens.transforms.stats.Ranks;
import org.presslens.transforms.text.TermCounter;

/**
 * Orders the terms of one scope (the corpus, an outlet or a document) as the term-frequency
 * tables list them: by n, then count (descending), then term; ranks per n with ties sharing the
 * lowest rank. Terms below {@code minCount} are dropped after ranking, so ranks do not depend on it.
 */
public final class TermFrequencyRows {

  public static final String CORPUS = "corpus";
  public static final String OUTLET = "outlet";

  private TermFrequencyRows() {}

  /**
   * One listed term.
   *
   * @param rank competition rank by count among the scope's terms of the same n
   * @param position the term's place among the listed terms of its n, from 0 (no ties): the
   *     spreadsheet tier keeps the first ones
   */
  public record Ranked(String term, int n, long count, int rank, int position) {}

  /** Hands {@code out} the terms of {@code counts} with a count of at least {@code minCount}, in order. */
  public static void ranked(Map<String, ? extends Number> counts, long minCount, Consumer<Ranked> out) {
    record Entry(String term, int n, long count) {}
    List<Entry> entries = new ArrayList<>(counts.size());
    counts.forEach((term, count) -> entries.add(new Entry(term, TermCounter.gramSize(term), count.longValue())));
    entries.sort(Comparator.comparingInt(Entry::n)
        .thenComparing(Comparator.comparingLong(Entry::count).reversed())
        .thenComparing(Entry::term));

    int start = 0;
    while (start < entries.size()) {
      int n = entries.get(start).n();
      int end = start;
      while (end < entries.size() && entries.get(end).n() == n) {
        end++;
      }
      long[] values = entries.subList(start, end).stream().mapToLong(Entry::count).toArray();
      int[] ranks = Ranks.competition(values);
      int position = 0;
      for (int i = start; i < end; i++) {
        Entry e = entries.get(i);
        if (e.count() >= minCount) {
          out.accept(new Ranked(e.term(), n, e.count(), ranks[i - start], position++));
        }
      }
      start = end;
    }
  }
}
