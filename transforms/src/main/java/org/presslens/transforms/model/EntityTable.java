package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Entity mentions summed over documents: per canonical entity and type. Accumulator of
 * {@link #combineFn()}; documents are counted, not remembered (see {@link CooccurrenceTable}).
 */
public record EntityTable(TreeMap<String, Entity> entities) implements Serializable, Summable<DocumentEntities, EntityTable> {

  /**
   * What is known of one entity.
   *
   * @param firstSeen per spelling (surface), its first mention: in the document with the lowest
   *     doc_id, the first there
   */
  public record Entity(String canonical, String type, TreeMap<String, Long> mentionsPerOutlet, long[] documents,
      TreeMap<String, Long> surfaces, TreeSet<String> sources, TreeMap<String, Seen> firstSeen) implements Serializable {

    /** The key it is kept under, as {@link Mention#key()}. */
    public String key() {
      return Mention.key(canonical, type);
    }

    /** Documents mentioning the entity. */
    public long documentCount() {
      return documents[0];
    }

    public long mentions() {
      return mentionsPerOutlet.values().stream().mapToLong(Long::longValue).sum();
    }

    /** model, dictionary, or both when the two layers found it (together or apart). */
    public String source() {
      return sources.size() == 1 ? sources.first() : Mention.BOTH;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entity e && canonical.equals(e.canonical) && type.equals(e.type)
          && mentionsPerOutlet.equals(e.mentionsPerOutlet) && documents[0] == e.documents[0]
          && surfaces.equals(e.surfaces) && sources.equals(e.sources) && firstSeen.equals(e.firstSeen);
    }

    @Override
    public int hashCode() {
      return canonical.hashCode() * 31 + type.hashCode();
    }
  }

  /**
   * Where an entity's spelling was seen: a mention's document and place (sentence from 0, code
   * points in the text as read), its text as written, the layer that found it and the model's
   * probability (NaN without one). The entity and the spelling are the keys it is kept under.
   */
  public record Seen(String docId, String outlet, int sentence, int start, int end, String written, String source,
      double probability) implements Serializable {

    public static Seen of(String docId, String outlet, Mention m) {
      return new Seen(docId, outlet, m.sentence(), m.charStart(), m.charEnd(), m.written(), m.source(), m.probability());
    }

    /** Whether this mention comes before {@code other}: a lower doc_id, or earlier in the same document. */
    boolean before(Seen other) {
      int byDocument = docId.compareTo(other.docId);
      return byDocument != 0 ? byDocument < 0 : start < other.start;
    }
  }

  public EntityTable() {
    this(new TreeMap<>());
  }

  private static Entity newEntity(String canonical, String type) {
    return new Entity(canonical, type, new TreeMap<>(), new long[1], new TreeMap<>(), new TreeSet<>(), new TreeMap<>());
  }

  private static void keepFirst(Entity e, String surface, Seen seen) {
    Seen known = e.firstSeen().get(surface);
    if (known == null || seen.before(known)) {
      e.firstSeen().put(surface, seen);
    }
  }

  @Override
  public EntityTable add(DocumentEntities doc) {
    Set<Entity> inDocument = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Mention m : doc.mentions()) {
      Entity e = entities.computeIfAbsent(m.key(), k -> newEntity(m.canonical(), m.type()));
      e.mentionsPerOutlet().merge(doc.outlet(), 1L, Long::sum);
      if (inDocument.add(e)) {
        e.documents()[0]++;
      }
      e.surfaces().merge(m.surface(), 1L, Long::sum);
      e.sources().add(m.source());
      keepFirst(e, m.surface(), Seen.of(doc.docId(), doc.outlet(), m));
    }
    return this;
  }

  @Override
  public EntityTable merge(EntityTable other) {
    other.entities.forEach((key, o) -> add(key, o));
    return this;
  }

  private void add(String key, Entity o) {
    Entity e = entities.computeIfAbsent(key, k -> newEntity(o.canonical(), o.type()));
    o.mentionsPerOutlet().forEach((k, v) -> e.mentionsPerOutlet().merge(k, v, Long::sum));
    e.documents()[0] += o.documents()[0];
    o.surfaces().forEach((k, v) -> e.surfaces().merge(k, v, Long::sum));
    e.sources().addAll(o.sources());
    o.firstSeen().forEach((surface, seen) -> keepFirst(e, surface, seen));
  }

  /**
   * A table in which each entity whose key {@code renames} maps is counted under the key it maps
   * to ({@link Mention#key(String, String)}). Mentions, documents and spellings add up: the tables
   * are of spelling variants, and no document mentions two variants of one name. This table when
   * nothing is renamed.
   */
  public EntityTable renamed(Map<String, String> renames) {
    if (renames.keySet().stream().noneMatch(entities::containsKey)) {
      return this;
    }
    EntityTable out = new EntityTable();
    entities.forEach((key, e) -> {
      String target = renames.getOrDefault(key, key);
      int type = target.indexOf('\u0000');
      out.entities.computeIfAbsent(target, k -> newEntity(target.substring(0, type), target.substring(type + 1)));
      out.add(target, e);
    });
    return out;
  }

  public static Combine.CombineFn<DocumentEntities, EntityTable, EntityTable> combineFn() {
    return Summable.combineFn(EntityTable.class, EntityTable::new);
  }
}
