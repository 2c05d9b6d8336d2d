package org.presslens.transforms.reports;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
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

  /**
   * One tested term with all its statistics; {@code pattern} numbers its count pattern within its
   * comparison, from 0: contrasts of one pattern have the same counts and statistics.
   */
  public record Contrast(
      String term, TwoByTwo table, double z, double g2, double p, double q, double logRatio, double pctDiff,
      double chi2, double lr, boolean over, int rank, int pattern) {}

  /**
   * The groups of columns of {@link OutletContrastReport#SPEC}'s full-detail table whose values a
   * number decides ({@link ScopeRows#rowPattern}), in this order: those a contrast's count pattern
   * decides, from the counts to the direction (not the term, its rank or what is folded into it);
   * the outlet and reference, the same in every row of a comparison's file (one pattern, 0).
   */
  public static final List<Set<String>> PATTERN_GROUPS = List.of(
      Set.of("count_target", "count_reference", "per_10k_target", "per_10k_reference", "log_odds_z", "g2", "p", "q",
          "log_ratio", "pct_diff", "chi2_quanteda", "lr_quanteda", "direction"),
      Set.of("outlet", "reference"));

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
   * descending), then by term; a read-only list. The many terms of the long tail share a few count
   * patterns, so the statistics, the q-values ({@link BenjaminiHochberg#adjustGrouped}) and the
   * order are computed once per pattern; the terms come sorted (callers that test one vocabulary
   * against several references sort it once), and the tested terms are put in order by a counting
   * sort on their pattern's rank, which keeps each rank's terms in term order.
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
    long[] termsOfPattern = new long[16];
    int[] patternOfTerm = new int[sortedTerms.length]; // -1: not tested
    int tested = 0;
    for (int i = 0; i < sortedTerms.length; i++) {
      long a = target.perTerm()[i];
      long b = reference.perTerm()[i];
      if (a + b < options.minCount()) {
        patternOfTerm[i] = -1;
        continue;
      }
      long corpusCount = corpus.perTerm()[i];
      Pattern pattern = new Pattern(a, b, corpusCount);
      Integer id = patternIds.get(pattern);
      if (id == null) {
        id = patterns.size();
        patternIds.put(pattern, id);
        patterns.add(Stats.of(new TwoByTwo(a, b, target.words(), reference.words()), corpusCount, corpus, options));
        if (id == termsOfPattern.length) {
          termsOfPattern = Arrays.copyOf(termsOfPattern, 2 * id);
        }
      }
      patternOfTerm[i] = id;
      termsOfPattern[id]++;
      tested++;
    }
    int patternCount = patterns.size();
    termsOfPattern = Arrays.copyOf(termsOfPattern, patternCount);
    double[] p = new double[patternCount];
    for (int id = 0; id < patternCount; id++) {
      p[id] = patterns.get(id).p();
    }
    double[] q = BenjaminiHochberg.adjustGrouped(p, termsOfPattern);
    // a counting sort of the tested terms by their pattern's rank; ascending term positions keep
    // each rank's terms in term order
    int[] patternRank = rankPatterns(patterns);
    int[] next = new int[patternCount + 1];
    for (int id = 0; id < patternCount; id++) {
      next[patternRank[id] + 1] += (int) termsOfPattern[id];
    }
    for (int r = 0; r < patternCount; r++) {
      next[r + 1] += next[r];
    }
    int over = 0;
    for (int id = 0; id < patternCount; id++) {
      over += patterns.get(id).over() ? (int) termsOfPattern[id] : 0;
    }
    RankedContrasts ranked = new RankedContrasts(sortedTerms, patterns, q, tested, over);
    for (int i = 0; i < sortedTerms.length; i++) {
      int id = patternOfTerm[i];
      if (id >= 0) {
        int at = next[patternRank[id]]++;
        ranked.term[at] = i;
        ranked.pattern[at] = id;
      }
    }
    return ranked;
  }

  /**
   * The contrasts in rank order, each made when it is read from what sets it apart: its term and
   * its count pattern (8 bytes a term instead of an object of 96); its q-value is its pattern's,
   * and its rank its place among the terms of its direction. An outlet tests hundreds of thousands
   * of terms, and two outlets' contrasts are held at once.
   */
  private static final class RankedContrasts extends AbstractList<Contrast> implements RandomAccess {
    private final String[] terms;
    private final List<Stats> patterns;
    private final double[] qOfPattern;
    final int[] term;
    final int[] pattern;
    /** The over-used terms, which come first. */
    private final int overCount;

    RankedContrasts(String[] terms, List<Stats> patterns, double[] qOfPattern, int size, int overCount) {
      this.terms = terms;
      this.patterns = patterns;
      this.qOfPattern = qOfPattern;
      this.overCount = overCount;
      this.term = new int[size];
      this.pattern = new int[size];
    }

    @Override
    public Contrast get(int i) {
      Stats s = patterns.get(pattern[i]);
      int rank = i < overCount ? i + 1 : i - overCount + 1;
      return new Contrast(terms[term[i]], s.table(), s.z(), s.g2(), s.p(), qOfPattern[pattern[i]], s.logRatio(),
          s.pctDiff(), s.chi2(), s.lr(), s.over(), rank, pattern[i]);
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
   * Hands the report row of one contrast to {@code values}, in {@link OutletContrastReport#SPEC}
   * column order.
   *
   * @param folded the terms folded into this one in the top list ({@link NestedTerms}), joined by "; "
   */
  public static void write(RowValues values, String outlet, String reference, Contrast c, String folded) {
    TwoByTwo t = c.table();
    values.text(outlet).text(reference).text(c.term()).integer(TermCounter.gramSize(c.term()))
        .integer((long) t.a()).integer((long) t.b())
        .decimal(TermWeights.per10k((long) t.a(), (long) t.targetTotal()))
        .decimal(TermWeights.per10k((long) t.b(), (long) t.referenceTotal()))
        .decimal(c.z()).decimal(c.g2()).decimal(c.p()).decimal(c.q()).decimal(c.logRatio()).decimal(c.pctDiff())
        .decimal(c.chi2()).decimal(c.lr()).text(c.over() ? "over" : "under").integer(c.rank()).text(folded);
  }
}
