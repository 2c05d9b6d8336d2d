package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Entity mentions summed over documents: per canonical entity and type. Accumulator of
 * {@link #combineFn()}; documents are counted, not remembered (see {@link CooccurrenceTable}).
 */
public record EntityTable(TreeMap<String, Entity> entities) implements Serializable, Summable<DocumentEntities, EntityTable> {

  /** What is known of one entity. */
  public record Entity(String canonical, String type, TreeMap<String, Long> mentionsPerOutlet, long[] documents,
      TreeMap<String, Long> surfaces, TreeSet<String> sources) implements Serializable {

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
          && surfaces.equals(e.surfaces) && sources.equals(e.sources);
    }

    @Override
    public int hashCode() {
      return canonical.hashCode() * 31 + type.hashCode();
    }
  }

  public EntityTable() {
    this(new TreeMap<>());
  }

  @Override
  public EntityTable add(DocumentEntities doc) {
    Set<Entity> inDocument = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Mention m : doc.mentions()) {
      Entity e = entities.computeIfAbsent(m.key(),
          k -> new Entity(m.canonical(), m.type(), new TreeMap<>(), new long[1], new TreeMap<>(), new TreeSet<>()));
      e.mentionsPerOutlet().merge(doc.outlet(), 1L, Long::sum);
      if (inDocument.add(e)) {
        e.documents()[0]++;
      }
      e.surfaces().merge(m.surface(), 1L, Long::sum);
      e.sources().add(m.source());
    }
    return this;
  }

  @Override
  public EntityTable merge(EntityTable other) {
    other.entities.forEach((key, o) -> {
      Entity e = entities.computeIfAbsent(key,
          k -> new Entity(o.canonical(), o.type(), new TreeMap<>(), new long[1], new TreeMap<>(), new TreeSet<>()));
      o.mentionsPerOutlet().forEach((k, v) -> e.mentionsPerOutlet().merge(k, v, Long::sum));
      e.documents()[0] += o.documents()[0];
      o.surfaces().forEach((k, v) -> e.surfaces().merge(k, v, Long::sum));
      e.sources().addAll(o.sources());
    });
    return this;
  }

  public static Combine.CombineFn<DocumentEntities, EntityTable, EntityTable> combineFn() {
    return Summable.combineFn(EntityTable.class, EntityTable::new);
  }
}
