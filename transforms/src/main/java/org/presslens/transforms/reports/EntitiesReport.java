package org.presslens.transforms.reports;

import org.presslens.transforms.Stage;
import static org.presslens.transforms.reports.ReportSpec.col;
import static org.presslens.transforms.reports.ReportSpec.integer;

import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.model.EntityTable;
import org.presslens.transforms.model.EntityTable.Entity;

/** entities.csv: every canonical entity with its mentions, documents, outlets and spellings, from the corpus tables. */
public final class EntitiesReport extends PTransform<PCollection<OutletTables>, PCollection<ReportBlock>> {

  public static final ReportSpec SPEC = new ReportSpec(
      "entities.csv",
      "People, organisations and places mentioned, after canonicalisation (the project's docs/entities.md).",
      List.of(
          col("entity", "canonical name (aliases and in-document surnames resolved)"),
          col("type", "person, organization or location"),
          integer("mentions", "mentions in the corpus"),
          integer("documents", "documents mentioning it"),
          integer("outlets", "outlets mentioning it"),
          col("mentions_per_outlet", "outlet: mentions, most first"),
          col("surface_forms", "spellings seen in the text with their counts, most first"),
          col("source", "which layer found it: model, dictionary, or both")));

  private final long minMentions;
  private final ReportTiers tiers;

  private EntitiesReport(long minMentions, ReportTiers tiers) {
    this.minMentions = minMentions;
    this.tiers = tiers;
  }

  /** Lists entities with at least {@code minMentions} mentions; the CSV file the first {@link ReportTiers#topEntities()}. */
  public static EntitiesReport of(long minMentions, ReportTiers tiers) {
    return new EntitiesReport(minMentions, tiers);
  }

  /** The rule by which the CSV file selects its rows, for the data dictionary and the run manifest. */
  public static String selection(ReportTiers tiers) {
    return "the " + tiers.topEntities() + " most mentioned entities; every listed entity in the full-detail tier";
  }

  @Override
  public PCollection<ReportBlock> expand(PCollection<OutletTables> corpus) {
    long min = minMentions;
    ReportTiers limits = tiers;
    return corpus.apply("EntityRows", FlatMapElements.into(TypeDescriptor.of(ReportBlock.class))
        .via(tables -> Stage.STATISTICS.time(() ->
            ScopeRows.ofCorpus(SPEC, limits, limits.topEntities(), rows -> rows(tables.entities(), min, rows)))));
  }

  /** The entities with at least {@code minMentions} mentions, in the report's order: most mentioned first. */
  static List<Entity> listed(EntityTable table, long minMentions) {
    List<Entity> entities = new ArrayList<>(table.entities().values());
    entities.removeIf(e -> e.mentions() < minMentions);
    entities.sort(Comparator.comparingLong(Entity::mentions).reversed()
        .thenComparing(Entity::canonical).thenComparing(Entity::type));
    return entities;
  }

  static void rows(EntityTable table, long minMentions, Consumer<List<?>> rows) {
    for (Entity e : listed(table, minMentions)) {
      rows.accept(List.of(e.canonical(), e.type(), e.mentions(), e.documentCount(),
          e.mentionsPerOutlet().size(), mostFirst(e.mentionsPerOutlet(), "%s: %d"),
          mostFirst(e.surfaces(), "%s (%d)"), e.source()));
    }
  }

  /** "key: n; key: n", largest n first, ties by key. */
  private static String mostFirst(Map<String, Long> counts, String format) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> String.format(Locale.ROOT, format, e.getKey(), e.getValue()))
        .collect(Collectors.joining("; "));
  }
}
