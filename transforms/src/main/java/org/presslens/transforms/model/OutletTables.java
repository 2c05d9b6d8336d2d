package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.Map;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Everything the reports need of a set of documents (an outlet, or the corpus), summed in one
 * pass over the documents: their terms, their entities and the entities' co-occurrence.
 * Without entity recognition the entity tables stay empty. Mutable: the accumulator of
 * {@link #combineFn()}.
 */
@DefaultCoder(TableCoders.OutletTablesCoder.class)
public record OutletTables(TermTable terms, EntityTable entities, CooccurrenceTable cooccurrence)
    implements Serializable, Summable<AnalyzedDocument, OutletTables> {

  public OutletTables() {
    this(new TermTable(), new EntityTable(), new CooccurrenceTable());
  }

  @Override
  public OutletTables add(AnalyzedDocument doc) {
    terms.add(doc);
    DocumentEntities entitiesOfDoc = doc.entities();
    entities.add(entitiesOfDoc);
    cooccurrence.add(entitiesOfDoc); // also counts the units of a document without mentions
    return this;
  }

  @Override
  public OutletTables merge(OutletTables other) {
    terms.merge(other.terms);
    entities.merge(other.entities);
    cooccurrence.merge(other.cooccurrence);
    return this;
  }

  /**
   * Merges each of the other's tables into the larger of the two: an outlet's stored term totals
   * meet segments' entity parts, whose term tables are empty ({@link EncodedTables#entityPart}).
   */
  @Override
  public OutletTables mergeOwned(OutletTables other) {
    TermTable t = terms.size() >= other.terms.size() ? terms.merge(other.terms) : other.terms.merge(terms);
    EntityTable e = entities.entities().size() >= other.entities.entities().size() ? entities.merge(other.entities)
        : other.entities.merge(entities);
    CooccurrenceTable c = cooccurrence.entityCount() >= other.cooccurrence.entityCount()
        ? cooccurrence.merge(other.cooccurrence) : other.cooccurrence.merge(cooccurrence);
    return new OutletTables(t, e, c);
  }

  /** The same tables with entities renamed: {@link EntityTable#renamed}, {@link CooccurrenceTable#renamed}. */
  public OutletTables withEntitiesRenamed(Map<String, String> renames) {
    EntityTable renamedEntities = entities.renamed(renames);
    return renamedEntities == entities ? this : new OutletTables(terms, renamedEntities, cooccurrence.renamed(renames));
  }

  /** Sums analysed documents into the tables of their outlet. */
  public static Combine.CombineFn<AnalyzedDocument, OutletTables, OutletTables> combineFn() {
    return Summable.combineFn(OutletTables.class, OutletTables::new);
  }

  /** Merges the tables of disjoint sets of documents (the outlets) into one (the corpus). */
  public static Combine.CombineFn<OutletTables, OutletTables, OutletTables> mergeFn() {
    return Summable.mergeFn(OutletTables.class, OutletTables::new);
  }
}
