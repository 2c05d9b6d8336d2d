package org.presslens.transforms.reports;

import static org.presslens.transforms.reports.ReportSpec.col;
import static org.presslens.transforms.reports.ReportSpec.integer;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.MergeNameVariants;
import org.presslens.transforms.Stage;
import org.presslens.transforms.model.EntityTable;
import org.presslens.transforms.model.EntityTable.Entity;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.ner.NameVariants;
import org.presslens.transforms.ner.NameVariants.Group;

/**
 * entity_variants.csv: the spellings of one person's or place's name that different documents
 * wrote and the other reports count as one entity ({@link MergeNameVariants}), one row per
 * spelling merged into another, from the corpus tables before the merge. An analyst who finds a
 * merge wrong vetoes it with an alias line that names the spelling as itself.
 */
public final class EntityVariantsReport extends PTransform<PCollection<OutletTables>, PCollection<ReportBlock>> {

  public static final ReportSpec SPEC = new ReportSpec(
      "entity_variants.csv",
      "Spellings of one name counted as one entity in the other reports (the project's docs/entities.md). "
          + "To keep a spelling apart, add the line 'spelling<TAB>spelling' to the --aliases file.",
      List.of(
          col("entity", "the name the reports use"),
          col("type", "person or location"),
          col("chosen_by", "gazetteer name (the gazetteer knows it) or most mentioned (of the spellings)"),
          integer("entity_mentions", "mentions under the name itself (in documents that chose it), before the merge"),
          col("variant", "a spelling counted as the entity"),
          integer("variant_mentions", "mentions of the variant, before the merge"),
          integer("variant_documents", "documents that name the entity by the variant"),
          col("variant_first_doc_id", "the first document (lowest doc_id) with the variant")));

  private final Gazetteer gazetteer;
  private final ReportTiers tiers;

  private EntityVariantsReport(Gazetteer gazetteer, ReportTiers tiers) {
    this.gazetteer = gazetteer;
    this.tiers = tiers;
  }

  /** Variants as {@link MergeNameVariants#with} finds them with this gazetteer; the CSV file lists the first {@link ReportTiers#topEntities()}. */
  public static EntityVariantsReport of(Gazetteer gazetteer, ReportTiers tiers) {
    return new EntityVariantsReport(gazetteer, tiers);
  }

  /** The rule by which the CSV file selects its rows, for the data dictionary and the run manifest. */
  public static String selection(ReportTiers tiers) {
    return "the first " + tiers.topEntities() + " variants, names with the most mentions first; every variant in the full-detail tier";
  }

  @Override
  public PCollection<ReportBlock> expand(PCollection<OutletTables> corpus) {
    Gazetteer names = gazetteer;
    ReportTiers limits = tiers;
    return corpus.apply("VariantRows", FlatMapElements.into(TypeDescriptor.of(ReportBlock.class))
        .via(tables -> Stage.STATISTICS.time(() -> ScopeRows.ofCorpus(SPEC, limits, limits.topEntities(),
            rows -> rows(NameVariants.acrossCorpus(tables.entities(), names), rows)))));
  }

  /** A group's mentions after the merge: the sum of its spellings'. */
  private static long mentions(Group g) {
    return g.spellings().stream().mapToLong(Entity::mentions).sum();
  }

  /** The rows in the report's order: groups with the most mentions first (then by name), spellings most mentioned first. */
  static void rows(List<Group> groups, Consumer<List<?>> rows) {
    groups.stream().sorted(Comparator.comparingLong(EntityVariantsReport::mentions).reversed()
        .thenComparing(g -> g.name().canonical()).thenComparing(g -> g.name().type())).forEach(g -> {
          for (Entity variant : g.spellings()) {
            if (variant != g.name()) {
              rows.accept(List.of(g.name().canonical(), g.name().type(), g.chosenBy(), g.name().mentions(),
                  variant.canonical(), variant.mentions(), variant.documentCount(), firstDocument(variant)));
            }
          }
        });
  }

  private static String firstDocument(Entity e) {
    return e.firstSeen().values().stream().map(EntityTable.Seen::docId).min(Comparator.naturalOrder()).orElse("");
  }
}
