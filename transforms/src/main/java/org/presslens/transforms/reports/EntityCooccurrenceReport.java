package org.presslens.transforms.reports;

import org.presslens.transforms.Stage;
import static org.presslens.transforms.reports.ReportSpec.col;
import static org.presslens.transforms.reports.ReportSpec.decimal;
import static org.presslens.transforms.reports.ReportSpec.integer;
import static org.presslens.transforms.reports.ReportSpec.significant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.CooccurrenceTable;
import org.presslens.transforms.model.CooccurrenceTable.Evidence;
import org.presslens.transforms.model.CooccurrenceTable.Pair;
import org.presslens.transforms.model.CooccurrenceTable.Units;
import org.presslens.transforms.model.CooccurrenceTable.Window;
import org.presslens.transforms.SumTables;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.stats.Association;
import org.presslens.transforms.stats.Keyness;

/**
 * entity_cooccurrence.csv: which entities are mentioned together, in the same sentence or the same
 * document, for the corpus and for each outlet, with association statistics and one example,
 * from the tables of {@link SumTables}.
 */
public final class EntityCooccurrenceReport extends PTransform<PCollectionTuple, PCollection<ReportBlock>> {

  /** Evidence sentences are cut to this many characters. */
  public static final int EVIDENCE_CHARS = 300;

  public static final ReportSpec SPEC = new ReportSpec(
      "entity_cooccurrence.csv",
      "Pairs of entities mentioned together, per window (sentence or document), for the corpus and each outlet. "
          + "Formulas: the project's docs/entities.md.",
      List.of(
          col("scope", "corpus or outlet"),
          col("scope_key", "empty for corpus; the outlet name"),
          col("entity_a", "first entity of the pair (the pair is unordered; a sorts before b)"),
          col("type_a", "its type"),
          col("entity_b", "second entity"),
          col("type_b", "its type"),
          col("window", "sentence or document: the unit within which both must be mentioned"),
          integer("cooccurrences", "units (sentences or documents) mentioning both"),
          integer("documents", "documents with such a unit"),
          integer("outlets", "outlets with such a unit"),
          integer("units", "units in the scope (N)"),
          integer("units_a", "units mentioning entity_a"),
          integer("units_b", "units mentioning entity_b"),
          decimal("pmi", 4, "pointwise mutual information, log2(cooccurrences x N / (units_a x units_b))"),
          decimal("npmi", 4, "normalised PMI: pmi / -log2(cooccurrences / N), from -1 to 1"),
          decimal("g2", 4, "log-likelihood G2 of the 2x2 table of units (4-cell form)"),
          significant("p", 4, "p-value of g2 (chi-squared, 1 df)"),
          col("evidence_doc_id", "document of the example: where the two are mentioned closest together"),
          integer("evidence_sentence", "sentence number of the example in that document, from 1"),
          col("evidence_text", "the example sentence as written (quotes, dashes and spacing as the text has them); a longer one than "
              + EVIDENCE_CHARS + " characters is cut after its last whole word that fits and ends in '...'")));

  private final long minPairCount;
  private final ReportTiers tiers;

  private EntityCooccurrenceReport(long minPairCount, ReportTiers tiers) {
    this.minPairCount = minPairCount;
    this.tiers = tiers;
  }

  /**
   * Lists pairs co-occurring in at least {@code minPairCount} units; the CSV file the first
   * {@link ReportTiers#topPairs()} of each scope and window.
   */
  public static EntityCooccurrenceReport of(long minPairCount, ReportTiers tiers) {
    return new EntityCooccurrenceReport(minPairCount, tiers);
  }

  /** The rule by which the CSV file selects its rows, for the data dictionary and the run manifest. */
  public static String selection(ReportTiers tiers) {
    return "per scope and window the " + tiers.topPairs()
        + " pairs with the most co-occurrences; every listed pair in the full-detail tier";
  }

  @Override
  public PCollection<ReportBlock> expand(PCollectionTuple tables) {
    long min = minPairCount;
    ReportTiers limits = tiers;
    PCollection<ReportBlock> corpus = tables.get(SumTables.CORPUS)
        .apply("CorpusRows", FlatMapElements.into(TypeDescriptor.of(ReportBlock.class))
            .via(t -> Stage.STATISTICS.time(() -> scope("corpus", "", SortKey.of("0"), t.cooccurrence(), min, limits))));
    PCollection<ReportBlock> outlets = tables.get(SumTables.BY_OUTLET)
        .apply("OutletRows", FlatMapElements.into(TypeDescriptor.of(ReportBlock.class))
            .via((KV<String, OutletTables> kv) -> Stage.STATISTICS.time(
                () -> scope("outlet", kv.getKey(), SortKey.of("1", kv.getKey()), kv.getValue().cooccurrence(), min, limits))));
    return PCollectionList.of(corpus).and(outlets).apply(Flatten.pCollections());
  }

  private static List<ReportBlock> scope(String scope, String key, SortKey sortKey, CooccurrenceTable table,
      long minPairCount, ReportTiers tiers) {
    ScopeRows rows = ScopeRows.open(SPEC, sortKey, tiers, PATTERN_GROUPS);
    rows(scope, key, table, minPairCount, (patterns, row, position) -> {
      for (int group = 0; group < patterns.length; group++) {
        rows.rowPattern(group, patterns[group]);
      }
      rows.add(row, position < tiers.topPairs());
    });
    return rows.finish();
  }

