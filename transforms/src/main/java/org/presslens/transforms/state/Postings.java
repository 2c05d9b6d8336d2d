package org.presslens.transforms.state;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.TermIndex;

/**
 * Which counted documents of a segment hold each term: for finding an outlet's first documents
 * (by doc_id) with a term again without the documents' analyses, as the concordance needs them.
 *
 * <p>Segments' postings wait on the heap until the distinctive terms are known, and a segment has
 * an entry for every term (n-grams too) of its documents, so they are kept in three arrays rather
 * than a map of arrays: the terms sorted, where each term's positions start, and all positions.
 * A map would spend an entry, an array header and a table slot on each term, most of which
 * occur in one or two documents.
 */
public final class Postings implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String[] docIds;
  private final String[] outlets;
  private final String[] terms;
  private final int[] starts;
  private final int[] positions;

  /**
   * @param docIds the documents, sorted
   * @param outlets the outlet of each document, aligned with {@code docIds}
   * @param terms the terms, sorted ({@link String#compareTo})
   * @param starts where each term's positions begin in {@code positions}, and their end as the last value
   * @param positions for each term in turn, the positions in {@code docIds} of the documents counting it, ascending
   */
  private Postings(String[] docIds, String[] outlets, String[] terms, int[] starts, int[] positions) {
    this.docIds = docIds;
    this.outlets = outlets;
    this.terms = terms;
    this.starts = starts;
    this.positions = positions;
  }

  /**
   * Postings from a map of each term to the ascending positions of its documents, in any order
   * (as {@link StateCoders} reads them).
   */
  static Postings of(String[] docIds, String[] outlets, Map<String, int[]> byTerm) {
    String[] sorted = byTerm.keySet().toArray(String[]::new);
    Arrays.sort(sorted);
    int[][] lists = new int[sorted.length][];
    for (int t = 0; t < sorted.length; t++) {
      lists[t] = byTerm.get(sorted[t]);
    }
    return ofSorted(docIds, outlets, sorted, lists);
  }

  /** Postings from the terms in sorted order and each one's ascending positions. */
  static Postings ofSorted(String[] docIds, String[] outlets, String[] sortedTerms, int[][] lists) {
    int[] starts = new int[sortedTerms.length + 1];
    for (int t = 0; t < sortedTerms.length; t++) {
      starts[t + 1] = starts[t] + lists[t].length;
    }
    int[] positions = new int[starts[sortedTerms.length]];
    for (int t = 0; t < sortedTerms.length; t++) {
      System.arraycopy(lists[t], 0, positions, starts[t], lists[t].length);
    }
    return new Postings(docIds, outlets, sortedTerms, starts, positions);
  }

  /** The postings of the given documents. */
  public static Postings of(List<AnalyzedDocument> docs) {
    Builder builder = new Builder();
    docs.forEach(builder::add);
    return builder.build();
  }

  /** The documents, sorted. */
  public String[] docIds() {
    return docIds;
  }

  /** The outlet of each document, aligned with {@link #docIds()}. */
  public String[] outlets() {
    return outlets;
  }

  /** Number of terms. */
  public int termCount() {
    return terms.length;
  }

  /** Term {@code t} in sorted order. */
  public String term(int t) {
    return terms[t];
  }

  /** How many documents count term {@code t}. */
  public int documentCount(int t) {
    return starts[t + 1] - starts[t];
  }

  /** The position in {@link #docIds()} of the {@code i}-th document counting term {@code t}. */
  public int position(int t, int i) {
    return positions[starts[t] + i];
  }

  /**
   * Postings built one document at a time, in any order. An open segment adds thousands of
   * documents, with an entry for each of their terms, before it is built: each term is numbered
   * ({@link TermIndex}), and each (term, document) pair is two ints, rather than a growing array
   * and two map entries per term.
   */
  public static final class Builder {
    private final List<String> ids = new ArrayList<>();
    private final List<String> outlets = new ArrayList<>();
    private final TermIndex terms = new TermIndex(256);
    private int[] pairTerm = new int[1024];
    private int[] pairDocument = new int[1024];
    private int pairs;

    public void add(AnalyzedDocument doc) {
      int d = ids.size();
      ids.add(doc.docId());
      outlets.add(doc.outlet());
      for (String term : doc.termCounts().keySet()) {
        if (pairs == pairTerm.length) {
          pairTerm = Arrays.copyOf(pairTerm, 2 * pairs);
          pairDocument = Arrays.copyOf(pairDocument, 2 * pairs);
        }
        pairTerm[pairs] = terms.add(term);
        pairDocument[pairs] = d;
        pairs++;
      }
    }

    /** Positions renumbered in doc_id order. */
    public Postings build() {
      Integer[] order = new Integer[ids.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> ids.get(a).compareTo(ids.get(b)));
      String[] sortedIds = new String[order.length];
      String[] sortedOutlets = new String[order.length];
      int[] rank = new int[order.length];
      for (int i = 0; i < order.length; i++) {
        sortedIds[i] = ids.get(order[i]);
        sortedOutlets[i] = outlets.get(order[i]);
        rank[order[i]] = i;
      }
      int termCount = terms.size();
      String[] sortedTerms = terms.terms().toArray(String[]::new);
      Arrays.sort(sortedTerms);
      int[] placeOfEntry = new int[termCount];
      for (int t = 0; t < termCount; t++) {
        placeOfEntry[terms.find(sortedTerms[t])] = t;
      }
      // a counting sort of the pairs by term, then each term's documents in doc_id order
      int[] starts = new int[termCount + 1];
      for (int i = 0; i < pairs; i++) {
        starts[placeOfEntry[pairTerm[i]] + 1]++;
      }
      for (int t = 0; t < termCount; t++) {
        starts[t + 1] += starts[t];
      }
      int[] next = Arrays.copyOf(starts, termCount);
      int[] positions = new int[pairs];
      for (int i = 0; i < pairs; i++) {
        positions[next[placeOfEntry[pairTerm[i]]]++] = rank[pairDocument[i]];
      }
      for (int t = 0; t < termCount; t++) {
        Arrays.sort(positions, starts[t], starts[t + 1]);
      }
      return new Postings(sortedIds, sortedOutlets, sortedTerms, starts, positions);
    }
  }

  /** The postings of the documents of one outlet. */
  public Postings of(String outlet) {
    int[] renumbered = new int[docIds.length];
    List<String> ids = new ArrayList<>();
    for (int d = 0; d < docIds.length; d++) {
      renumbered[d] = outlets[d].equals(outlet) ? ids.size() : -1;
      if (renumbered[d] >= 0) {
        ids.add(docIds[d]);
      }
    }
    List<String> keptTerms = new ArrayList<>();
    int[] keptStarts = new int[terms.length + 1];
    int[] kept = new int[positions.length];
    int size = 0;
    for (int t = 0; t < terms.length; t++) {
      int before = size;
      for (int i = starts[t]; i < starts[t + 1]; i++) {
        if (renumbered[positions[i]] >= 0) {
          kept[size++] = renumbered[positions[i]];
        }
      }
      if (size > before) {
        keptTerms.add(terms[t]);
        keptStarts[keptTerms.size()] = size;
      }
    }
    String[] outletOfEach = new String[ids.size()];
    Arrays.fill(outletOfEach, outlet);
    return new Postings(ids.toArray(String[]::new), outletOfEach, keptTerms.toArray(String[]::new),
        Arrays.copyOf(keptStarts, keptTerms.size() + 1), Arrays.copyOf(kept, size));
  }

  /** The postings of the documents of all {@code parts} (each document in one part only). */
  public static Postings merge(List<Postings> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    record Doc(String id, String outlet, int part, int index) {}
    List<Doc> all = new ArrayList<>();
    int[][] rank = new int[parts.size()][];
    for (int part = 0; part < parts.size(); part++) {
      Postings p = parts.get(part);
      rank[part] = new int[p.docIds.length];
      for (int d = 0; d < p.docIds.length; d++) {
        all.add(new Doc(p.docIds[d], p.outlets[d], part, d));
      }
    }
    all.sort((x, y) -> x.id().compareTo(y.id()));
    String[] ids = new String[all.size()];
    String[] outletOfEach = new String[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Doc doc = all.get(i);
      ids[i] = doc.id();
      outletOfEach[i] = doc.outlet();
      rank[doc.part()][doc.index()] = i;
    }
    return mergeTerms(parts, rank, ids, outletOfEach);
  }

  /**
   * The parts' terms merged in order (each part's are sorted already, so no term is hashed or
   * sorted again), each with its documents' positions in the merged documents: a part's
   * positions map in ascending order, and where several parts count a term its positions are sorted.
   */
  private static Postings mergeTerms(List<Postings> parts, int[][] rank, String[] ids, String[] outletOfEach) {
    int termBound = 0;
    int positionCount = 0;
    for (Postings p : parts) {
      termBound += p.terms.length;
      positionCount += p.positions.length;
    }
    String[] terms = new String[termBound];
    int[] starts = new int[termBound + 1];
    int[] positions = new int[positionCount];
    int[] next = new int[parts.size()];
    int termCount = 0;
    int size = 0;
    while (true) {
      String least = null;
      for (int part = 0; part < parts.size(); part++) {
        String[] partTerms = parts.get(part).terms;
        if (next[part] < partTerms.length && (least == null || partTerms[next[part]].compareTo(least) < 0)) {
          least = partTerms[next[part]];
        }
      }
      if (least == null) {
        break;
      }
      int from = size;
      int contributing = 0;
      for (int part = 0; part < parts.size(); part++) {
        Postings p = parts.get(part);
        int t = next[part];
        if (t < p.terms.length && p.terms[t].equals(least)) {
          for (int i = p.starts[t]; i < p.starts[t + 1]; i++) {
            positions[size++] = rank[part][p.positions[i]];
          }
          next[part]++;
          contributing++;
        }
      }
      if (contributing > 1) {
        Arrays.sort(positions, from, size);
      }
      terms[termCount++] = least;
      starts[termCount] = size;
    }
    return new Postings(ids, outletOfEach, Arrays.copyOf(terms, termCount), Arrays.copyOf(starts, termCount + 1),
        positions);
  }

  /** The first {@code cap} doc_ids (in order) of the documents of {@code outlet} counting {@code term}. */
  public List<String> firstDocuments(String term, String outlet, int cap) {
    int t = Arrays.binarySearch(terms, term);
    if (t < 0) {
      return List.of();
    }
    List<String> first = new ArrayList<>(Math.min(cap, starts[t + 1] - starts[t]));
    for (int i = starts[t]; i < starts[t + 1] && first.size() < cap; i++) {
      if (outlets[positions[i]].equals(outlet)) {
        first.add(docIds[positions[i]]);
      }
    }
    return first;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Postings p && Arrays.equals(docIds, p.docIds) && Arrays.equals(outlets, p.outlets)
        && Arrays.equals(terms, p.terms) && Arrays.equals(starts, p.starts) && Arrays.equals(positions, p.positions);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(docIds);
  }
}
