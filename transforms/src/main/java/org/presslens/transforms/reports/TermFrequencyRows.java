package org.presslens.transforms.reports;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import org.presslens.transforms.model.TermTable;
import org.presslens.transforms.stats.Ranks;
import org.presslens.transforms.text.TermCounter;

/**
 * Orders the terms of one scope (the corpus, an outlet or a document) as the term-frequency
 * tables list them: by n, then count (descending); ranks per n with ties sharing the lowest rank.
 * Terms below {@code minCount} are dropped after ranking, so ranks do not depend on it. Within a
 * count, the first {@code ordered} listed terms of each n (the spreadsheet tier's) are in term
 * order; the rest, full-detail rows only, in a fixed order by the term's hash, which spares sorting
 * the long tail of terms counted once by their strings.
 */
public final class TermFrequencyRows {

  public static final String CORPUS = "corpus";
  public static final String OUTLET = "outlet";

  private TermFrequencyRows() {}

  /**
   * One listed term.
   *
   * @param documents documents of the scope that hold the term (1 for a document's own terms)
   * @param rank competition rank by count among the scope's terms of the same n
   * @param position the term's place among the listed terms of its n, from 0 (no ties): the
   *     spreadsheet tier keeps the first ones
   */
  public record Ranked(String term, int n, long count, long documents, int rank, int position) {}

  /** A term with what it is sorted by; compared field by field (the order of most terms never reaches their strings). */
  private static final class Entry implements Comparable<Entry> {
    final String term;
    final int n;
    final long count;
    final long documents;
    final int hash;

    Entry(String term, long count, long documents) {
      this.term = term;
      this.n = TermCounter.gramSize(term);
      this.count = count;
      this.documents = documents;
      this.hash = term.hashCode();
    }

    @Override
    public int compareTo(Entry o) {
      if (n != o.n) {
        return n < o.n ? -1 : 1;
      }
      if (count != o.count) {
        return count > o.count ? -1 : 1;
      }
      if (hash != o.hash) {
        return hash < o.hash ? -1 : 1;
      }
      return term.compareTo(o.term);
    }
  }

  private static final Comparator<Entry> BY_TERM = Comparator.comparing(e -> e.term);

  /**
   * Hands {@code out} the terms of {@code counts} with a count of at least {@code minCount}, in
   * order; the first {@code ordered} of each n strictly by (count descending, term).
   */
  public static void ranked(Map<String, ? extends Number> counts, long minCount, int ordered, Consumer<Ranked> out) {
    Entry[] entries = new Entry[counts.size()];
    int k = 0;
    for (Map.Entry<String, ? extends Number> e : counts.entrySet()) {
      entries[k++] = new Entry(e.getKey(), e.getValue().longValue(), 1);
    }
    rank(entries, minCount, ordered, out);
  }

  /** {@link #ranked(Map, long, int, Consumer)} of a summed table's counts. */
  public static void ranked(TermTable table, long minCount, int ordered, Consumer<Ranked> out) {
    Entry[] entries = new Entry[table.size()];
    int[] k = {0};
    table.forEach((term, count, documents) -> entries[k[0]++] = new Entry(term, count, documents));
    rank(entries, minCount, ordered, out);
  }

  private static void rank(Entry[] entries, long minCount, int ordered, Consumer<Ranked> out) {
    sort(entries);
    int start = 0;
    while (start < entries.length) {
      int n = entries[start].n;
      int end = start;
      while (end < entries.length && entries[end].n == n) {
        end++;
      }
      orderFirst(entries, start, end, minCount, ordered);
      long[] values = new long[end - start];
      for (int i = start; i < end; i++) {
        values[i - start] = entries[i].count;
      }
      int[] ranks = Ranks.competition(values);
      int position = 0;
      for (int i = start; i < end; i++) {
        Entry e = entries[i];
        if (e.count >= minCount) {
          out.accept(new Ranked(e.term, n, e.count, e.documents, ranks[i - start], position++));
        }
      }
      start = end;
    }
  }

  /** Largest n and count {@link #sort} packs into a key; a table beyond either is sorted as objects. */
  private static final int MAX_PACKED_N = 15;
  private static final long MAX_PACKED_COUNT = (1L << 28) - 1;
  private static final long POSITION_MASK = (1L << 31) - 1;

  /**
   * Sorts {@code entries} in {@link Entry#compareTo} order by primitive keys: each entry's n,
   * count (descending) and position packed into one long and sorted as numbers, then each run of
   * equal n and count by its hashes the same way, and entries of equal hashes by term. A table of
   * a whole corpus has millions of terms, and a comparator's calls through the objects were most of
   * ranking them.
   */
  private static void sort(Entry[] entries) {
    long[] keys = new long[entries.length];
    for (int i = 0; i < entries.length; i++) {
      Entry e = entries[i];
      if (e.n > MAX_PACKED_N || e.count > MAX_PACKED_COUNT || e.count < 0) {
        Arrays.sort(entries);
        return;
      }
      keys[i] = (long) e.n << 59 | (MAX_PACKED_COUNT - e.count) << 31 | i;
    }
    Arrays.sort(keys);
    Entry[] sorted = new Entry[entries.length];
    for (int i = 0; i < keys.length; i++) {
      sorted[i] = entries[(int) (keys[i] & POSITION_MASK)];
    }
    int start = 0;
    while (start < sorted.length) {
      int end = start + 1;
      while (end < sorted.length && keys[end] >>> 31 == keys[start] >>> 31) {
        end++;
      }
      if (end - start > 1) {
        sortByHash(sorted, start, end);
      }
      start = end;
    }
    System.arraycopy(sorted, 0, entries, 0, sorted.length);
  }

  /** Sorts entries[start, end) by hash (as signed ints), then term. */
  private static void sortByHash(Entry[] entries, int start, int end) {
    long[] keys = new long[end - start];
    for (int i = start; i < end; i++) {
      keys[i - start] = ((entries[i].hash ^ (long) Integer.MIN_VALUE) & 0xFFFFFFFFL) << 31 | (i - start);
    }
    Arrays.sort(keys);
    Entry[] run = Arrays.copyOfRange(entries, start, end);
    for (int i = 0; i < keys.length; i++) {
      entries[start + i] = run[(int) (keys[i] & POSITION_MASK)];
    }
    int from = start;
    while (from < end) {
      int to = from + 1;
      while (to < end && entries[to].hash == entries[from].hash) {
        to++;
      }
      if (to - from > 1) {
        Arrays.sort(entries, from, to, BY_TERM);
      }
      from = to;
    }
  }

  /** Sorts by term each group of equal counts that holds one of the first {@code ordered} listed terms of [start, end). */
  private static void orderFirst(Entry[] entries, int start, int end, long minCount, int ordered) {
    int listed = 0;
    int group = start;
    while (group < end && listed < ordered && entries[group].count >= minCount) {
      int next = group;
      while (next < end && entries[next].count == entries[group].count) {
        next++;
      }
      Arrays.sort(entries, group, next, BY_TERM);
      listed += next - group;
      group = next;
    }
  }
}
