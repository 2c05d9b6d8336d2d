package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Entity co-occurrence counts over a set of documents, for two windows: the sentence and the
 * document. The unit counted is the window: how many sentences (documents) contain entity a, b,
 * and both. Accumulator of {@link #combineFn()}: each document is added to exactly one table and
 * tables of disjoint documents are merged, so documents are counted, not remembered (a set of
 * document ids per pair grew with the corpus: millions of entries at 8x the benchmark corpus).
 */
public record CooccurrenceTable(Map<Window, Units> windows)
    implements Serializable, Summable<DocumentEntities, CooccurrenceTable> {

  /** The co-occurrence window. */
  public enum Window {
    SENTENCE, DOCUMENT;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Counts for one window. */
  public record Units(long[] total, TreeMap<String, Long> perEntity, TreeMap<String, Pair> pairs) implements Serializable {
    Units() {
      this(new long[1], new TreeMap<>(), new TreeMap<>());
    }

    public long count() {
      return total[0];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Units u && total[0] == u.total[0] && perEntity.equals(u.perEntity) && pairs.equals(u.pairs);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(total[0]) * 31 + pairs.hashCode();
    }
  }

  /** Co-occurrences of one unordered entity pair, with its documents (counted) and outlets and the best example. */
  public record Pair(String a, String b, long[] count, long[] documents, TreeSet<String> outlets, Evidence[] best)
      implements Serializable {
    Pair(String a, String b) {
      this(a, b, new long[1], new long[1], new TreeSet<>(), new Evidence[1]);
    }

    public long cooccurrences() {
      return count[0];
    }

    /** Documents in which the pair co-occurs. */
    public long documentCount() {
      return documents[0];
    }

    public Evidence evidence() {
      return best[0];
    }

    void offer(Evidence e) {
      if (best[0] == null || Evidence.ORDER.compare(e, best[0]) < 0) {
        best[0] = e;
      }
    }

    void mergeFrom(Pair o) {
      count[0] += o.count[0];
      documents[0] += o.documents[0];
      outlets.addAll(o.outlets);
      if (o.best[0] != null) {
        offer(o.best[0]);
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pair p && a.equals(p.a) && b.equals(p.b) && count[0] == p.count[0]
          && documents[0] == p.documents[0] && outlets.equals(p.outlets);
    }

    @Override
    public int hashCode() {
      return (a + b).hashCode() * 31 + Long.hashCode(count[0]);
    }
  }

  /**
   * Where two entities are closest: distance is sentences apart x 1000 + tokens apart; ties go to
   * the first document and sentence.
   */
  public record Evidence(long distance, String docId, int sentence, String text) implements Serializable {
    static final Comparator<Evidence> ORDER = Comparator.comparingLong(Evidence::distance)
        .thenComparing(Evidence::docId).thenComparingInt(Evidence::sentence);
  }

  public CooccurrenceTable() {
    this(new TreeMap<>(Map.of(Window.SENTENCE, new Units(), Window.DOCUMENT, new Units())));
  }

  public Units units(Window window) {
    return windows.get(window);
  }

  @Override
  public CooccurrenceTable add(DocumentEntities doc) {
    Map<Integer, List<Mention>> bySentence = new TreeMap<>();
    for (Mention m : doc.mentions()) {
      bySentence.computeIfAbsent(m.sentence(), s -> new ArrayList<>()).add(m);
    }
    Units sentence = windows.get(Window.SENTENCE);
    sentence.total[0] += doc.sentenceCount();
    Set<Pair> inDocument = Collections.newSetFromMap(new IdentityHashMap<>());
    for (List<Mention> mentions : bySentence.values()) {
      count(sentence, mentions, doc, inDocument);
    }
    Units document = windows.get(Window.DOCUMENT);
    document.total[0] += 1;
    count(document, doc.mentions(), doc, Collections.newSetFromMap(new IdentityHashMap<>()));
    return this;
  }

  /**
   * One unit (a sentence or a document) holding {@code mentions}; {@code inDocument} holds the pairs
   * already counted for this document.
   */
  private static void count(Units units, List<Mention> mentions, DocumentEntities doc, Set<Pair> inDocument) {
    Map<String, List<Mention>> byEntity = new TreeMap<>();
    for (Mention m : mentions) {
      byEntity.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m);
    }
    byEntity.keySet().forEach(k -> units.perEntity.merge(k, 1L, Long::sum));
    List<String> keys = new ArrayList<>(byEntity.keySet());
    for (int i = 0; i < keys.size(); i++) {
      for (int j = i + 1; j < keys.size(); j++) {
        String a = keys.get(i);
        String b = keys.get(j);
        Pair pair = units.pairs.computeIfAbsent(a + "\u0001" + b, k -> new Pair(a, b));
        pair.count[0]++;
        if (inDocument.add(pair)) {
          pair.documents[0]++;
        }
        pair.outlets.add(doc.outlet());
        pair.offer(closest(byEntity.get(a), byEntity.get(b), doc));
      }
    }
  }

  private static Evidence closest(List<Mention> as, List<Mention> bs, DocumentEntities doc) {
    Evidence best = null;
    for (Mention a : as) {
      for (Mention b : bs) {
        long tokens = a.sentence() == b.sentence()
            ? Math.max(0, Math.max(a.start(), b.start()) - Math.min(a.end(), b.end())) : 0;
        long distance = Math.abs(a.sentence() - b.sentence()) * 1000L + tokens;
        int sentence = Math.min(a.sentence(), b.sentence());
        Evidence e = new Evidence(distance, doc.docId(), sentence, doc.sentences().getOrDefault(sentence, ""));
        if (best == null || Evidence.ORDER.compare(e, best) < 0) {
          best = e;
        }
      }
    }
    return best;
  }

  @Override
  public CooccurrenceTable merge(CooccurrenceTable other) {
    other.windows.forEach((window, o) -> {
      Units u = windows.get(window);
      u.total[0] += o.total[0];
      o.perEntity.forEach((k, v) -> u.perEntity.merge(k, v, Long::sum));
      o.pairs.forEach((k, p) -> {
        Pair mine = u.pairs.get(k);
        if (mine == null) {
          mine = new Pair(p.a(), p.b());
          u.pairs.put(k, mine);
        }
        mine.mergeFrom(p);
      });
    });
    return this;
  }

  public static Combine.CombineFn<DocumentEntities, CooccurrenceTable, CooccurrenceTable> combineFn() {
    return Summable.combineFn(CooccurrenceTable.class, CooccurrenceTable::new);
  }
}
