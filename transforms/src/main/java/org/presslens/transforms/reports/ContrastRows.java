package org.presslens.transforms.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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
   * The statistics that do not depend on the other terms, in rank order: over-used first, then
   * by |z| and G2 (both descending), then by term; compared field by field.
   */
  private record Tested(String term, TwoByTwo table, double z, double g2, double p, int index)
      implements Comparable<Tested> {
    @Override
    public int compareTo(Tested o) {
      boolean over = table.overused();
      if (over != o.table.overused()) {
        return over ? -1 : 1;
      }
      int byZ = Double.compare(Math.abs(o.z), Math.abs(z));
      if (byZ != 0) {
        return byZ;
      }
      int byG2 = Double.compare(o.g2, g2);
      return byG2 != 0 ? byG2 : term.compareTo(o.term);
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
    List<Tested> tested = new ArrayList<>();
    for (String term : terms) {
      long a = target.count().applyAsLong(term);
      long b = reference.count().applyAsLong(term);
      if (a + b >= options.minCount()) {
        TwoByTwo t = new TwoByTwo(a, b, target.words(), reference.words());
        double g2 = Keyness.g2(t);
        double z = WeightedLogOdds.of(t, corpus.count().applyAsLong(term), corpus.words(), options.priorScale()).z();
        tested.add(new Tested(term, t, z, g2, Keyness.pValue(g2), tested.size()));
      }
    }
    double[] q = BenjaminiHochberg.adjust(tested.stream().mapToDouble(Tested::p).toArray());
    Tested[] order = tested.toArray(Tested[]::new);
    Arrays.sort(order);
    List<Contrast> ranked = new ArrayList<>(tested.size());
    int rank = 0;
    for (int k = 0; k < order.length; k++) {
      Tested t = order[k];
      boolean over = t.table().overused();
      rank = k > 0 && order[k - 1].table().overused() == over ? rank + 1 : 1;
      ranked.add(new Contrast(t.term(), t.table(), t.z(), t.g2(), t.p(), q[t.index()],
          Keyness.logRatio(t.table()), Keyness.percentDiff(t.table()),
          QuantedaKeyness.chi2(t.table(), Correction.DEFAULT), QuantedaKeyness.lr(t.table(), Correction.DEFAULT), over, rank));
    }
    return ranked;
  }

  /** The report row of one contrast, in {@link OutletContrastReport#SPEC} column order. */
  public static List<?> row(String outlet, String reference, Contrast c) {
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
        c.rank());
  }
}
