package org.presslens.transforms.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.presslens.transforms.model.DatedTables;
import org.presslens.transforms.model.TermTable;
import org.presslens.transforms.reports.ContrastRows.Contrast;
import org.presslens.transforms.reports.ContrastRows.Side;
import org.presslens.transforms.stats.BenjaminiHochberg;
import org.presslens.transforms.stats.RateTest;
import org.presslens.transforms.time.PeriodPlan;

/**
 * The trend statistics of one scope (the corpus or an outlet) and one kind of item (terms, or
 * entities): the latest period against the scope's own earlier periods pooled, with the keyness
 * statistics of the outlet contrasts ({@link ContrastRows}: the scope's dated words are the prior
 * of the weighted log-odds), the exact rate test ({@link RateTest}, Benjamini-Hochberg over the
 * same tested items) and the period in which each item was first seen. Plain Java, no Beam.
 */
public final class TrendRows {

  /** One item's latest-period test: its contrast and its rate test. */
  public record Emerging(Contrast contrast, double rateP, double rateQ, String firstSeen) {}

  /** One period of one listed item. */
  public record PeriodCount(String period, long count, long documents, long periodWords, long periodDocuments) {}

  private final TreeMap<String, DatedTables> dated;
  private final Function<DatedTables, TermTable> kind;
  private final List<Emerging> tested;
  private final Map<String, Emerging> byItem = new HashMap<>();

  /**
   * @param periods the scope's tables per period (other labels of {@link PeriodPlan} among them or not)
   * @param kind which table of a period: terms or entities
   * @param compared the scope's tables of what is tested and of what it is tested against
   */
  public TrendRows(TreeMap<String, DatedTables> periods, Function<DatedTables, TermTable> kind, Compared compared,
      ContrastOptions options) {
    this.dated = PeriodPlan.datedOnly(periods);
    this.kind = kind;
    this.tested = compared.latest() == null || compared.earlier() == null ? List.of()
        : test(kind.apply(compared.latest()), kind.apply(compared.earlier()), options);
    tested.forEach(e -> byItem.put(e.contrast().term(), e));
  }

  /** What is tested (the latest period, or what is new) and what it is tested against; either null when there is none. */
  public record Compared(DatedTables latest, DatedTables earlier) {}

  /** The tables of period {@code latest} and of the periods before it merged. */
  public static Compared latestAndEarlier(TreeMap<String, DatedTables> periods, String latest) {
    TreeMap<String, DatedTables> dated = PeriodPlan.datedOnly(periods);
    if (dated.headMap(latest).isEmpty()) {
      return new Compared(dated.get(latest), null);
    }
    DatedTables earlier = new DatedTables();
    dated.headMap(latest).values().forEach(earlier::merge);
    return new Compared(dated.get(latest), earlier);
  }

  private List<Emerging> test(TermTable target, TermTable earlier, ContrastOptions options) {
    Side targetSide = new Side(target::count, target.tokens());
    Side earlierSide = new Side(earlier::count, earlier.tokens());
    Side bothSides = new Side(t -> targetSide.count().applyAsLong(t) + earlierSide.count().applyAsLong(t),
        target.tokens() + earlier.tokens());
    List<String> items = new ArrayList<>(earlier.terms());
    target.terms().stream().filter(t -> !earlier.contains(t)).forEach(items::add);
    List<Contrast> contrasts = ContrastRows.compute(items, targetSide, earlierSide, bothSides, options);
    // the long tail of rare items shares a few count pairs: each pair's test is computed once
    Map<List<Long>, Double> byCounts = new HashMap<>();
    double[] p = contrasts.stream().mapToDouble(c -> byCounts.computeIfAbsent(
        List.of((long) c.table().a(), (long) c.table().b()),
        k -> RateTest.twoSided(k.get(0), k.get(1), target.tokens(), earlier.tokens()))).toArray();
    double[] q = BenjaminiHochberg.adjust(p);
    Map<String, String> first = firstSeen();
    List<Emerging> rows = new ArrayList<>(contrasts.size());
    for (int i = 0; i < contrasts.size(); i++) {
      rows.add(new Emerging(contrasts.get(i), p[i], q[i], first.getOrDefault(contrasts.get(i).term(), "")));
    }
    return rows;
  }

  /** The first dated period in which the scope uses each item. */
  private Map<String, String> firstSeen() {
    Map<String, String> first = new HashMap<>();
    dated.forEach((period, tables) -> kind.apply(tables).terms().forEach(item -> first.putIfAbsent(item, period)));
    return first;
  }

  /** Every tested item in rank order: over-used in the latest period first, each direction by |z|. */
  public List<Emerging> tested() {
    return tested;
  }

  /** The test of an item, or null when it was not tested (too rare, or no latest period). */
  public Emerging testOf(String item) {
    return byItem.get(item);
  }

  /**
   * The items a top list shows: those used more in the latest period with q below {@code alpha},
   * at most {@code limit}, echoes folded ({@link NestedTerms}: counted in the latest period).
   */
  public List<NestedTerms.Listed<Emerging>> emerging(double alpha, int limit) {
    List<Emerging> over = tested.stream().filter(e -> e.contrast().over() && e.contrast().q() < alpha).toList();
    return NestedTerms.fold(over, e -> e.contrast().term(), e -> (long) e.contrast().table().a(), limit);
  }

  /**
   * Every non-zero count of a tested item in a dated period, period by period in time order and
   * items in {@link String} order within a period, except those of {@code skipped}.
   */
  public void nonZero(Set<String> skipped, BiConsumer<String, PeriodCount> each) {
    dated.forEach((period, tables) -> {
      TermTable t = kind.apply(tables);
      List<String> items = new ArrayList<>(t.terms());
      items.removeIf(item -> skipped.contains(item) || !byItem.containsKey(item));
      items.sort(null);
      for (String item : items) {
        each.accept(item, new PeriodCount(period, t.count(item), t.documentFrequency(item), t.tokens(), t.documents()));
      }
    });
  }

  /**
   * An item's counts in each of {@code periods} where the scope has documents, zeros included,
   * then in {@link PeriodPlan#UNDATED} when the scope has undated documents: the scope's total
   * less its dated counts.
   *
   * @param total the scope's table of all its documents
   * @param undated the scope's undated words and documents, or null
   */
  public List<PeriodCount> counts(String item, List<String> periods, TermTable total, DatedTables undated) {
    List<PeriodCount> rows = new ArrayList<>();
    long datedCount = 0;
    long datedDocs = 0;
    for (String period : periods) {
      DatedTables tables = dated.get(period);
      if (tables == null) {
        continue;
      }
      TermTable t = kind.apply(tables);
      long count = t.count(item);
      long docs = t.documentFrequency(item);
      datedCount += count;
      datedDocs += docs;
      rows.add(new PeriodCount(period, count, docs, t.tokens(), t.documents()));
    }
    if (undated != null && undated.documents() > 0) {
      rows.add(new PeriodCount(PeriodPlan.UNDATED, total.count(item) - datedCount,
          total.documentFrequency(item) - datedDocs, undated.words(), undated.documents()));
    }
    return rows;
  }

  /** The listed items: {@code watched} first (the corpus's most frequent), then {@code emerging}, each once. */
  public static List<String> listed(List<String> watched, List<String> emerging) {
    LinkedHashSet<String> listed = new LinkedHashSet<>(watched);
    listed.addAll(emerging);
    return new ArrayList<>(listed);
  }
}
