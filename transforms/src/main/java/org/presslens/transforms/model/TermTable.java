package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Term counts and document frequencies summed over a set of documents (the corpus or one
 * outlet), with the number of running words and documents behind them. Mutable: it is the
 * accumulator of {@link #combineFn()}.
 *
 * <p>An outlet's or the corpus's table holds hundreds of thousands of terms (n-grams included),
 * and a run holds several at once. So the terms are numbered by a {@link TermIndex} and their
 * counts and document frequencies sit in arrays by number, rather than in two hash maps with a
 * node, and often a box, per term and map: a third of the memory, and far fewer objects for the
 * collector to trace. Iteration is in the order terms were first added.
 */
@DefaultCoder(RecordCoders.TermTableCoder.class)
public final class TermTable implements Serializable, Summable<AnalyzedDocument, TermTable> {

  private static final long serialVersionUID = 2L;
  private static final int ABSENT = TermIndex.ABSENT;

  private final TermIndex index;
  private long[] counts;
  private int[] docFreq;
  private long tokens;
  private int documents;

  public TermTable() {
    this(0, 0, 0);
  }

  /** An empty table with room for {@code expected} terms, standing for these words and documents. */
  TermTable(int expected, long tokens, int documents) {
    index = new TermIndex(expected);
    counts = new long[index.capacity()];
    docFreq = new int[index.capacity()];
    this.tokens = tokens;
    this.documents = documents;
  }

  /** The entity table's mentions and mentioning documents as a table of items keyed as {@link Mention#key()}. */
  public static TermTable ofEntities(EntityTable entities, long tokens, int documents) {
    TermTable table = new TermTable(entities.entities().size(), tokens, documents);
    entities.entities().forEach((key, e) -> table.add(key, e.mentions(), (int) e.documentCount()));
    return table;
  }

  @Override
  public TermTable add(AnalyzedDocument doc) {
    return addDocument(doc.termCounts(), doc.tokens());
  }

  /** Adds one document given by its counts of some items (terms, or entities) and its running words. */
  public TermTable addDocument(Map<String, Integer> itemCounts, long words) {
    for (Map.Entry<String, Integer> e : itemCounts.entrySet()) {
      add(e.getKey(), e.getValue(), 1);
    }
    tokens += words;
    documents++;
    return this;
  }

  @Override
  public TermTable merge(TermTable other) {
    for (int i = 0; i < other.size(); i++) {
      add(other.index.term(i), other.counts[i], other.docFreq[i]);
    }
    tokens += other.tokens;
    documents += other.documents;
    return this;
  }

  /**
   * Takes away one document that {@link #addDocument} added (its counts of some items and its running
   * words): the table then holds what the other documents add up to, except that a term only that
   * document had stays with count 0 until {@link #withoutEmpty}.
   *
   * @throws IllegalStateException when the table lacks one of the document's items, or holds fewer of it
   */
  public TermTable subtractDocument(Map<String, Integer> itemCounts, long words) {
    for (Map.Entry<String, Integer> e : itemCounts.entrySet()) {
      int entry = index.find(e.getKey());
      if (entry == ABSENT || counts[entry] < e.getValue() || docFreq[entry] < 1) {
        throw new IllegalStateException("cannot take a document's " + e.getKey() + " from a table without it");
      }
      counts[entry] -= e.getValue();
      docFreq[entry]--;
    }
    if (documents < 1 || tokens < words) {
      throw new IllegalStateException("cannot take a document from a table of " + documents + " documents");
    }
    tokens -= words;
    documents--;
    return this;
  }

  /** The same table without the terms no document counts any more ({@link #subtractDocument}); this one when there are none. */
  public TermTable withoutEmpty() {
    int held = 0;
    for (int i = 0; i < size(); i++) {
      held += docFreq[i] > 0 ? 1 : 0;
    }
    if (held == size()) {
      return this;
    }
    TermTable out = new TermTable(held, tokens, documents);
    forEach((term, count, documentFrequency) -> {
      if (documentFrequency > 0) {
        out.add(term, count, documentFrequency);
      }
    });
    return out;
  }

  /** Adds occurrences and documents of one term (words and documents of the table stay as they are). */
  void add(String term, long count, int documentCount) {
    int entry = index.add(term);
    if (entry == counts.length) {
      counts = Arrays.copyOf(counts, index.capacity());
      docFreq = Arrays.copyOf(docFreq, index.capacity());
    }
    counts[entry] += count;
    docFreq[entry] += documentCount;
  }

  /** The term's count; 0 when the table does not have it. */
  public long count(String term) {
    int entry = index.find(term);
    return entry == ABSENT ? 0 : counts[entry];
  }

  /** The number of documents with the term; 0 when the table does not have it. */
  public int documentFrequency(String term) {
    int entry = index.find(term);
    return entry == ABSENT ? 0 : docFreq[entry];
  }

  public boolean contains(String term) {
    return index.find(term) != ABSENT;
  }

  /** A table of only these of its terms (those it has), standing for the same words and documents. */
  public TermTable only(Collection<String> wanted) {
    TermTable part = new TermTable(wanted.size(), tokens, documents);
    for (String term : wanted) {
      int entry = index.find(term);
      if (entry != ABSENT) {
        part.add(term, counts[entry], docFreq[entry]);
      }
    }
    return part;
  }

  /**
   * A table in which each term that {@code renames} maps is counted under the term it maps to, with
   * the same words and documents. Document frequencies add up, so the terms that are renamed into
   * one must not share documents (as spelling variants of one entity name do not). This table
   * when nothing is renamed.
   */
  public TermTable renamed(Map<String, String> renames) {
    if (renames.keySet().stream().noneMatch(this::contains)) {
      return this;
    }
    TermTable out = new TermTable(size(), tokens, documents);
    forEach((term, count, documentFrequency) -> out.add(renames.getOrDefault(term, term), count, documentFrequency));
    return out;
  }

  /** The number of distinct terms. */
  public int size() {
    return index.size();
  }

  /** Receives each term of a table with its count and document frequency. */
  @FunctionalInterface
  public interface TermConsumer {
    void accept(String term, long count, int documentFrequency);
  }

  /** Each term with its count and document frequency, in the order terms were first added. */
  public void forEach(TermConsumer consumer) {
    for (int i = 0; i < size(); i++) {
      consumer.accept(index.term(i), counts[i], docFreq[i]);
    }
  }

  /** Entry {@code i}'s term, count and document frequency (entries in the order terms were first added), for the coder. */
  String termAt(int i) {
    return index.term(i);
  }

  long countAt(int i) {
    return counts[i];
  }

  int documentFrequencyAt(int i) {
    return docFreq[i];
  }

  /** The terms, in the order they were first added. */
  public List<String> terms() {
    return index.terms();
  }

  public long tokens() {
    return tokens;
  }

  public int documents() {
    return documents;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TermTable t) || tokens != t.tokens || documents != t.documents || size() != t.size()) {
      return false;
    }
    for (int i = 0; i < size(); i++) {
      int other = t.index.find(index.term(i));
      if (other == ABSENT || counts[i] != t.counts[other] || docFreq[i] != t.docFreq[other]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = Objects.hash(tokens, documents, size());
    for (int i = 0; i < size(); i++) {
      hash += index.term(i).hashCode() ^ Long.hashCode(counts[i] * 31 + docFreq[i]);
    }
    return hash;
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
