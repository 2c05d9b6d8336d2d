package org.presslens.transforms.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.presslens.transforms.stats.Numbers;
import org.presslens.transforms.stats.Ranks;
import org.presslens.transforms.stats.TermWeights;
import org.presslens.transforms.text.TermCounter;

/**
 * Builds the term-frequency rows of one scope (the corpus, an outlet or a document): terms
 * ordered by n, then count (descending), then term; ranks per n with ties sharing the lowest
 * rank. Rows below {@code minCount} are dropped after ranking so ranks do not depend on it.
 */
public final class TermFrequencyRows {

  public static final String CORPUS = "corpus";
  public static final String OUTLET = "outlet";
  public static final String DOCUMENT = "document";

  private TermFrequencyRows() {}

  /**
   * @param docFreq documents containing each term, as reported in doc_freq
   * @param tfIdfDocuments corpus document count when tf-idf is reported (document scope), else 0
   * @param rows receives the rows in report order
   */
  public static void rows(
      String scope,
      String scopeKey,
      Map<String, ? extends Number> counts,
      long words,
      ToIntFunction<String> docFreq,
      int tfIdfDocuments,
      long minCount,
      Consumer<List<String>> rows) {
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
      for (int i = start; i < end; i++) {
        Entry e = entries.get(i);
        if (e.count() < minCount) {
          continue;
        }
        int df = docFreq.applyAsInt(e.term());
        String tfIdf = tfIdfDocuments > 0 ? Numbers.decimal(TermWeights.tfIdf(e.count(), df, tfIdfDocuments), 4) : "";
        rows.accept(List.of(
            scope,
            scopeKey,
            e.term(),
            Integer.toString(n),
            Long.toString(e.count()),
            Numbers.decimal(TermWeights.per10k(e.count(), words), 4),
            Integer.toString(df),
            tfIdf,
            Integer.toString(ranks[i - start])));
      }
      start = end;
    }
  }
}
