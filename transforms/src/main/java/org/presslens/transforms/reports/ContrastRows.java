package org.presslens.transforms.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.presslens.transforms.stats.BenjaminiHochberg;
import org.presslens.transforms.stats.Keyness;
import org.presslens.transforms.stats.QuantedaKeyness;
import org.presslens.transforms.stats.QuantedaKeyness.Correction;
import org.presslens.transforms.stats.TermWeights;
import org.presslens.transforms.stats.TwoByTwo;
import org.presslens.transforms.stats.WeightedLogOdds;
import org.presslens.transforms.text.TermCounter;

/**
 * Computes the contrast of one target (an outlet) against one reference (the other outlets
 * pooled, or one other outlet): every statistic per term, q-values across the tested terms, and
 * the rank within each direction by |z| of the weighted log-odds.
 */
public final class ContrastRows {

  private ContrastRows() {}

  /** Word counts of one side of a comparison. */
  public record Side(ToLongFunction<String> count, long words) {}

  /** One tested term with all its statistics. */
  public record Contrast(
      String term, TwoByTwo table, double z, double g2, double p, double q, double logRatio, double pctDiff,
      double chi2, double lr, boolean over, int rank) {}

  /**
   * The statistics of one count pattern: the target and reference counts and the term's corpus
   * count decide every statistic, and the long tail of rare terms shares a few patterns, so each
   * pattern is computed once.
   */
  private record Stats(TwoByTwo table, double z, double g2, double p, double logRatio, double pctDiff, double chi2,
      double lr, boolean over, double absZ) {

    static Stats of(TwoByTwo t, long corpusCount, Side corpus, ContrastOptions options) {
      double g2 = Keyness.g2(t);
      double z = WeightedLogOdds.of(t, corpusCount, corpus.words(), options.priorScale()).z();
      return new Stats(t, z, g2, Keyness.pValue(g2), Keyness.logRatio(t), Keyness.percentDiff(t),
          QuantedaKeyness.chi2(t, Correction.DEFAULT), QuantedaKeyness.lr(t, Correction.DEFAULT), t.overused(), Math.abs(z));
    }
  }

  /** The counts that decide a term's statistics. */
  private record Pattern(long a, long b, long corpus) {}

  /**
   * A tested term, in rank order: over-used first, then by |z| and G2 (both descending), then by
   * term. Comparisons look at numbers first (the first four characters of the term packed into
   * {@code prefix} order terms as {@link String#compareTo} does), so that the many terms that share
   * a pattern are rarely compared as strings.
   */
  private record Tested(String term, Stats stats, long prefix, int index) implements Comparable<Tested> {
    Tested(String term, Stats stats, int index) {
      this(term, stats, prefix(term), index);
    }

    @Override
    public int compareTo(Tested o) {
      Stats s = stats;
      Stats t = o.stats;
      if (s != t) {
        if (s.over() != t.over()) {
          return s.over() ? -1 : 1;
        }
        int byZ = Double.compare(t.absZ(), s.absZ());
        if (byZ != 0) {
          return byZ;
        }
        int byG2 = Double.compare(t.g2(), s.g2());
        if (byG2 != 0) {
          return byG2;
        }
      }
      return prefix != o.prefix ? Long.compareUnsigned(prefix, o.prefix) : term.compareTo(o.term);
    }

    private static long prefix(String term) {
      long packed = 0;
      for (int i = 0; i < 4; i++) {
        packed = (packed << 16) | (i < term.length() ? term.charAt(i) : 0);
      }
      return packed;
    }
  }

  /**
   * @param terms candidate terms (those occurring in target or reference)
   * @param corpus the whole corpus, the source of the log-odds prior
   */
  public static List<Contrast> compute(Collection<String> terms, Side target, Side reference, Side corpus, ContrastOptions options) {
    if (target.words() == 0 || reference.words() == 0) {
      return List.of();
    }
    Map<Pattern, Stats> patterns = new HashMap<>();
    List<Tested> tested = new ArrayList<>();
    for (String term : terms) {
      long a = target.count().applyAsLong(term);
      long b = reference.count().applyAsLong(term);
      if (a + b >= options.minCount()) {
        long corpusCount = corpus.count().applyAsLong(term);
        Stats stats = patterns.computeIfAbsent(new Pattern(a, b, corpusCount),
            k -> Stats.of(new TwoByTwo(a, b, target.words(), reference.words()), corpusCount, corpus, options));
        tested.add(new Tested(term, stats, tested.size()));
      }
    }
    double[] q = BenjaminiHochberg.adjust(tested.stream().mapToDouble(t -> t.stats().p()).toArray());
    Tested[] order = tested.toArray(Tested[]::new);
    Arrays.sort(order);
    List<Contrast> ranked = new ArrayList<>(tested.size());
    int rank = 0;
    for (int k = 0; k < order.length; k++) {
      Stats s = order[k].stats();
      boolean over = s.over();
      rank = k > 0 && order[k - 1].stats().over() == over ? rank + 1 : 1;
      ranked.add(new Contrast(order[k].term(), s.table(), s.z(), s.g2(), s.p(), q[order[k].index()],
          s.logRatio(), s.pctDiff(), s.chi2(), s.lr(), over, rank));
    }
    return ranked;
  }

  /**
   * The report row of one contrast, in {@link OutletContrastReport#SPEC} column order.
   *
   * @param folded the terms folded into this one in the top list ({@link NestedTerms}), joined by "; "
   */
  public static List<?> row(String outlet, String reference, Contrast c, String folded) {
    TwoByTwo t = c.table();
    return List.of(
        outlet,
        reference,
        c.term(),
        TermCounter.gramSize(c.term()),
        (long) t.a(),
        (long) t.b(),
        TermWeights.per10k((long) t.a(), (long) t.targetTotal()),
        TermWeights.per10k((long) t.b(), (long) t.referenceTotal()),
        c.z(),
        c.g2(),
        c.p(),
        c.q(),
        c.logRatio(),
        c.pctDiff(),
        c.chi2(),
        c.lr(),
        c.over() ? "over" : "under",
        c.rank(),
        folded);
  }
}
