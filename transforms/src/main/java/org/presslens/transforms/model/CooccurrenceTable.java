package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Entity co-occurrence counts over a set of documents, for two windows: the sentence and the
 * document. The unit counted is the window: how many sentences (documents) contain entity a, b,
 * and both. Accumulator of {@link #combineFn()}: each document is added to exactly one table and
 * tables of disjoint documents are merged, so documents are counted, not remembered.
 *
 * <p>A pair's example ({@link Evidence}) is where its two entities are mentioned closest: the
 * distance is sentences apart x 1000 + tokens apart; ties go to the first document and sentence.
 * Within a document the closest mentions of two entities are neighbours in the order of all their
 * mentions (by sentence, then token), so each pair is found in one pass over its mentions (entity
 * mentions never overlap: the recogniser keeps one of overlapping spans).
 *
 * <p>The table numbers entity keys, outlets, documents and example sentences once and keeps every
 * pair as numbers in arrays: a large corpus's document window has millions of pairs, and an object
 * per pair with its own strings would take hundreds of bytes each.
 */
@DefaultCoder(TableCoders.CooccurrenceTableCoder.class)
public final class CooccurrenceTable implements Serializable, Summable<DocumentEntities, CooccurrenceTable> {

  /** The co-occurrence window. */
  public enum Window {
    SENTENCE, DOCUMENT;

    /** Made once: the reports write it in every row. */
    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
      return code;
    }
  }

  /**
   * One pair as the report reads it; {@code a} sorts before {@code b} (entity keys: canonical NUL
   * type), each with the units that mention it; {@code numbers} stand for its strings.
   */
  public record Pair(String a, String b, long unitsA, long unitsB, long cooccurrences, long documentCount, int outlets,
      Evidence evidence, Numbers numbers) {}

  /**
   * The table's numbers (from 0) of a pair's entities {@code a} and {@code b}, of its evidence's
   * document and of its evidence's text: within one table, one number is always the same string,
   * so a report can key what it derives from these strings by number.
   */
  public record Numbers(int a, int b, int evidenceDoc, int evidenceText) {}

  /** Where two entities are mentioned closest together. */
  public record Evidence(long distance, String docId, int sentence, String text) implements Serializable {}

  final TermIndex entities = new TermIndex(16);
  final TermIndex outlets = new TermIndex(16);
  final TermIndex docs = new TermIndex(16);
  final TermIndex texts = new TermIndex(16);
  final Units sentence = new Units();
  final Units document = new Units();
  /** Documents added with {@link #add}: the number of the one being added. */
  private transient int documentsAdded;

  /** Each entity's place among the entities' keys in {@link String#compareTo} order, by entity id. */
  private int[] keyRanks() {
    Integer[] ids = new Integer[entities.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i;
    }
    Arrays.sort(ids, Comparator.comparing(entities::term));
    int[] rank = new int[ids.length];
    for (int r = 0; r < ids.length; r++) {
      rank[ids[r]] = r;
    }
    return rank;
  }

  public Units units(Window window) {
    return window == Window.SENTENCE ? sentence : document;
  }

  /** How many entities the table has: their numbers ({@link Numbers#a}, {@link Numbers#b}) go from 0 to this less 1. */
  public int entityCount() {
    return entities.size();
  }

  /** Counts for one window: units, units per entity (by entity id) and the pairs. */
  public final class Units implements Serializable {
    long total;
    long[] perEntity = new long[16];
    final LongIntMap index = new LongIntMap();
    int size;
    int[] a = new int[16];
    int[] b = new int[16];
    long[] count = new long[16];
    long[] documents = new long[16];
    /** Outlet ids of each pair, ascending; pairs of one outlet share one array. */
    int[][] outletIds = new int[16][];
    long[] distance = new long[16];
    int[] evidenceDoc = new int[16];
    int[] evidenceSentence = new int[16];
    int[] evidenceText = new int[16];
    /** The document (by {@link #documentsAdded}) that last counted each pair, so that a document counts once. */
    transient int[] lastDocument = new int[16];

    /** Units in the scope. */
    public long count() {
      return total;
    }

    /** Units mentioning the entity with this key. */
    public long unitsOf(String entityKey) {
      int id = entities.find(entityKey);
      return id == TermIndex.ABSENT || id >= perEntity.length ? 0 : perEntity[id];
    }

    /**
     * Pairs found together in at least {@code minCount} units, most co-occurrences first, then by
     * the two entity keys. Sorted as numbers, not strings: the keys are ranked once, a pair is
     * placed by its entities' ranks, then by its count; a window can hold millions of pairs among
     * a few thousand entities. The list makes each pair when it is asked for, so a report that
     * goes through it once holds the pairs' order (an int each), not a million records.
     */
    public List<Pair> pairs(long minCount) {
      int[] rank = keyRanks();
      int[] pairAt = inKeyOrder(rank, minCount, packs());
      int n = pairAt.length;
      long most = 0;
      for (int i : pairAt) {
        most = Math.max(most, count[i]);
      }
      if (most >= Integer.MAX_VALUE) { // counts too large to share a long with a position: rare enough to sort as objects
        List<Pair> out = new ArrayList<>(n);
        for (int i : pairAt) {
          out.add(pair(i, rank[a[i]] < rank[b[i]]));
        }
        out.sort(Comparator.comparingLong(Pair::cooccurrences).reversed());
        return out;
      }
      long[] byCount = new long[n];
      for (int k = 0; k < n; k++) {
        byCount[k] = (most - count[pairAt[k]]) << 32 | k;
      }
      Arrays.sort(byCount);
      int[] order = new int[n];
      for (int k = 0; k < n; k++) {
        order[k] = pairAt[(int) byCount[k]];
      }
      return new AbstractList<>() {
        @Override
        public Pair get(int k) {
          int i = order[k];
          return pair(i, rank[a[i]] < rank[b[i]]);
        }

        @Override
        public int size() {
          return order.length;
        }
      };
    }

    /**
     * The pairs counted at least {@code minCount} times, ordered by their entities' key ranks
     * (lower rank first): each pair is one number, (lower rank x entities + higher rank) x pairs +
     * its index, sorted as a primitive, when that fits a long (a few thousand entities and a
     * million pairs take about 44 bits); a map from rank pair to index otherwise.
     */
    int[] inKeyOrder(int[] rank, long minCount, boolean packs) {
      long entityCount = Math.max(1, entities.size());
      long[] keys = new long[size];
      LongIntMap byRanks = packs ? null : new LongIntMap();
      int n = 0;
      for (int i = 0; i < size; i++) {
        if (count[i] >= minCount) {
          int low = Math.min(rank[a[i]], rank[b[i]]);
          int high = Math.max(rank[a[i]], rank[b[i]]);
          if (packs) {
            keys[n++] = (low * entityCount + high) * size + i;
          } else {
            keys[n] = (long) low << 32 | high;
            byRanks.putNew(keys[n++], i);
          }
        }
      }
      keys = Arrays.copyOf(keys, n);
      Arrays.sort(keys);
      int[] pairAt = new int[n];
      for (int k = 0; k < n; k++) {
        pairAt[k] = packs ? (int) (keys[k] % size) : byRanks.get(keys[k]);
      }
      return pairAt;
    }

    /** Whether a pair's entity ranks and index fit one long ({@link #inKeyOrder}). */
    boolean packs() {
      long entityCount = Math.max(1, entities.size());
      return (double) entityCount * entityCount * Math.max(1, size) < Long.MAX_VALUE;
    }

    /** The key ranks of the entities, by entity id (for tests). */
    int[] keyRanks() {
      return CooccurrenceTable.this.keyRanks();
    }

    private Pair pair(int i, boolean inOrder) {
      String first = entities.term(a[i]);
      String second = entities.term(b[i]);
      return new Pair(inOrder ? first : second, inOrder ? second : first, perEntity(inOrder ? a[i] : b[i]),
          perEntity(inOrder ? b[i] : a[i]), count[i], documents[i], outletIds[i].length,
          new Evidence(distance[i], docs.term(evidenceDoc[i]), evidenceSentence[i], texts.term(evidenceText[i])),
          new Numbers(inOrder ? a[i] : b[i], inOrder ? b[i] : a[i], evidenceDoc[i], evidenceText[i]));
    }

    private long perEntity(int id) {
      return id < perEntity.length ? perEntity[id] : 0;
    }

    void addUnits(int[] entityIds, long units) {
      for (int e : entityIds) {
        ensureEntity(e);
        perEntity[e] += units;
      }
    }

    private void ensureEntity(int id) {
      if (id >= perEntity.length) {
        perEntity = Arrays.copyOf(perEntity, Math.max(2 * perEntity.length, id + 1));
      }
    }

    /**
     * Room for {@code pairs} pairs in all, made at once: a table built from one of known size
     * would otherwise hold its arrays twice over while each doubles, and keep up to twice the room
     * it needs.
     */
    void reserve(int pairs) {
      if (pairs > a.length) {
        resize(pairs);
      }
      index.reserve(pairs);
    }

    /** The index of pair (a, b), a < b, added with zero counts when new. */
    int pair(int first, int second) {
      long key = ((long) first << 32) | (second & 0xFFFFFFFFL);
      int i = index.get(key);
      if (i >= 0) {
        return i;
      }
      if (size == a.length) {
        resize(2 * size);
      }
      i = size++;
      index.putNew(key, i);
      a[i] = first;
      b[i] = second;
      outletIds[i] = NO_OUTLETS;
      distance[i] = Long.MAX_VALUE;
      evidenceDoc[i] = -1;
      lastDocument[i] = -1;
      return i;
    }

    private void resize(int n) {
      a = Arrays.copyOf(a, n);
      b = Arrays.copyOf(b, n);
      count = Arrays.copyOf(count, n);
      documents = Arrays.copyOf(documents, n);
      outletIds = Arrays.copyOf(outletIds, n);
      distance = Arrays.copyOf(distance, n);
      evidenceDoc = Arrays.copyOf(evidenceDoc, n);
      evidenceSentence = Arrays.copyOf(evidenceSentence, n);
      evidenceText = Arrays.copyOf(evidenceText, n);
      lastDocument = Arrays.copyOf(lastDocument, n);
    }

    /** Whether an example is closer than the pair's, or as close and earlier (by doc_id, then sentence). */
    boolean better(int i, long dist, int doc, int sentenceIndex) {
      return evidenceDoc[i] < 0 || dist < distance[i]
          || dist == distance[i] && compareEvidence(doc, sentenceIndex, evidenceDoc[i], evidenceSentence[i]) < 0;
    }

    void setEvidence(int i, long dist, int doc, int sentenceIndex, int text) {
      distance[i] = dist;
      evidenceDoc[i] = doc;
      evidenceSentence[i] = sentenceIndex;
      evidenceText[i] = text;
    }

    private int compareEvidence(int doc1, int sentence1, int doc2, int sentence2) {
      int byDoc = doc1 == doc2 ? 0 : docs.term(doc1).compareTo(docs.term(doc2));
      return byDoc != 0 ? byDoc : Integer.compare(sentence1, sentence2);
    }

    void addOutlet(int i, int outlet) {
      outletIds[i] = withOutlet(outletIds[i], outlet);
    }
  }

  private static final int[] NO_OUTLETS = new int[0];

  /** One shared array per single outlet: most pairs are of one outlet only. */
  private final ArrayList<int[]> singleOutlet = new ArrayList<>();

  private int[] withOutlet(int[] ids, int outlet) {
    if (ids.length == 0) {
      while (singleOutlet.size() <= outlet) {
        singleOutlet.add(new int[] {singleOutlet.size()});
      }
      return singleOutlet.get(outlet);
    }
    int at = Arrays.binarySearch(ids, outlet);
    if (at >= 0) {
      return ids;
    }
    int insert = -at - 1;
    int[] more = new int[ids.length + 1];
    System.arraycopy(ids, 0, more, 0, insert);
    more[insert] = outlet;
    System.arraycopy(ids, insert, more, insert + 1, ids.length - insert);
    return more;
  }

  /** A mention reduced to what co-occurrence needs: entity id and place. */
  private record Place(int entity, int sentence, int start, int end) {}

  private static final Comparator<Place> IN_TEXT = Comparator.comparingInt(Place::sentence)
      .thenComparingInt(Place::start).thenComparingInt(Place::end);

  @Override
  public CooccurrenceTable add(DocumentEntities doc) {
    documentsAdded++;
    int outlet = outlets.add(doc.outlet());
    int docId = docs.add(doc.docId());
    List<Place> places = new ArrayList<>(doc.mentions().size());
    for (Mention m : doc.mentions()) {
      places.add(new Place(entities.add(m.key()), m.sentence(), m.start(), m.end()));
    }
    places.sort(IN_TEXT);
    Map<Integer, Integer> textIds = new TreeMap<>();
    sentence.total += doc.sentenceCount();
    int from = 0;
    while (from < places.size()) {
      int to = from;
      while (to < places.size() && places.get(to).sentence() == places.get(from).sentence()) {
        to++;
      }
      count(sentence, places.subList(from, to), doc, docId, outlet, textIds);
      from = to;
    }
    document.total += 1;
    count(document, places, doc, docId, outlet, textIds);
    return this;
  }

  /**
   * One unit (a sentence or a document) holding these mentions, in text order: each entity counts
   * once, each pair once, with the closest mentions of the pair as its example.
   */
  private void count(Units units, List<Place> places, DocumentEntities doc, int docId, int outlet,
      Map<Integer, Integer> textIds) {
    int[] ids = places.stream().mapToInt(Place::entity).distinct().sorted().toArray();
    units.addUnits(ids, 1);
    if (ids.length < 2) {
      return;
    }
    if (ids.length > MAX_PAIRED_ENTITIES) {
      ids = mostMentioned(places, ids);
      Set<Integer> kept = Arrays.stream(ids).boxed().collect(Collectors.toSet());
      places = places.stream().filter(p -> kept.contains(p.entity())).toList();
    }
    // Positions of each entity's mentions in the text-ordered list.
    int[][] at = new int[ids.length][];
    int[] fill = new int[ids.length];
    int[] sizes = new int[ids.length];
    for (Place p : places) {
      sizes[Arrays.binarySearch(ids, p.entity())]++;
    }
    for (int e = 0; e < ids.length; e++) {
      at[e] = new int[sizes[e]];
    }
    for (int i = 0; i < places.size(); i++) {
      int e = Arrays.binarySearch(ids, places.get(i).entity());
      at[e][fill[e]++] = i;
    }
    for (int x = 0; x < ids.length; x++) {
      for (int y = x + 1; y < ids.length; y++) {
        int i = units.pair(ids[x], ids[y]);
        units.count[i]++;
        if (units.lastDocument[i] != documentsAdded) {
          units.lastDocument[i] = documentsAdded;
          units.documents[i]++;
        }
        units.addOutlet(i, outlet);
        closest(units, i, places, at[x], at[y], doc, docId, textIds);
      }
    }
  }

  /**
   * Entities of one unit (sentence or document) that take part in its pairs at most: pairs grow
   * with the square of the entities, and a unit with more is a list or a table rather than prose.
   */
  static final int MAX_PAIRED_ENTITIES = 1000;

  /** The {@link #MAX_PAIRED_ENTITIES} entities of a unit with the most mentions (ties: by key), sorted by id. */
  private int[] mostMentioned(List<Place> places, int[] ids) {
    Map<Integer, Integer> mentions = new HashMap<>();
    places.forEach(p -> mentions.merge(p.entity(), 1, Integer::sum));
    return Arrays.stream(ids).boxed()
        .sorted(Comparator.<Integer>comparingInt(mentions::get).reversed().thenComparing(entities::term))
        .limit(MAX_PAIRED_ENTITIES).mapToInt(Integer::intValue).sorted().toArray();
  }

  /** Offers the pair the closest of its mentions: neighbours when both lists are merged in text order. */
  private void closest(Units units, int pair, List<Place> places, int[] xs, int[] ys, DocumentEntities doc, int docId,
      Map<Integer, Integer> textIds) {
    long best = Long.MAX_VALUE;
    int bestSentence = 0;
    int i = 0;
    int j = 0;
    int previous = -1; // index into places of the last mention seen
    while (i < xs.length || j < ys.length) {
      boolean takeX = j >= ys.length || i < xs.length && xs[i] < ys[j];
      int current = takeX ? xs[i++] : ys[j++];
      if (previous >= 0 && places.get(previous).entity() != places.get(current).entity()) {
        Place p = places.get(previous);
        Place q = places.get(current);
        long tokens = p.sentence() == q.sentence() ? Math.max(0, Math.max(p.start(), q.start()) - Math.min(p.end(), q.end())) : 0;
        long distance = Math.abs(p.sentence() - q.sentence()) * 1000L + tokens;
        int first = Math.min(p.sentence(), q.sentence());
        if (distance < best || distance == best && first < bestSentence) {
          best = distance;
          bestSentence = first;
        }
      }
      previous = current;
    }
    if (units.better(pair, best, docId, bestSentence)) {
      int text = textIds.computeIfAbsent(bestSentence, s -> texts.add(doc.sentences().getOrDefault(s, "")));
      units.setEvidence(pair, best, docId, bestSentence, text);
    }
  }

  @Override
  public CooccurrenceTable merge(CooccurrenceTable other) {
    int[] entityMap = remap(other.entities, entities);
    int[] outletMap = remap(other.outlets, outlets);
    int[] docMap = new int[other.docs.size()];
    Arrays.fill(docMap, -1);
    int[] textMap = new int[other.texts.size()];
    Arrays.fill(textMap, -1);
    mergeUnits(sentence, other.sentence, entityMap, outletMap, other, docMap, textMap);
    mergeUnits(document, other.document, entityMap, outletMap, other, docMap, textMap);
    return this;
  }

  /**
   * A table in which each entity whose key {@code renames} maps is counted under the key it maps
   * to. Units and pairs add up: the tables are of spelling variants, and no document mentions two
   * variants of one name (were it to, the pair of a name with itself would be left out). This
   * table when nothing is renamed.
   */
  public CooccurrenceTable renamed(Map<String, String> renames) {
    if (renames.keySet().stream().noneMatch(key -> entities.find(key) != TermIndex.ABSENT)) {
      return this;
    }
    CooccurrenceTable out = new CooccurrenceTable();
    int[] entityMap = new int[entities.size()];
    for (int i = 0; i < entityMap.length; i++) {
      String key = entities.term(i);
      entityMap[i] = out.entities.add(renames.getOrDefault(key, key));
    }
    int[] outletMap = remap(outlets, out.outlets);
    int[] docMap = new int[docs.size()];
    Arrays.fill(docMap, -1);
    int[] textMap = new int[texts.size()];
    Arrays.fill(textMap, -1);
    out.sentence.reserve(sentence.size);
    out.document.reserve(document.size);
    out.mergeUnits(out.sentence, sentence, entityMap, outletMap, this, docMap, textMap);
    out.mergeUnits(out.document, document, entityMap, outletMap, this, docMap, textMap);
    return out;
  }

  private void mergeUnits(Units mine, Units theirs, int[] entityMap, int[] outletMap, CooccurrenceTable other,
      int[] docMap, int[] textMap) {
    mine.total += theirs.total;
    for (int e = 0; e < theirs.perEntity.length && e < entityMap.length; e++) {
      if (theirs.perEntity[e] != 0) {
        mine.addUnits(new int[] {entityMap[e]}, theirs.perEntity[e]);
      }
    }
    for (int k = 0; k < theirs.size; k++) {
      int x = entityMap[theirs.a[k]];
      int y = entityMap[theirs.b[k]];
      if (x == y) {
        continue;
      }
      int i = x < y ? mine.pair(x, y) : mine.pair(y, x);
      mine.count[i] += theirs.count[k];
      mine.documents[i] += theirs.documents[k];
      for (int o : theirs.outletIds[k]) {
        mine.addOutlet(i, outletMap[o]);
      }
      int doc = docMap[theirs.evidenceDoc[k]];
      if (doc < 0) {
        doc = docMap[theirs.evidenceDoc[k]] = docs.add(other.docs.term(theirs.evidenceDoc[k]));
      }
      if (mine.better(i, theirs.distance[k], doc, theirs.evidenceSentence[k])) {
        int text = textMap[theirs.evidenceText[k]];
        if (text < 0) {
          text = textMap[theirs.evidenceText[k]] = texts.add(other.texts.term(theirs.evidenceText[k]));
        }
        mine.setEvidence(i, theirs.distance[k], doc, theirs.evidenceSentence[k], text);
      }
    }
  }

  private static int[] remap(TermIndex from, TermIndex into) {
    int[] map = new int[from.size()];
    for (int i = 0; i < map.length; i++) {
      map[i] = into.add(from.term(i));
    }
    return map;
  }

  /** Every pair of both windows with its counts, outlets and example: for equality in tests. */
  private Map<String, List<Object>> content() {
    Map<String, List<Object>> all = new TreeMap<>();
    for (Window w : Window.values()) {
      Units u = units(w);
      all.put(w + " units", List.of(u.total));
      for (int e = 0; e < entities.size(); e++) {
        if (u.unitsOf(entities.term(e)) != 0) {
          all.put(w + " entity " + entities.term(e), List.of(u.unitsOf(entities.term(e))));
        }
      }
      for (int i = 0; i < u.size; i++) {
        List<String> names = Arrays.stream(u.outletIds[i]).mapToObj(outlets::term).sorted().toList();
        String first = entities.term(u.a[i]);
        String second = entities.term(u.b[i]);
        String pair = first.compareTo(second) < 0 ? first + "|" + second : second + "|" + first;
        all.put(w + " " + pair, List.of(u.count[i], u.documents[i], names,
            u.distance[i], docs.term(u.evidenceDoc[i]), u.evidenceSentence[i], texts.term(u.evidenceText[i])));
      }
    }
    return all;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CooccurrenceTable t && content().equals(t.content());
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sentence.total) * 31 + sentence.size;
  }

  public static Combine.CombineFn<DocumentEntities, CooccurrenceTable, CooccurrenceTable> combineFn() {
    return Summable.combineFn(CooccurrenceTable.class, CooccurrenceTable::new);
  }
}
