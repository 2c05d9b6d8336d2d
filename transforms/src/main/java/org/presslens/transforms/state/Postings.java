package org.presslens.transforms.state;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.presslens.transforms.SpillToFiles;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.ByteIo;
import org.presslens.transforms.model.TermIndex;

/**
 * Which counted documents of a segment hold each term, and how often: for finding an outlet's
 * first documents (by doc_id) with a term again without the documents' analyses, as the
 * concordance needs them.
 *
 * <p>Segments' postings wait on the heap until the distinctive terms are known, and a segment has
 * an entry for every term (n-grams too) of its documents, so they are kept in three arrays rather
 * than a map of arrays: the terms sorted, where each term's entries start, and all entries. An
 * entry is a document's position in {@code docIds} and its count of the term in one int: the
 * position in the upper bits, the count (up to {@link #COUNT_CAP}) in the lowest byte, so that
 * sorting entries sorts positions. A map would spend an entry, an array header and a table slot
 * on each term, most of which occur in one or two documents.
 *
 * <p>A finished segment's postings can be {@linkplain #spilledInto spilled}: they then wait in a
 * file of the run's own, and the segment holds its name, since a segment's postings are its
 * largest part and the direct runner holds a bundle's finished segments until the bundle ends.
 * Spilled postings are read with {@link #loaded()}; every other method needs loaded ones.
 *
 * <p>Postings can also be made of several <em>parts</em> (the documents of each in no other), and
 * a part read from a coder or the store stays <em>encoded</em> until something asks for its
 * documents. An outlet's totals are such parts: a rerun adds the part of its new documents to
 * the last run's parts and stores them again without decoding, merging or encoding them
 * ({@link #combined}); only the concordance, which looks up a few hundred terms, decodes them.
 */
