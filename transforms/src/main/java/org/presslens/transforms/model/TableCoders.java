package org.presslens.transforms.model;

import static org.presslens.transforms.model.RecordCoders.INT;
import static org.presslens.transforms.model.RecordCoders.LONG;
import static org.presslens.transforms.model.RecordCoders.STRING;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
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

  /** Coder of {@link EntityTable}: per entity its key, names, counts per outlet, documents, spellings, layers and the first mention of each spelling. */
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
        INT.encode(entity.firstSeen().size(), out);
        for (Map.Entry<String, EntityTable.Seen> spelling : entity.firstSeen().entrySet()) {
          EntityTable.Seen seen = spelling.getValue();
          STRING.encode(spelling.getKey(), out);
          RecordCoders.writeStrings(out, seen.docId(), seen.outlet(), seen.source(),
              seen.written().equals(spelling.getKey()) ? null : seen.written());
          INT.encode(seen.sentence(), out);
          INT.encode(seen.start() + 1, out); // -1 (not placed) as 0
          INT.encode(seen.end() + 1, out);
          RecordCoders.DOUBLE.encode(seen.probability(), out);
        }
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
        TreeMap<String, Long> surfaces = readCounts(in);
        TreeSet<String> sources = readSet(in);
        TreeMap<String, EntityTable.Seen> firstSeen = new TreeMap<>();
        for (int k = INT.decode(in); k > 0; k--) {
          String surface = STRING.decode(in);
          String[] strings = RecordCoders.readStrings(in, 4); // doc_id, outlet, source, written when not the surface
          firstSeen.put(surface, new EntityTable.Seen(strings[0], strings[1], INT.decode(in), INT.decode(in) - 1,
              INT.decode(in) - 1, strings[3] == null ? surface : strings[3], strings[2], RecordCoders.DOUBLE.decode(in)));
        }
        entities.put(key, new Entity(canonical, type, perOutlet, new long[] {documents}, surfaces, sources, firstSeen));
      }
      return new EntityTable(entities);
    }
  }

  /**
   * Coder of {@link CooccurrenceTable}: its entity keys and outlets, the documents and sentences
   * that the pairs' examples name (each once), then per window the units, units per entity and
   * every pair as numbers.
   */
  public static final class CooccurrenceTableCoder extends ClassCoder<CooccurrenceTable> {
    static final CooccurrenceTableCoder INSTANCE = new CooccurrenceTableCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(CooccurrenceTable.class), INSTANCE);
    }

    @Override
    public void encode(CooccurrenceTable table, OutputStream out) throws IOException {
      writeNames(out, table.entities.terms());
      writeNames(out, table.outlets.terms());
      CooccurrenceTable.Units[] windows = {table.sentence, table.document};
      TermIndex docs = new TermIndex(16);
      TermIndex texts = new TermIndex(16);
      for (CooccurrenceTable.Units u : windows) {
        for (int i = 0; i < u.size; i++) {
          docs.add(table.docs.term(u.evidenceDoc[i]));
          texts.add(table.texts.term(u.evidenceText[i]));
        }
      }
      writeNames(out, docs.terms());
      writeNames(out, texts.terms());
      for (CooccurrenceTable.Units u : windows) {
        LONG.encode(u.total, out);
        for (int e = 0; e < table.entities.size(); e++) {
          LONG.encode(e < u.perEntity.length ? u.perEntity[e] : 0, out);
        }
        INT.encode(u.size, out);
        for (int i = 0; i < u.size; i++) {
          INT.encode(u.a[i], out);
          INT.encode(u.b[i], out);
          LONG.encode(u.count[i], out);
          LONG.encode(u.documents[i], out);
          INT.encode(u.outletIds[i].length, out);
          for (int o : u.outletIds[i]) {
            INT.encode(o, out);
          }
          LONG.encode(u.distance[i], out);
          INT.encode(docs.add(table.docs.term(u.evidenceDoc[i])), out);
          INT.encode(u.evidenceSentence[i], out);
          INT.encode(texts.add(table.texts.term(u.evidenceText[i])), out);
        }
      }
    }

    @Override
    public CooccurrenceTable decode(InputStream in) throws IOException {
      CooccurrenceTable table = new CooccurrenceTable();
      readNames(in).forEach(table.entities::add);
      readNames(in).forEach(table.outlets::add);
      readNames(in).forEach(table.docs::add);
      readNames(in).forEach(table.texts::add);
      for (CooccurrenceTable.Units u : new CooccurrenceTable.Units[] {table.sentence, table.document}) {
        u.total = LONG.decode(in);
        int[] one = new int[1];
        for (int e = 0; e < table.entities.size(); e++) {
          one[0] = e;
          u.addUnits(one, LONG.decode(in));
        }
        int pairs = INT.decode(in);
        u.reserve(pairs);
        for (int k = pairs; k > 0; k--) {
          int i = u.pair(INT.decode(in), INT.decode(in));
          u.count[i] = LONG.decode(in);
          u.documents[i] = LONG.decode(in);
          for (int o = INT.decode(in); o > 0; o--) {
            u.addOutlet(i, INT.decode(in));
          }
          u.setEvidence(i, LONG.decode(in), INT.decode(in), INT.decode(in), INT.decode(in));
        }
      }
      return table;
    }
  }

  private static void writeNames(OutputStream out, List<String> names) throws IOException {
    INT.encode(names.size(), out);
    for (String name : names) {
      STRING.encode(name, out);
    }
  }

  private static List<String> readNames(InputStream in) throws IOException {
    int n = INT.decode(in);
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(STRING.decode(in));
    }
    return names;
  }

  /**
   * Coder of {@link OutletTables}: the length of the entity part, the entity part (the entity and
   * co-occurrence tables), then the term table, so that either part can be read without decoding
   * the other ({@link #decodeEntityPart}, {@link #decodeTermPart}).
   */
  public static final class OutletTablesCoder extends ClassCoder<OutletTables> {
    public static final OutletTablesCoder INSTANCE = new OutletTablesCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(OutletTables.class), INSTANCE);
    }

    @Override
    public void encode(OutletTables tables, OutputStream out) throws IOException {
      UnsynchronizedByteArrayOutputStream entityPart = ByteIo.output();
      EntityTableCoder.INSTANCE.encode(tables.entities(), entityPart);
      CooccurrenceTableCoder.INSTANCE.encode(tables.cooccurrence(), entityPart);
      INT.encode(entityPart.size(), out);
      entityPart.writeTo(out);
      RecordCoders.TermTableCoder.INSTANCE.encode(tables.terms(), out);
    }

    @Override
    public OutletTables decode(InputStream in) throws IOException {
      OutletTables entityPart = decodeEntityPart(in);
      return new OutletTables(RecordCoders.TermTableCoder.INSTANCE.decode(in), entityPart.entities(),
          entityPart.cooccurrence());
    }

    /** The entity and co-occurrence tables of encoded tables, with an empty term table; the terms are not read. */
    public static OutletTables decodeEntityPart(InputStream in) throws IOException {
      INT.decode(in);
      EntityTable entities = EntityTableCoder.INSTANCE.decode(in);
      return new OutletTables(new TermTable(), entities, CooccurrenceTableCoder.INSTANCE.decode(in));
    }

    /** The term table of encoded tables; the entity part's bytes are skipped. */
    public static TermTable decodeTermPart(InputStream in) throws IOException {
      in.skipNBytes(INT.decode(in));
      return RecordCoders.TermTableCoder.INSTANCE.decode(in);
    }
  }
}
