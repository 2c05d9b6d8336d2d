package org.presslens.transforms.reports;

import org.presslens.transforms.Stage;
import org.presslens.transforms.CombineGrouped;
import static org.presslens.transforms.reports.ReportSpec.col;

import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.model.CooccurrenceTable;
import org.presslens.transforms.model.CooccurrenceTable.Evidence;
import org.presslens.transforms.model.CooccurrenceTable.Pair;
import org.presslens.transforms.model.CooccurrenceTable.Units;
import org.presslens.transforms.model.CooccurrenceTable.Window;
import org.presslens.transforms.model.DocumentEntities;
import org.presslens.transforms.stats.Association;
import org.presslens.transforms.stats.Keyness;
import org.presslens.transforms.stats.Numbers;

/**
 * entity_cooccurrence.csv: which entities are mentioned together, in the same sentence or the same
 * document, for the corpus and for each outlet, with association statistics and one example.
 */
public final class EntityCooccurrenceReport extends PTransform<PCollection<DocumentEntities>, PCollection<ReportBlock>> {

  /** Evidence sentences are cut to this many characters. */
  public static final int EVIDENCE_CHARS = 300;

  public static final ReportSpec SPEC = new ReportSpec(
      "entity_cooccurrence.csv",
      "Pairs of entities mentioned together, per window (sentence or document), for the corpus and each outlet. "
          + "Formulas: README, 'Named entities'.",
      List.of(
          col("scope", "corpus or outlet"),
          col("scope_key", "empty for corpus; the outlet name"),
          col("entity_a", "first entity of the pair (the pair is unordered; a sorts before b)"),
          col("type_a", "its type"),
          col("entity_b", "second entity"),
          col("type_b", "its type"),
          col("window", "sentence or document: the unit within which both must be mentioned"),
          col("cooccurrences", "units (sentences or documents) mentioning both"),
          col("documents", "documents with such a unit"),
          col("outlets", "outlets with such a unit"),
          col("units", "units in the scope (N)"),
          col("units_a", "units mentioning entity_a"),
          col("units_b", "units mentioning entity_b"),
          col("pmi", "pointwise mutual information, log2(cooccurrences x N / (units_a x units_b))"),
          col("npmi", "normalised PMI: pmi / -log2(cooccurrences / N), from -1 to 1"),
          col("g2", "log-likelihood G2 of the 2x2 table of units (4-cell form)"),
          col("p", "p-value of g2 (chi-squared, 1 df)"),
          col("evidence_doc_id", "document of the example: where the two are mentioned closest together"),
          col("evidence_sentence", "sentence number of the example in that document, from 1"),
          col("evidence_text", "the example sentence as written (quotes and dashes normalised), cut to " + EVIDENCE_CHARS + " characters")));

  private final long minPairCount;

  private EntityCooccurrenceReport(long minPairCount) {
    this.minPairCount = minPairCount;
  }

  /** Lists pairs co-occurring in at least {@code minPairCount} units. */
  public static EntityCooccurrenceReport withMinPairCount(long minPairCount) {
    return new EntityCooccurrenceReport(minPairCount);
  }

  @Override
  public PCollection<ReportBlock> expand(PCollection<DocumentEntities> docs) {
    long min = minPairCount;
    PCollection<ReportBlock> corpus = docs
        .apply("SumCorpus", CombineGrouped.globally(CooccurrenceTable.combineFn()))
        .apply("CorpusRows", FlatMapElements.into(TypeDescriptor.of(ReportBlock.class))
            .via(t -> Stage.STATISTICS.time(() -> ReportBlocks.render(SPEC, "0", rows -> rows("corpus", "", t, min, rows)))));
    PCollection<ReportBlock> outlets = docs
        .apply("KeyByOutlet", WithKeys.of(DocumentEntities::outlet).withKeyType(TypeDescriptors.strings()))
        .apply("SumOutlets", CombineGrouped.perKey(CooccurrenceTable.combineFn()))
        .apply("OutletRows", FlatMapElements.into(TypeDescriptor.of(ReportBlock.class))
            .via((KV<String, CooccurrenceTable> kv) -> Stage.STATISTICS.time(() -> ReportBlocks.render(
                SPEC, "1\u0000" + kv.getKey(), rows -> rows("outlet", kv.getKey(), kv.getValue(), min, rows)))));
    return PCollectionList.of(corpus).and(outlets).apply(Flatten.pCollections());
  }

  /** Rows of one scope: sentence window first, then document; most co-occurrences first. */
  static void rows(String scope, String key, CooccurrenceTable table, long minPairCount, Consumer<List<String>> rows) {
    for (Window window : Window.values()) {
      Units units = table.units(window);
      List<Pair> pairs = new ArrayList<>(units.pairs().values());
      pairs.removeIf(p -> p.cooccurrences() < minPairCount);
      pairs.sort(Comparator.comparingLong(Pair::cooccurrences).reversed().thenComparing(Pair::a).thenComparing(Pair::b));
      for (Pair p : pairs) {
        long n = units.count();
        long na = units.perEntity().get(p.a());
        long nb = units.perEntity().get(p.b());
        long nab = p.cooccurrences();
        double g2 = Association.g2(nab, na, nb, n);
        String[] a = p.a().split("\u0000");
        String[] b = p.b().split("\u0000");
        Evidence e = p.evidence();
        String text = e.text().length() > EVIDENCE_CHARS ? e.text().substring(0, EVIDENCE_CHARS - 3) + "..." : e.text();
        rows.accept(List.of(scope, key, a[0], a[1], b[0], b[1], window.code(),
            Long.toString(nab), Long.toString(p.documentCount()), Integer.toString(p.outlets().size()),
            Long.toString(n), Long.toString(na), Long.toString(nb),
            Numbers.decimal(Association.pmi(nab, na, nb, n), 4), Numbers.decimal(Association.npmi(nab, na, nb, n), 4),
            Numbers.decimal(g2, 4), Numbers.significant(Keyness.pValue(g2), 4),
            e.docId(), Integer.toString(e.sentence() + 1), text));
      }
    }
  }
}
