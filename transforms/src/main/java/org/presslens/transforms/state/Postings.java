package org.presslens.transforms.state;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.presslens.transforms.model.AnalyzedDocument;

/**
 * Which counted documents of a segment hold each term: for finding an outlet's first documents
 * (by doc_id) with a term again without the documents' analyses, as the concordance needs them.
 *
 * @param docIds the documents, sorted
 * @param outlets the outlet of each document, aligned with {@code docIds}
 * @param byTerm for each term, the positions in {@code docIds} of the documents counting it, ascending
 */
public record Postings(String[] docIds, String[] outlets, HashMap<String, int[]> byTerm) implements Serializable {

  /** The postings of the given documents. */
  public static Postings of(List<AnalyzedDocument> docs) {
    Builder builder = new Builder();
    docs.forEach(builder::add);
    return builder.build();
  }

  /** Postings built one document at a time, in any order. */
  public static final class Builder {
    private final List<String> ids = new ArrayList<>();
    private final List<String> outlets = new ArrayList<>();
    private final Map<String, int[]> growing = new HashMap<>();
    private final Map<String, Integer> sizes = new HashMap<>();

    public void add(AnalyzedDocument doc) {
      int d = ids.size();
      ids.add(doc.docId());
      outlets.add(doc.outlet());
      for (String term : doc.termCounts().keySet()) {
        int size = sizes.merge(term, 1, Integer::sum);
        int[] list = growing.get(term);
        if (list == null || list.length < size) {
          list = list == null ? new int[1] : Arrays.copyOf(list, 2 * list.length);
          growing.put(term, list);
        }
        list[size - 1] = d;
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
      HashMap<String, int[]> byTerm = new HashMap<>(growing.size() * 4 / 3 + 1);
      growing.forEach((term, list) -> {
        int[] positions = Arrays.copyOf(list, sizes.get(term));
        for (int i = 0; i < positions.length; i++) {
          positions[i] = rank[positions[i]];
        }
        Arrays.sort(positions);
        byTerm.put(term, positions);
      });
      return new Postings(sortedIds, sortedOutlets, byTerm);
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
    HashMap<String, int[]> kept = new HashMap<>();
    byTerm.forEach((term, positions) -> {
      int[] mine = Arrays.stream(positions).map(p -> renumbered[p]).filter(p -> p >= 0).toArray();
      if (mine.length > 0) {
        kept.put(term, mine);
      }
    });
    String[] outletOfEach = new String[ids.size()];
    Arrays.fill(outletOfEach, outlet);
    return new Postings(ids.toArray(String[]::new), outletOfEach, kept);
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
    HashMap<String, int[]> merged = new HashMap<>();
    for (int part = 0; part < parts.size(); part++) {
      int[] ranks = rank[part];
      parts.get(part).byTerm.forEach((term, positions) -> {
        int[] before = merged.get(term);
        int start = before == null ? 0 : before.length;
        int[] grown = before == null ? new int[positions.length] : Arrays.copyOf(before, start + positions.length);
        for (int i = 0; i < positions.length; i++) {
          grown[start + i] = ranks[positions[i]];
        }
        merged.put(term, grown);
      });
    }
    merged.values().forEach(Arrays::sort);
    return new Postings(ids, outletOfEach, merged);
  }

  /** The first {@code cap} doc_ids (in order) of the documents of {@code outlet} counting {@code term}. */
  public List<String> firstDocuments(String term, String outlet, int cap) {
    int[] positions = byTerm.get(term);
    if (positions == null) {
      return List.of();
    }
    List<String> first = new ArrayList<>(Math.min(cap, positions.length));
    for (int i = 0; i < positions.length && first.size() < cap; i++) {
      if (outlets[positions[i]].equals(outlet)) {
        first.add(docIds[positions[i]]);
      }
    }
    return first;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Postings p) || !Arrays.equals(docIds, p.docIds) || !Arrays.equals(outlets, p.outlets)
        || !byTerm.keySet().equals(p.byTerm.keySet())) {
      return false;
    }
    return byTerm.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), p.byTerm.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(docIds);
  }
}