public final class Postings implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Counts are kept up to this; a larger count is kept as this, a lower bound, which only makes
   * {@link #firstDocuments} name more documents than it needs.
   */
  public static final int COUNT_CAP = 255;
  private static final int COUNT_BITS = 8;
  /** Documents per postings at most, so that a position fits the upper bits of an entry. */
  static final int MAX_DOCUMENTS = Integer.MAX_VALUE >> COUNT_BITS;

  private final String[] docIds;
  private final String[] outlets;
  private final String[] terms;
  private final int[] starts;
  private final int[] entries;
  /** Spilled: the file holding the encoded postings (and the arrays are null); loaded: null. */
  private final String file;
  private final int length;
  /** Encoded: one part's encoding ({@link StateCoders#encodePart}), decoded when first needed; otherwise null. */
  private final byte[] encoded;
  /** Parts: the postings of disjoint sets of documents, each loaded or encoded; otherwise null. */
  private final List<Postings> parts;

  /**
   * Parts an outlet's totals keep at most; beyond that {@link #combined} merges them into one, so
   * that scheduled reruns, each adding a part, do not pile them up.
   */
  static final int MAX_PARTS = 8;

  /**
   * @param docIds the documents, sorted
   * @param outlets the outlet of each document, aligned with {@code docIds}
   * @param terms the terms, sorted ({@link String#compareTo})
   * @param starts where each term's entries begin in {@code entries}, and their end as the last value
   * @param entries for each term in turn, the documents counting it ({@link #entry}), ascending
   */
  private Postings(String[] docIds, String[] outlets, String[] terms, int[] starts, int[] entries) {
    if (docIds.length > MAX_DOCUMENTS) {
      throw new IllegalArgumentException("more than " + MAX_DOCUMENTS + " documents in one segment's postings");
    }
    this.docIds = docIds;
    this.outlets = outlets;
    this.terms = terms;
    this.starts = starts;
    this.entries = entries;
    this.file = null;
    this.length = 0;
    this.encoded = null;
    this.parts = null;
  }

  private Postings(String file, int length, byte[] encoded, List<Postings> parts) {
    this.docIds = null;
    this.outlets = null;
    this.terms = null;
    this.starts = null;
    this.entries = null;
    this.file = file;
    this.length = length;
    this.encoded = encoded;
    this.parts = parts;
  }

  /** Postings spilled into {@code file} ({@link #spilledInto}), {@code length} bytes long: as a coder reads their name. */
  static Postings inFile(String file, int length) {
    return new Postings(file, length, null, null);
  }

  /** One part's encoding ({@link StateCoders#encodePart}), decoded when first needed. */
  static Postings encodedPart(byte[] encoded) {
    return new Postings(null, 0, encoded, null);
  }

  /** The postings made of {@code parts}, whose documents are disjoint; spilled ones are read first, nothing is decoded. */
  static Postings ofParts(List<Postings> parts) {
    List<Postings> flat = new ArrayList<>();
    parts.forEach(p -> p.parts().stream().filter(part -> part.docIds == null || part.docIds.length > 0).forEach(flat::add));
    if (flat.isEmpty()) {
      return new Builder().build();
    }
    return flat.size() == 1 ? flat.get(0) : new Postings(null, 0, null, List.copyOf(flat));
  }

  /**
   * The postings of the documents of {@code stored} and {@code built} (each document in one only)
   * as parts: the stored ones (a last run's totals) kept as they are, without decoding them, the
   * ones this run built merged into one; all merged into one when that would leave more than
   * {@link #MAX_PARTS} parts.
   */
  public static Postings combined(List<Postings> stored, List<Postings> built) {
    List<Postings> parts = new ArrayList<>(stored);
    if (!built.isEmpty()) {
      parts.add(ofParts(built).merged());
    }
    Postings all = ofParts(parts);
    return all.parts().size() <= MAX_PARTS ? all : all.merged();
  }

  /** These postings as one loaded part. */
  private Postings merged() {
    return merge(List.of(loaded()));
  }

  /** The parts of these postings, each loaded or encoded (spilled ones are read from their file). */
  List<Postings> parts() {
    if (parts != null) {
      return parts;
    }
    if (file != null) {
      return readSpilled().parts();
    }
    return List.of(this);
  }

  /** This part's encoding ({@link StateCoders#encodePart}); an encoded part's without decoding it. */
  byte[] partBytes() {
    if (encoded != null) {
      return encoded;
    }
    requireLoaded();
    UnsynchronizedByteArrayOutputStream bytes = ByteIo.output();
    try {
      StateCoders.encodePart(this, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private Postings readSpilled() {
    try {
      return StateCoders.decodePostings(ByteIo.of(SpillToFiles.readBytes(file, length)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the spilled postings " + file, e);
    }
  }

  /**
   * The same postings in a new file of {@code folder} (the run's spill folder, which the run
   * deletes) when their encoding is at least {@code minBytes} long; smaller ones, and spilled
   * ones, as they are.
   */
  public Postings spilledInto(String folder, int minBytes) {
    if (file != null) {
      return this;
    }
    UnsynchronizedByteArrayOutputStream bytes = ByteIo.output();
    try {
      StateCoders.encodePostings(this, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.size() < minBytes) {
      return this;
    }
    return inFile(SpillToFiles.writeBytes(folder, "postings", bytes.toByteArray()), bytes.size());
  }

  /** Whether these postings wait in a file ({@link #spilledInto}). */
  public boolean spilled() {
    return file != null;
  }

  /** The spilled postings' file and length in bytes (for their coder). */
  String file() {
    return file;
  }

  int length() {
    return length;
  }

  /**
   * These postings with their arrays in memory: read from their file when spilled, decoded when
   * encoded (a new copy each time); parts stay parts, each loaded.
   */
  public Postings loaded() {
    if (file != null) {
      return readSpilled().loaded();
    }
    if (encoded != null) {
      try {
        return StateCoders.decodePart(ByteIo.of(encoded));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot decode stored postings", e);
      }
    }
    if (parts != null && !parts.stream().allMatch(p -> p.docIds != null)) {
      return new Postings(null, 0, null, parts.stream().map(Postings::loaded).toList());
    }
    return this;
  }

  /** The arrays of one loaded part: what the methods that read documents and terms need. */
  private void requireLoaded() {
    if (docIds == null) {
      throw new IllegalStateException(file != null ? "postings spilled into " + file + " are read with loaded() first"
          : "postings that are encoded or in parts are read with loaded() (and merge) first");
    }
  }

  /** The entry of the document at {@code position} counting a term {@code count} times. */
  static int entry(int position, int count) {
    return position << COUNT_BITS | Math.min(count, COUNT_CAP);
  }

  private static int positionOf(int entry) {
    return entry >>> COUNT_BITS;
  }

  private static int countOf(int entry) {
    return entry & COUNT_CAP;
  }

  /** The entry with its position replaced. */
  private static int moved(int entry, int position) {
    return entry(position, countOf(entry));
  }

  /**
   * Postings from a map of each term to the ascending entries of its documents ({@link #entry}),
   * in any order (as {@link StateCoders} reads them).
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

  /** Postings from the terms in sorted order and each one's ascending entries ({@link #entry}). */
  static Postings ofSorted(String[] docIds, String[] outlets, String[] sortedTerms, int[][] lists) {
    int[] starts = new int[sortedTerms.length + 1];
    for (int t = 0; t < sortedTerms.length; t++) {
      starts[t + 1] = starts[t] + lists[t].length;
    }
    int[] entries = new int[starts[sortedTerms.length]];
    for (int t = 0; t < sortedTerms.length; t++) {
      System.arraycopy(lists[t], 0, entries, starts[t], lists[t].length);
    }
    return new Postings(docIds, outlets, sortedTerms, starts, entries);
  }

  /** The postings of the given documents. */
  public static Postings of(List<AnalyzedDocument> docs) {
    Builder builder = new Builder();
    docs.forEach(builder::add);
    return builder.build();
  }

  /** The documents, sorted. */
  public String[] docIds() {
    requireLoaded();
    return docIds;
  }

  /** The outlet of each document, aligned with {@link #docIds()}. */
  public String[] outlets() {
    requireLoaded();
    return outlets;
  }

  /** Number of terms. */
  public int termCount() {
    requireLoaded();
    return terms.length;
  }

  /** Term {@code t} in sorted order. */
  public String term(int t) {
    requireLoaded();
    return terms[t];
  }

  /** How many documents count term {@code t}. */
  public int documentCount(int t) {
    requireLoaded();
    return starts[t + 1] - starts[t];
  }

  /** The position in {@link #docIds()} of the {@code i}-th document counting term {@code t}. */
  public int position(int t, int i) {
    requireLoaded();
    return positionOf(entries[starts[t] + i]);
  }

  /** How often the {@code i}-th document counting term {@code t} counts it, up to {@link #COUNT_CAP}. */
  public int count(int t, int i) {
    requireLoaded();
    return countOf(entries[starts[t] + i]);
  }

  /**
   * Postings built one document at a time, in any order. An open segment adds thousands of
   * documents, with an entry for each of their terms, before it is built: each term is numbered
   * ({@link TermIndex}), and each (term, document) pair is two ints (the term, and the document
   * with its count as an {@link #entry}), rather than a growing array and two map entries per term.
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
      for (Map.Entry<String, Integer> term : doc.termCounts().entrySet()) {
        if (pairs == pairTerm.length) {
          pairTerm = Arrays.copyOf(pairTerm, 2 * pairs);
          pairDocument = Arrays.copyOf(pairDocument, 2 * pairs);
        }
        pairTerm[pairs] = terms.add(term.getKey());
        pairDocument[pairs] = entry(d, term.getValue());
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
      int[] entries = new int[pairs];
      for (int i = 0; i < pairs; i++) {
        entries[next[placeOfEntry[pairTerm[i]]]++] = moved(pairDocument[i], rank[positionOf(pairDocument[i])]);
      }
      for (int t = 0; t < termCount; t++) {
        Arrays.sort(entries, starts[t], starts[t + 1]);
      }
      return new Postings(sortedIds, sortedOutlets, sortedTerms, starts, entries);
    }
  }

  /** The postings of the documents of one outlet (parts must be loaded, and stay parts). */
  public Postings of(String outlet) {
    if (parts != null) {
      return ofParts(parts.stream().map(p -> p.of(outlet)).toList());
    }
    requireLoaded();
    return keeping(d -> outlets[d].equals(outlet));
  }

  /** The postings of the other documents than {@code docIds}, as one loaded part. */
  public Postings without(Set<String> docIds) {
    return merge(List.of(withoutInParts(docIds).loaded()));
  }

  /**
   * The postings of the other documents than {@code docIds}, part by part: a part that holds none
   * of them stays as it is (an encoded one encoded, so that it is stored again without decoding
   * its terms), the others lose those documents. For an outlet's stored totals, which are parts.
   */
  public Postings withoutInParts(Set<String> docIds) {
    List<Postings> kept = new ArrayList<>();
    for (Postings part : parts()) {
      if (Arrays.stream(part.partDocIds()).noneMatch(docIds::contains)) {
        kept.add(part);
      } else {
        Postings loaded = part.loaded();
        kept.add(loaded.keeping(d -> !docIds.contains(loaded.docIds[d])));
      }
    }
    return ofParts(kept);
  }

  /** The documents of one part, read from its encoding without its terms when it is encoded. */
  private String[] partDocIds() {
    if (encoded == null) {
      requireLoaded();
      return docIds;
    }
    try {
      return StateCoders.decodePartDocIds(ByteIo.of(encoded));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode stored postings", e);
    }
  }

  /** The postings of the documents at the positions {@code keep} accepts, renumbered in order. */
  private Postings keeping(IntPredicate keep) {
    int[] renumbered = new int[docIds.length];
    List<String> ids = new ArrayList<>();
    List<String> outletOfEach = new ArrayList<>();
    for (int d = 0; d < docIds.length; d++) {
      renumbered[d] = keep.test(d) ? ids.size() : -1;
      if (renumbered[d] >= 0) {
        ids.add(docIds[d]);
        outletOfEach.add(outlets[d]);
      }
    }
    List<String> keptTerms = new ArrayList<>();
    int[] keptStarts = new int[terms.length + 1];
    int[] kept = new int[entries.length];
    int size = 0;
    for (int t = 0; t < terms.length; t++) {
      int before = size;
      for (int i = starts[t]; i < starts[t + 1]; i++) {
        if (renumbered[positionOf(entries[i])] >= 0) {
          kept[size++] = moved(entries[i], renumbered[positionOf(entries[i])]);
        }
      }
      if (size > before) {
        keptTerms.add(terms[t]);
        keptStarts[keptTerms.size()] = size;
      }
    }
    return new Postings(ids.toArray(String[]::new), outletOfEach.toArray(String[]::new),
        keptTerms.toArray(String[]::new), Arrays.copyOf(keptStarts, keptTerms.size() + 1), Arrays.copyOf(kept, size));
  }

  /**
   * The postings of the documents of all {@code sums} as one part (each document in one of them
   * only); their parts must be loaded.
   */
  public static Postings merge(List<Postings> sums) {
    List<Postings> parts = new ArrayList<>();
    sums.forEach(p -> parts.addAll(p.parts()));
    parts.forEach(Postings::requireLoaded);
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
   * sorted again), each with its documents' entries in the merged documents: a part's
   * positions map in ascending order, and where several parts count a term its entries are sorted.
   */
  private static Postings mergeTerms(List<Postings> parts, int[][] rank, String[] ids, String[] outletOfEach) {
    int termBound = 0;
    int entryCount = 0;
    for (Postings p : parts) {
      termBound += p.terms.length;
      entryCount += p.entries.length;
    }
    String[] terms = new String[termBound];
    int[] starts = new int[termBound + 1];
    int[] entries = new int[entryCount];
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
            entries[size++] = moved(p.entries[i], rank[part][positionOf(p.entries[i])]);
          }
          next[part]++;
          contributing++;
        }
      }
      if (contributing > 1) {
        Arrays.sort(entries, from, size);
      }
      terms[termCount++] = least;
      starts[termCount] = size;
    }
    return new Postings(ids, outletOfEach, Arrays.copyOf(terms, termCount), Arrays.copyOf(starts, termCount + 1),
        entries);
  }

  /** A document and how often it counts a term (up to {@link #COUNT_CAP}). */
  public record Occurrences(String docId, int count) {}

  /**
   * The first documents (by doc_id) of {@code outlet} counting {@code term}, as few as hold
   * {@code lines} occurrences together (all of them if they hold fewer): the documents that an
   * outlet's first {@code lines} concordance lines of the term can come from, since a document
   * holds at least as many occurrences of a term as it counts.
   */
  public List<Occurrences> firstDocuments(String term, String outlet, int lines) {
    if (parts != null) {
      return firstDocumentsOfParts(term, outlet, lines);
    }
    requireLoaded();
    int t = Arrays.binarySearch(terms, term);
    if (t < 0) {
      return List.of();
    }
    List<Occurrences> first = new ArrayList<>();
    int held = 0;
    for (int i = starts[t]; i < starts[t + 1] && held < lines; i++) {
      int d = positionOf(entries[i]);
      if (outlets[d].equals(outlet)) {
        first.add(new Occurrences(docIds[d], countOf(entries[i])));
        held += countOf(entries[i]);
      }
    }
    return first;
  }

  /**
   * {@link #firstDocuments} over loaded parts: each part's first documents, in doc_id order, cut
   * where they hold {@code lines} occurrences. A document among the first of all parts is among
   * the first of its own part, since the documents before it in its part are before it in all.
   */
  private List<Occurrences> firstDocumentsOfParts(String term, String outlet, int lines) {
    List<Occurrences> candidates = new ArrayList<>();
    for (Postings part : parts) {
      candidates.addAll(part.firstDocuments(term, outlet, lines));
    }
    candidates.sort((a, b) -> a.docId().compareTo(b.docId()));
    List<Occurrences> first = new ArrayList<>();
    int held = 0;
    for (int i = 0; i < candidates.size() && held < lines; i++) {
      first.add(candidates.get(i));
      held += candidates.get(i).count();
    }
    return first;
  }

  /** Postings are equal when they hold the same documents and entries, whatever their form. */
  @Override
  public boolean equals(Object o) {
    if (o instanceof Postings p && (docIds == null || p.docIds == null)) {
      return merged().equals(p.merged());
    }
    return o instanceof Postings p && Arrays.equals(docIds, p.docIds) && Arrays.equals(outlets, p.outlets)
        && Arrays.equals(terms, p.terms) && Arrays.equals(starts, p.starts) && Arrays.equals(entries, p.entries);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(merged().docIds);
  }
}
