package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Term counts and document frequencies summed over a set of documents (the corpus or one
 * outlet), with the number of running words and documents behind them. Mutable: it is the
 * accumulator of {@link #combineFn()}.
 */
@DefaultCoder(RecordCoders.TermTableCoder.class)
public final class TermTable implements Serializable, Summable<AnalyzedDocument, TermTable> {

  private static final long serialVersionUID = 1L;

  private final HashMap<String, Long> counts;
  private final HashMap<String, Integer> docFreq;
  private long tokens;
  private int documents;

  public TermTable() {
    this(new HashMap<>(), new HashMap<>(), 0, 0);
  }

  /** A table as its coder decodes it: {@code docFreq} has the keys of {@code counts}. */
  TermTable(HashMap<String, Long> counts, HashMap<String, Integer> docFreq, long tokens, int documents) {
    this.counts = counts;
    this.docFreq = docFreq;
    this.tokens = tokens;
    this.documents = documents;
  }

  /** The entity table's mentions and mentioning documents as a table of items keyed as {@link Mention#key()}. */
  public static TermTable ofEntities(EntityTable entities, long tokens, int documents) {
    HashMap<String, Long> counts = new HashMap<>();
    HashMap<String, Integer> docFreq = new HashMap<>();
    entities.entities().forEach((key, e) -> {
      counts.put(key, e.mentions());
      docFreq.put(key, (int) e.documentCount());
    });
    return new TermTable(counts, docFreq, tokens, documents);
  }

  @Override
  public TermTable add(AnalyzedDocument doc) {
    return addDocument(doc.termCounts(), doc.tokens());
  }

  /** Adds one document given by its counts of some items (terms, or entities) and its running words. */
  public TermTable addDocument(Map<String, Integer> itemCounts, long words) {
    for (Map.Entry<String, Integer> e : itemCounts.entrySet()) {
      counts.merge(e.getKey(), (long) e.getValue(), Long::sum);
      docFreq.merge(e.getKey(), 1, Integer::sum);
    }
    tokens += words;
    documents++;
    return this;
  }

  @Override
  public TermTable merge(TermTable other) {
    other.counts.forEach((term, n) -> counts.merge(term, n, Long::sum));
    other.docFreq.forEach((term, n) -> docFreq.merge(term, n, Integer::sum));
    tokens += other.tokens;
    documents += other.documents;
    return this;
  }

  public Map<String, Long> counts() {
    return counts;
  }

  public Map<String, Integer> docFreq() {
    return docFreq;
  }

  public long tokens() {
    return tokens;
  }

  public int documents() {
    return documents;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TermTable t && tokens == t.tokens && documents == t.documents
        && counts.equals(t.counts) && docFreq.equals(t.docFreq);
  }

  @Override
  public int hashCode() {
    return Objects.hash(counts, docFreq, tokens, documents);
  }

  /** Sums analysed documents into one table. */
  public static Combine.CombineFn<AnalyzedDocument, TermTable, TermTable> combineFn() {
    return Summable.combineFn(TermTable.class, TermTable::new);
  }

  /** Merges tables of disjoint documents (the outlet tables) into one (the corpus table). */
  public static Combine.CombineFn<TermTable, TermTable, TermTable> mergeFn() {
    return Summable.mergeFn(TermTable.class, TermTable::new);
  }
}
