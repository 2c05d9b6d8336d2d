package org.presslens.transforms.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * What the trend reports need of the documents of one outlet with one publication date (or of
 * one period): their term counts and their entity mention counts, each with document frequencies,
 * running words and documents. Entities are keyed as {@link Mention#key()}. The documents
 * without a date are only counted ({@link #counted}), since their terms are the outlet's terms
 * less the dated ones. Mutable: the accumulator of {@link #mergeFn()}.
 */
@DefaultCoder(DatedTables.Coder.class)
public record DatedTables(TermTable terms, TermTable entities) implements Serializable, Summable<AnalyzedDocument, DatedTables> {

  public DatedTables() {
    this(new TermTable(), new TermTable());
  }

  @Override
  public DatedTables add(AnalyzedDocument doc) {
    terms.add(doc);
    entities.addDocument(mentionCounts(doc), doc.tokens());
    return this;
  }

  /** Counts a document's running words, not its terms. */
  public DatedTables counted(AnalyzedDocument doc) {
    terms.addDocument(Map.of(), doc.tokens());
    entities.addDocument(Map.of(), doc.tokens());
    return this;
  }

  /**
   * Takes away a document as it was counted: {@link #add}ed when it has a publication date, only
   * {@link #counted} when not. Terms and entities no document counts any more are left out by
   * {@link #withoutEmpty}.
   */
  public DatedTables subtract(AnalyzedDocument doc) {
    boolean dated = !doc.published().isEmpty();
    terms.subtractDocument(dated ? doc.termCounts() : Map.of(), doc.tokens());
    entities.subtractDocument(dated ? mentionCounts(doc) : Map.of(), doc.tokens());
    return this;
  }

  /** The same tables without the terms and entities no document counts any more. */
  public DatedTables withoutEmpty() {
    return new DatedTables(terms.withoutEmpty(), entities.withoutEmpty());
  }

  /** Each entity's mentions in the document, keyed as {@link Mention#key()}. */
  private static Map<String, Integer> mentionCounts(AnalyzedDocument doc) {
    Map<String, Integer> mentions = new HashMap<>();
    doc.mentions().forEach(m -> mentions.merge(m.key(), 1, Integer::sum));
    return mentions;
  }

  @Override
  public DatedTables merge(DatedTables other) {
    terms.merge(other.terms);
    entities.merge(other.entities);
    return this;
  }

  /** The running words and documents without the counts. */
  public DatedTables sizesOnly() {
    return new DatedTables(new TermTable(0, terms.tokens(), terms.documents()),
        new TermTable(0, entities.tokens(), entities.documents()));
  }

  /** Only these terms and entities, with the same running words and documents. */
  public DatedTables only(Collection<String> wantedTerms, Collection<String> wantedEntities) {
    return new DatedTables(terms.only(wantedTerms), entities.only(wantedEntities));
  }

  /** The same tables with entities renamed as {@link TermTable#renamed} does. */
  public DatedTables withEntitiesRenamed(Map<String, String> renames) {
    TermTable renamed = entities.renamed(renames);
    return renamed == entities ? this : new DatedTables(terms, renamed);
  }

  public long words() {
    return terms.tokens();
  }

  public int documents() {
    return terms.documents();
  }

  public static Combine.CombineFn<DatedTables, DatedTables, DatedTables> mergeFn() {
    return Summable.mergeFn(DatedTables.class, DatedTables::new);
  }

  /** The two tables one after the other. */
  public static final class Coder extends ClassCoder<DatedTables> {
    public static final Coder INSTANCE = new Coder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(DatedTables.class), INSTANCE);
    }

    @Override
    public void encode(DatedTables t, OutputStream out) throws IOException {
      RecordCoders.TermTableCoder.INSTANCE.encode(t.terms(), out);
      RecordCoders.TermTableCoder.INSTANCE.encode(t.entities(), out);
    }

    @Override
    public DatedTables decode(InputStream in) throws IOException {
      return new DatedTables(RecordCoders.TermTableCoder.INSTANCE.decode(in), RecordCoders.TermTableCoder.INSTANCE.decode(in));
    }
  }
}
