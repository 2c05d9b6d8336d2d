package org.presslens.transforms.reports;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
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
  public record Side(ToLongFunction<String> count, long words) {

    /** This side's counts of the given terms, in their order. */
    Counts of(String[] terms) {
      long[] perTerm = new long[terms.length];
      for (int i = 0; i < terms.length; i++) {
        perTerm[i] = count.applyAsLong(terms[i]);
      }
      return new Counts(perTerm, words);
    }
  }

  /**
   * Word counts of one side of a comparison as an array beside the compared terms: a caller that
   * tests one vocabulary many times looks each term up once, not once per side and statistic.
   *
   * @param perTerm the count of each compared term, at the term's position
   */
  public record Counts(long[] perTerm, long words) {}

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

    static Stats of(TwoByTwo t, long corpusCount, Counts corpus, ContrastOptions options) {
      double g2 = Keyness.g2(t);
      double z = WeightedLogOdds.of(t, corpusCount, corpus.words(), options.priorScale()).z();
      return new Stats(t, z, g2, Keyness.pValue(g2), Keyness.logRatio(t), Keyness.percentDiff(t),
          QuantedaKeyness.chi2(t, Correction.DEFAULT), QuantedaKeyness.lr(t, Correction.DEFAULT), t.overused(), Math.abs(z));
    }
  }

  /** The counts that decide a term's statistics. */
  private record Pattern(long a, long b, long corpus) {}

  /** Rank order of two count patterns' statistics: over-used first, then by |z| and G2, both descending. */
  private static int byStatistics(Stats s, Stats t) {
    if (s.over() != t.over()) {
      return s.over() ? -1 : 1;
    }
    int byZ = Double.compare(t.absZ(), s.absZ());
    return byZ != 0 ? byZ : Double.compare(t.g2(), s.g2());
  }

  /**
   * @param terms candidate terms (those occurring in target or reference), in any order
   * @param corpus the whole corpus, the source of the log-odds prior
   */
  public static List<Contrast> compute(Collection<String> terms, Side target, Side reference, Side corpus, ContrastOptions options) {
    String[] sorted = terms.toArray(String[]::new);
    Arrays.sort(sorted);
    return compute(sorted, target, reference, corpus, options);
  }

  /**
   * The contrasts of {@code sortedTerms} in rank order: over-used first, then by |z| and G2 (both
   * descending), then by term; a read-only list. The many terms of the long tail share a few count patterns, so the
   * statistics are computed and ordered once per pattern; the terms come sorted (callers that test
   * one vocabulary against several references sort it once), and each tested term's place is a
   * number: (rank of its pattern, position of the term), sorted as primitives.
   *
   * @param sortedTerms candidate terms in {@link String#compareTo} order
   */
  public static List<Contrast> compute(String[] sortedTerms, Side target, Side reference, Side corpus, ContrastOptions options) {
    return compute(sortedTerms, target.of(sortedTerms), reference.of(sortedTerms), corpus.of(sortedTerms), options);
  }

  /**
   * As {@link #compute(String[], Side, Side, Side, ContrastOptions)}, with each side's counts of
   * the terms given as arrays in the terms' order.
   */
  public static List<Contrast> compute(String[] sortedTerms, Counts target, Counts reference, Counts corpus,
      ContrastOptions options) {
    if (target.words() == 0 || reference.words() == 0) {
      return List.of();
    }
    Map<Pattern, Integer> patternIds = new HashMap<>();
    List<Stats> patterns = new ArrayList<>();
    int[] testedTerm = new int[sortedTerms.length];
    int[] testedPattern = new int[sortedTerms.length];
    int tested = 0;
    for (int i = 0; i < sortedTerms.length; i++) {
      long a = target.perTerm()[i];
      long b = reference.perTerm()[i];
      if (a + b >= options.minCount()) {
        long corpusCount = corpus.perTerm()[i];
        Pattern pattern = new Pattern(a, b, corpusCount);
        Integer id = patternIds.get(pattern);
        if (id == null) {
          id = patterns.size();
          patternIds.put(pattern, id);
          patterns.add(Stats.of(new TwoByTwo(a, b, target.words(), reference.words()), corpusCount, corpus, options));
        }
        testedTerm[tested] = i;
        testedPattern[tested] = id;
        tested++;
      }
    }
    double[] p = new double[tested];
    for (int k = 0; k < tested; k++) {
      p[k] = patterns.get(testedPattern[k]).p();
    }
    double[] q = BenjaminiHochberg.adjust(p);
    int[] patternRank = rankPatterns(patterns);
    long[] order = new long[tested];
    for (int k = 0; k < tested; k++) {
      order[k] = (long) patternRank[testedPattern[k]] << 32 | k; // k ascends with the term's position
    }
    Arrays.sort(order);
    RankedContrasts ranked = new RankedContrasts(sortedTerms, patterns, tested);
    boolean previousOver = false;
    for (int i = 0; i < tested; i++) {
      int k = (int) order[i];
      boolean over = patterns.get(testedPattern[k]).over();
      ranked.term[i] = testedTerm[k];
      ranked.pattern[i] = testedPattern[k];
      ranked.q[i] = q[k];
      ranked.rank[i] = i > 0 && previousOver == over ? ranked.rank[i - 1] + 1 : 1;
      previousOver = over;
    }
    return ranked;
  }

  /**
   * The contrasts in rank order, each made when it is read from what sets it apart: its term, its
   * count pattern, its q-value and its rank (20 bytes a term instead of an object of 96). An
   * outlet tests hundreds of thousands of terms, and two outlets' contrasts are held at once.
   */
  private static final class RankedContrasts extends AbstractList<Contrast> implements RandomAccess {
    private final String[] terms;
    private final List<Stats> patterns;
    final int[] term;
    final int[] pattern;
    final double[] q;
    final int[] rank;

    RankedContrasts(String[] terms, List<Stats> patterns, int size) {
      this.terms = terms;
      this.patterns = patterns;
      this.term = new int[size];
      this.pattern = new int[size];
      this.q = new double[size];
      this.rank = new int[size];
    }

    @Override
    public Contrast get(int i) {
      Stats s = patterns.get(pattern[i]);
      return new Contrast(terms[term[i]], s.table(), s.z(), s.g2(), s.p(), q[i], s.logRatio(), s.pctDiff(), s.chi2(),
          s.lr(), s.over(), rank[i]);
    }

    @Override
    public int size() {
      return term.length;
    }
  }

  /** Each pattern's place in rank order; patterns whose statistics tie share it, so that their terms go by term. */
  private static int[] rankPatterns(List<Stats> patterns) {
    Integer[] byRank = new Integer[patterns.size()];
    for (int i = 0; i < byRank.length; i++) {
      byRank[i] = i;
    }
    Arrays.sort(byRank, (x, y) -> byStatistics(patterns.get(x), patterns.get(y)));
    int[] rank = new int[byRank.length];
    for (int i = 0; i < byRank.length; i++) {
      boolean tie = i > 0 && byStatistics(patterns.get(byRank[i - 1]), patterns.get(byRank[i])) == 0;
      rank[byRank[i]] = tie ? rank[byRank[i - 1]] : i;
    }
    return rank;
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
