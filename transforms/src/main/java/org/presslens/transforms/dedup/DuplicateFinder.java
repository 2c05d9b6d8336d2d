package org.presslens.transforms.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups documents into sets of copies and names, in each set, the copy to keep. Exact copies
 * share the hash of their normalised text. Near copies are found with locality-sensitive hashing:
 * the {@value Fingerprint#HASHES} MinHash bins are cut into {@value #BANDS} bands; documents that
 * agree on a whole band become candidates, and a candidate pair is a near copy when its estimated
 * similarity reaches the threshold. Copies of copies join one set; the kept document is the one
 * with the earliest date, then the lowest doc_id.
 */
public final class DuplicateFinder implements Serializable {

  static final int BANDS = 32;
  private static final int ROWS = Fingerprint.HASHES / BANDS;

  private final double threshold;
  private final List<Fingerprint> documents = new ArrayList<>();

  public DuplicateFinder(double threshold) {
    this.threshold = threshold;
  }

  public void add(Fingerprint fingerprint) {
    documents.add(fingerprint);
  }

  public void addAll(DuplicateFinder other) {
    documents.addAll(other.documents);
  }

  /** Every document that is a copy of a kept one, ordered by kept doc_id and then doc_id. */
  public List<Duplicate> duplicates() {
    List<Fingerprint> docs = new ArrayList<>(documents);
    docs.sort(Comparator.comparing(Fingerprint::order));
    int[] parent = new int[docs.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, Integer> byText = new HashMap<>();
    List<Map<Long, Integer>> bands = new ArrayList<>();
    for (int b = 0; b < BANDS; b++) {
      bands.add(new HashMap<>());
    }
    for (int i = 0; i < docs.size(); i++) {
      Fingerprint doc = docs.get(i);
      Integer same = byText.putIfAbsent(doc.textHash(), i);
      if (same != null) {
        union(parent, same, i);
        continue;
      }
      for (int b = 0; b < BANDS; b++) {
        Integer candidate = bands.get(b).putIfAbsent(bandKey(doc.signature(), b), i);
        if (candidate != null && find(parent, candidate) != find(parent, i)
            && doc.similarity(docs.get(candidate)) >= threshold) {
          union(parent, candidate, i);
        }
      }
    }
    List<Duplicate> out = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      int root = find(parent, i);
      if (root != i) {
        Fingerprint doc = docs.get(i);
        Fingerprint kept = docs.get(root);
        boolean exact = doc.textHash().equals(kept.textHash());
        out.add(new Duplicate(doc.docId(), doc.outlet(), kept.docId(), kept.outlet(),
            exact ? "exact" : "near", exact ? 1.0 : doc.similarity(kept)));
      }
    }
    out.sort(Comparator.comparing(Duplicate::keptDocId).thenComparing(Duplicate::docId));
    return out;
  }

  private static long bandKey(int[] signature, int band) {
    long key = band;
    for (int r = band * ROWS; r < (band + 1) * ROWS; r++) {
      key = key * 1_000_003L + signature[r];
    }
    return key;
  }

  /** The set's representative; always its earliest document, because lower indices win unions. */
  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
