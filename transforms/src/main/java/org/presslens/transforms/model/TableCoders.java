package org.presslens.transforms.model;

import static org.presslens.transforms.model.RecordCoders.INT;
import static org.presslens.transforms.model.RecordCoders.LONG;
import static org.presslens.transforms.model.RecordCoders.STRING;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.CooccurrenceTable.Evidence;
import org.presslens.transforms.model.CooccurrenceTable.Pair;
import org.presslens.transforms.model.CooccurrenceTable.Units;
import org.presslens.transforms.model.CooccurrenceTable.Window;
import org.presslens.transforms.model.EntityTable.Entity;

/**
 * Compact coders for the summed tables of an outlet or the corpus ({@link OutletTables}: terms,
 * entities, co-occurrence): UTF-8 strings and variable-length integers, as {@link RecordCoders}
 * and for the same reasons; the entity and pair tables of a large corpus hold hundreds of
 * thousands of entries and travel between the sum of each outlet and the reports.
 */
public final class TableCoders {

  private TableCoders() {}

  private static void writeCounts(OutputStream out, Map<String, Long> counts) throws IOException {
    INT.encode(counts.size(), out);
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      STRING.encode(e.getKey(), out);
      LONG.encode(e.getValue(), out);
    }
  }

  private static TreeMap<String, Long> readCounts(InputStream in) throws IOException {
    TreeMap<String, Long> counts = new TreeMap<>();
    for (int i = INT.decode(in); i > 0; i--) {
      counts.put(STRING.decode(in), LONG.decode(in));
    }
    return counts;
  }

  private static void writeSet(OutputStream out, TreeSet<String> set) throws IOException {
    INT.encode(set.size(), out);
    for (String s : set) {
      STRING.encode(s, out);
    }
  }

  private static TreeSet<String> readSet(InputStream in) throws IOException {
    TreeSet<String> set = new TreeSet<>();
    for (int i = INT.decode(in); i > 0; i--) {
      set.add(STRING.decode(in));
    }
    return set;
  }

  /** Coder of {@link EntityTable}: per entity its key, names, counts per outlet, documents, spellings and layers. */
  public static final class EntityTableCoder extends ClassCoder<EntityTable> {
    static final EntityTableCoder INSTANCE = new EntityTableCoder();

    @Override
    public void encode(EntityTable table, OutputStream out) throws IOException {
      INT.encode(table.entities().size(), out);
      for (Map.Entry<String, Entity> e : table.entities().entrySet()) {
        Entity entity = e.getValue();
        STRING.encode(e.getKey(), out);
        STRING.encode(entity.canonical(), out);
        STRING.encode(entity.type(), out);
        writeCounts(out, entity.mentionsPerOutlet());
        LONG.encode(entity.documents()[0], out);
        writeCounts(out, entity.surfaces());
        writeSet(out, entity.sources());
      }
    }

    @Override
    public EntityTable decode(InputStream in) throws IOException {
      TreeMap<String, Entity> entities = new TreeMap<>();
      for (int i = INT.decode(in); i > 0; i--) {
        String key = STRING.decode(in);
        String canonical = STRING.decode(in);
        String type = STRING.decode(in);
        TreeMap<String, Long> perOutlet = readCounts(in);
        long documents = LONG.decode(in);
        entities.put(key, new Entity(canonical, type, perOutlet, new long[] {documents}, readCounts(in), readSet(in)));
      }
      return new EntityTable(entities);
    }
  }

  /** Coder of {@link CooccurrenceTable}: per window the units, units per entity and every pair with its evidence. */
  public static final class CooccurrenceTableCoder extends ClassCoder<CooccurrenceTable> {
    static final CooccurrenceTableCoder INSTANCE = new CooccurrenceTableCoder();

    @Override
    public void encode(CooccurrenceTable table, OutputStream out) throws IOException {
      for (Window window : Window.values()) {
        Units units = table.units(window);
        LONG.encode(units.count(), out);
        writeCounts(out, units.perEntity());
        INT.encode(units.pairs().size(), out);
        for (Map.Entry<String, Pair> e : units.pairs().entrySet()) {
          Pair p = e.getValue();
          STRING.encode(e.getKey(), out);
          STRING.encode(p.a(), out);
          STRING.encode(p.b(), out);
          LONG.encode(p.cooccurrences(), out);
          LONG.encode(p.documentCount(), out);
          writeSet(out, p.outlets());
          Evidence best = p.evidence();
          LONG.encode(best.distance(), out);
          STRING.encode(best.docId(), out);
          INT.encode(best.sentence(), out);
          STRING.encode(best.text(), out);
        }
      }
    }

    @Override
    public CooccurrenceTable decode(InputStream in) throws IOException {
      TreeMap<Window, Units> windows = new TreeMap<>();
      for (Window window : Window.values()) {
        long total = LONG.decode(in);
        TreeMap<String, Long> perEntity = readCounts(in);
        TreeMap<String, Pair> pairs = new TreeMap<>();
        for (int i = INT.decode(in); i > 0; i--) {
          String key = STRING.decode(in);
          String a = STRING.decode(in);
          String b = STRING.decode(in);
          long count = LONG.decode(in);
          long documents = LONG.decode(in);
          TreeSet<String> outlets = readSet(in);
          Evidence best = new Evidence(LONG.decode(in), STRING.decode(in), INT.decode(in), STRING.decode(in));
          pairs.put(key, new Pair(a, b, new long[] {count}, new long[] {documents}, outlets, new Evidence[] {best}));
        }
        windows.put(window, new Units(new long[] {total}, perEntity, pairs));
      }
      return new CooccurrenceTable(windows);
    }
  }

  /** Coder of {@link OutletTables}: its three tables in order. */
  public static final class OutletTablesCoder extends ClassCoder<OutletTables> {
    public static final OutletTablesCoder INSTANCE = new OutletTablesCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(OutletTables.class), INSTANCE);
    }

    @Override
    public void encode(OutletTables tables, OutputStream out) throws IOException {
      RecordCoders.TermTableCoder.INSTANCE.encode(tables.terms(), out);
      EntityTableCoder.INSTANCE.encode(tables.entities(), out);
      CooccurrenceTableCoder.INSTANCE.encode(tables.cooccurrence(), out);
    }

    @Override
    public OutletTables decode(InputStream in) throws IOException {
      return new OutletTables(RecordCoders.TermTableCoder.INSTANCE.decode(in), EntityTableCoder.INSTANCE.decode(in),
          CooccurrenceTableCoder.INSTANCE.decode(in));
    }
  }
}
