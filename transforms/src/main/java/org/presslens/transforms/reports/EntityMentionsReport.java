package org.presslens.transforms.reports;

import static org.presslens.transforms.reports.ReportSpec.col;
import static org.presslens.transforms.reports.ReportSpec.decimal;
import static org.presslens.transforms.reports.ReportSpec.integer;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.Stage;
import org.presslens.transforms.model.EntityTable.Entity;
import org.presslens.transforms.model.EntityTable.Seen;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.parquet.ParquetTable;

/**
 * entity_mentions.csv: where to find each listed entity in the text, to check what the recognizer
 * did. Every mention is in the full-detail table {@code entity_mentions} (written per segment by
 * {@link DocumentTables}); the CSV file shows, for each entity of entities.csv, the first mention
 * of each of its spellings, most used spelling first, at most {@value #SPELLINGS} spellings per
 * entity.
 */
public final class EntityMentionsReport extends PTransform<PCollection<OutletTables>, PCollection<ReportBlock>> {

  /** Spellings per entity in the CSV file. */
  public static final int SPELLINGS = 5;

  public static final ReportSpec SPEC = new ReportSpec(
      "entity_mentions.csv",
      "Where entities are mentioned: each mention with its place in the document's text as read (the project's docs/entities.md).",
      List.of(
          col("doc_id", "the document"),
          col("outlet", "its outlet"),
          integer("sentence", "the sentence, counted from 1 as in keyword_in_context.csv"),
          integer("start", "where the mention starts in the document's text as read: characters (Unicode code points) before it"),
          integer("end", "where it ends: characters before the one that follows it (text[start:end] in Python is the mention as read)"),
          col("text", "the mention as the text writes it (a line break as a space)"),
          col("entity", "canonical name, as in entities.csv; in the full-detail table the document's own spelling of it, "
              + "which entity_variants.csv maps to the name of the other reports"),
          col("type", "person, organization or location"),
          col("source", "which layer found it: model, dictionary, or both"),
          decimal("probability", 4, "the model's probability of the span it found (mean of its tokens' outcome "
              + "probabilities); empty when no model found it")));

  /** Every mention of every counted document. */
  public static final ParquetTable TABLE = ParquetTable.of("entity_mentions",
      "Every entity mention of every counted document (copies left out), whatever the CSV limits and --minEntityCount say. "
          + DocumentTables.PARTS_NOTE,
      SPEC.columns());

  private final long minMentions;
  private final ReportTiers tiers;

  private EntityMentionsReport(long minMentions, ReportTiers tiers) {
    this.minMentions = minMentions;
    this.tiers = tiers;
  }

  /** The mentions of the entities entities.csv lists (at least {@code minMentions} mentions, its first {@link ReportTiers#topEntities()}). */
  public static EntityMentionsReport of(long minMentions, ReportTiers tiers) {
    return new EntityMentionsReport(minMentions, tiers);
  }

  /** The rule by which the CSV file selects its rows, for the data dictionary and the run manifest. */
  public static String selection(ReportTiers tiers) {
    return "for each entity of entities.csv (its " + tiers.topEntities() + " most mentioned), the first mention (lowest doc_id, "
        + "then first in the text) of each of its " + SPELLINGS + " most used spellings; every mention in the full-detail tier";
  }

  /** A row of the table: the mention in document {@code docId} of {@code outlet}. */
  public static List<?> row(String docId, String outlet, Mention m) {
    return row(Seen.of(docId, outlet, m), m.canonical(), m.type());
  }

  /** A row of the table: where a spelling of entity {@code canonical} of {@code type} was seen. */
  private static List<?> row(Seen seen, String canonical, String type) {
    return List.of(seen.docId(), seen.outlet(), seen.sentence() + 1, seen.start(), seen.end(), seen.written(), canonical,
        type, seen.source(), seen.probability());
  }

  @Override
  public PCollection<ReportBlock> expand(PCollection<OutletTables> corpus) {
    long min = minMentions;
    int top = tiers.topEntities();
    return corpus.apply("MentionRows", FlatMapElements.into(TypeDescriptor.of(ReportBlock.class))
        .via(tables -> Stage.STATISTICS.time(() -> ReportBlocks.render(SPEC, SortKey.of("0"), rows -> {
          List<Entity> listed = EntitiesReport.listed(tables.entities(), min);
          for (Entity e : listed.subList(0, Math.min(top, listed.size()))) {
            e.surfaces().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(SPELLINGS)
                .map(spelling -> e.firstSeen().get(spelling.getKey()))
                .forEach(seen -> rows.accept(row(seen, e.canonical(), e.type())));
          }
        }))));
  }
}