  /**
   * The full-detail table's groups of columns whose values a number decides (see
   * {@link ScopeRows#rowPattern}), in the order of a row's patterns ({@link Rows}): the counts and
   * association statistics by the pair's count pattern (its window's units, its and its entities'
   * units); the scope and window by the window; each entity's name and type by the entity; the
   * evidence's document and text by their numbers in the table.
   */
  static final List<Set<String>> PATTERN_GROUPS = List.of(
      Set.of("cooccurrences", "units", "units_a", "units_b", "pmi", "npmi", "g2", "p"),
      Set.of("scope", "scope_key", "window"),
      Set.of("entity_a", "type_a"),
      Set.of("entity_b", "type_b"),
      Set.of("evidence_doc_id"),
      Set.of("evidence_text"));

  /**
   * A row, its patterns in the groups of {@link #PATTERN_GROUPS} (an array that is only valid
   * during the call), and its place among the rows of its window (from 0).
   */
  interface Rows {
    void accept(int[] patterns, RowValues.TypedRow row, int position);
  }

  /** The counts that decide a pair's statistics in a scope. */
  private record Counts(Window window, long cooccurrences, long unitsA, long unitsB) {}

  /** The association statistics of one count pattern. */
  private record PatternStatistics(double pmi, double npmi, double g2, double p) {
    static PatternStatistics of(long nab, long na, long nb, long n) {
      double g2 = Association.g2(nab, na, nb, n);
      return new PatternStatistics(Association.pmi(nab, na, nb, n), Association.npmi(nab, na, nb, n), g2,
          Keyness.pValue(g2));
    }
  }

  /**
   * Rows of one scope: sentence window first, then document; most co-occurrences first. An
   * entity's name and type are split from its key once per scope, not once per pair, and the
   * statistics are computed once per count pattern (many pairs of rare entities share one).
   */
  static void rows(String scope, String key, CooccurrenceTable table, long minPairCount, Rows rows) {
    String[][] nameAndType = new String[table.entityCount()][]; // by entity number, split when first needed
    Map<Counts, Integer> patterns = new HashMap<>();
    List<PatternStatistics> statistics = new ArrayList<>();
    int[] rowPatterns = new int[PATTERN_GROUPS.size()];
    for (Window window : Window.values()) {
      Units units = table.units(window);
      String windowCode = window.code();
      long n = units.count();
      int position = 0;
      for (Pair p : units.pairs(minPairCount)) {
        long na = p.unitsA();
        long nb = p.unitsB();
        long nab = p.cooccurrences();
        int pattern = patterns.computeIfAbsent(new Counts(window, nab, na, nb), counts -> {
          statistics.add(PatternStatistics.of(nab, na, nb, n));
          return statistics.size() - 1;
        });
        PatternStatistics association = statistics.get(pattern);
        String[] a = nameAndType(nameAndType, p.a(), p.numbers().a());
        String[] b = nameAndType(nameAndType, p.b(), p.numbers().b());
        Evidence e = p.evidence();
        String text = evidence(e.text());
        rowPatterns[0] = pattern;
        rowPatterns[1] = window.ordinal();
        rowPatterns[2] = p.numbers().a();
        rowPatterns[3] = p.numbers().b();
        rowPatterns[4] = p.numbers().evidenceDoc();
        rowPatterns[5] = p.numbers().evidenceText();
        rows.accept(rowPatterns, values -> values.text(scope).text(key).text(a[0]).text(a[1]).text(b[0]).text(b[1])
            .text(windowCode).integer(nab).integer(p.documentCount()).integer(p.outlets()).integer(n).integer(na)
            .integer(nb).decimal(association.pmi()).decimal(association.npmi()).decimal(association.g2())
            .decimal(association.p()).text(e.docId()).integer(e.sentence() + 1).text(text), position++);
      }
    }
  }

  /** An entity's name and type, split from its key (name NUL type) once per scope: {@code split} holds them by entity number. */
  private static String[] nameAndType(String[][] split, String entity, int number) {
    if (split[number] == null) {
      int end = entity.indexOf('\u0000');
      split[number] = new String[] {entity.substring(0, end), entity.substring(end + 1)};
    }
    return split[number];
  }

  /**
   * A sentence as it stands if it has at most {@link #EVIDENCE_CHARS} characters; otherwise its
   * longest start of whole words that leaves room for "...", followed by it (a first word longer
   * than that is cut inside, never inside a character's surrogate pair).
   */
  static String evidence(String sentence) {
    if (sentence.length() <= EVIDENCE_CHARS) {
      return sentence;
    }
    int room = EVIDENCE_CHARS - 3;
    int end = room;
    while (end > 0 && !Character.isWhitespace(sentence.charAt(end))) {
      end--;
    }
    while (end > 0 && Character.isWhitespace(sentence.charAt(end - 1))) {
      end--;
    }
    if (end == 0) {
      end = Character.isHighSurrogate(sentence.charAt(room - 1)) ? room - 1 : room;
    }
    return sentence.substring(0, end) + "...";
  }
}
