package org.presslens.transforms.state;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.ClassCoder;
import org.presslens.transforms.model.DatedTables;
import org.presslens.transforms.model.EncodedTables;

/** Compact coders of the state: members, postings (positions delta-coded with their counts) and whole segments. */
public final class StateCoders {

  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final VarIntCoder INT = VarIntCoder.of();
  private static final VarLongCoder LONG = VarLongCoder.of();
  private static final ByteArrayCoder BYTES = ByteArrayCoder.of();
  private static final BooleanCoder BOOLEAN = BooleanCoder.of();

  private StateCoders() {}

  static void encodeMember(Member m, OutputStream out) throws IOException {
    STRING.encode(m.docId(), out);
    STRING.encode(m.outlet(), out);
    STRING.encode(m.published(), out);
    STRING.encode(m.sha256(), out);
    STRING.encode(m.textKey(), out);
    BOOLEAN.encode(m.copy(), out);
    INT.encode(m.characters(), out);
    INT.encode(m.sentences(), out);
    LONG.encode(m.tokens(), out);
    INT.encode(m.types(), out);
    INT.encode(m.terms(), out);
    INT.encode(m.mentions(), out);
    STRING.encode(m.part(), out);
  }

  static Member decodeMember(InputStream in) throws IOException {
    return new Member(STRING.decode(in), STRING.decode(in), STRING.decode(in), STRING.decode(in), STRING.decode(in),
        BOOLEAN.decode(in),
        INT.decode(in), INT.decode(in), LONG.decode(in), INT.decode(in), INT.decode(in), INT.decode(in), STRING.decode(in));
  }

  /** Coder of {@link Member}. */
  public static final class MemberCoder extends ClassCoder<Member> {
    private static final MemberCoder INSTANCE = new MemberCoder();

    public static MemberCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Member m, OutputStream out) throws IOException {
      encodeMember(m, out);
    }

    @Override
    public Member decode(InputStream in) throws IOException {
      return decodeMember(in);
    }
  }

  static void encodeMembers(List<Member> members, OutputStream out) throws IOException {
    INT.encode(members.size(), out);
    for (Member m : members) {
      encodeMember(m, out);
    }
  }

  static ArrayList<Member> decodeMembers(InputStream in) throws IOException {
    int count = INT.decode(in);
    ArrayList<Member> members = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      members.add(decodeMember(in));
    }
    return members;
  }

  /** Each outlet's tables as their length and bytes, so that they are read back without being decoded. */
  static void encodeTables(TreeMap<String, EncodedTables> tables, OutputStream out) throws IOException {
    INT.encode(tables.size(), out);
    for (Map.Entry<String, EncodedTables> e : tables.entrySet()) {
      if (e.getValue().isEntityPart()) {
        throw new IllegalStateException("the entity part of tables stored as whole tables, outlet " + e.getKey());
      }
      STRING.encode(e.getKey(), out);
      BYTES.encode(e.getValue().bytes(), out);
    }
  }

  static TreeMap<String, EncodedTables> decodeTables(InputStream in) throws IOException {
    TreeMap<String, EncodedTables> tables = new TreeMap<>();
    for (int i = INT.decode(in); i > 0; i--) {
      tables.put(STRING.decode(in), EncodedTables.ofBytes(BYTES.decode(in)));
    }
    return tables;
  }

  static void encodeDated(TreeMap<String, TreeMap<String, DatedTables>> dated, OutputStream out) throws IOException {
    INT.encode(dated.size(), out);
    for (Map.Entry<String, TreeMap<String, DatedTables>> outlet : dated.entrySet()) {
      STRING.encode(outlet.getKey(), out);
      INT.encode(outlet.getValue().size(), out);
      for (Map.Entry<String, DatedTables> date : outlet.getValue().entrySet()) {
        STRING.encode(date.getKey(), out);
        DatedTables.Coder.INSTANCE.encode(date.getValue(), out);
      }
    }
  }

  static TreeMap<String, TreeMap<String, DatedTables>> decodeDated(InputStream in) throws IOException {
    TreeMap<String, TreeMap<String, DatedTables>> dated = new TreeMap<>();
    for (int i = INT.decode(in); i > 0; i--) {
      TreeMap<String, DatedTables> dates = new TreeMap<>();
      dated.put(STRING.decode(in), dates);
      for (int j = INT.decode(in); j > 0; j--) {
        dates.put(STRING.decode(in), DatedTables.Coder.INSTANCE.decode(in));
      }
    }
    return dated;
  }

  /**
   * The postings' content as their parts, each as its length and bytes, so that a part read back
   * can be written again without decoding it ({@link Postings#encodedPart}); spilled postings are
   * read from their file first.
   */
  static void encodePostings(Postings postings, OutputStream out) throws IOException {
    List<Postings> parts = postings.parts();
    INT.encode(parts.size(), out);
    for (Postings part : parts) {
      byte[] bytes = part.partBytes();
      INT.encode(bytes.length, out);
      out.write(bytes);
    }
  }

  /** Postings as {@link #encodePostings} wrote them, their parts still encoded. */
  static Postings decodePostings(InputStream in) throws IOException {
    List<Postings> parts = new ArrayList<>();
    for (int n = INT.decode(in); n > 0; n--) {
      int length = INT.decode(in);
      byte[] bytes = in.readNBytes(length);
      if (bytes.length != length) {
        throw new EOFException("postings end after " + bytes.length + " of " + length + " bytes");
      }
      parts.add(Postings.encodedPart(bytes));
    }
    return Postings.ofParts(parts);
  }

  /** One loaded part's documents, terms and entries. */
  static void encodePart(Postings p, OutputStream out) throws IOException {
    INT.encode(p.docIds().length, out);
    for (int i = 0; i < p.docIds().length; i++) {
      STRING.encode(p.docIds()[i], out);
      STRING.encode(p.outlets()[i], out);
    }
    INT.encode(p.termCount(), out);
    for (int t = 0; t < p.termCount(); t++) {
      STRING.encode(p.term(t), out);
      INT.encode(p.documentCount(t), out);
      int previous = 0;
      for (int i = 0; i < p.documentCount(t); i++) {
        // the gap to the previous document, with a low bit for a count above one, which follows
        int count = p.count(t, i);
        INT.encode((p.position(t, i) - previous) << 1 | (count > 1 ? 1 : 0), out);
        if (count > 1) {
          INT.encode(count, out);
        }
        previous = p.position(t, i);
      }
    }
  }

  /** The documents of one part as {@link #encodePart} wrote it; its terms are not read. */
  static String[] decodePartDocIds(InputStream in) throws IOException {
    String[] ids = new String[INT.decode(in)];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = STRING.decode(in);
      STRING.decode(in);
    }
    return ids;
  }

  /** One part as {@link #encodePart} wrote it (also with its terms in another order), loaded. */
  static Postings decodePart(InputStream in) throws IOException {
    String[] ids = new String[INT.decode(in)];
    String[] outlets = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = STRING.decode(in);
      outlets[i] = STRING.decode(in);
    }
    String[] terms = new String[INT.decode(in)];
    int[][] lists = new int[terms.length][];
    boolean sorted = true;
    for (int t = 0; t < terms.length; t++) {
      terms[t] = STRING.decode(in);
      sorted &= t == 0 || terms[t - 1].compareTo(terms[t]) < 0;
      int[] entries = new int[INT.decode(in)];
      int previous = 0;
      for (int i = 0; i < entries.length; i++) {
        int gap = INT.decode(in);
        previous += gap >>> 1;
        entries[i] = Postings.entry(previous, (gap & 1) == 0 ? 1 : INT.decode(in));
      }
      lists[t] = entries;
    }
    if (sorted) {
      return Postings.ofSorted(ids, outlets, terms, lists);
    }
    HashMap<String, int[]> byTerm = new HashMap<>(terms.length * 4 / 3 + 1);
    for (int t = 0; t < terms.length; t++) {
      byTerm.put(terms[t], lists[t]);
    }
    return Postings.of(ids, outlets, byTerm);
  }

  /** Coder of {@link Segment}: id, members, tables, dated tables and postings. */
  public static final class SegmentCoder extends ClassCoder<Segment> {
    public static final SegmentCoder INSTANCE = new SegmentCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(Segment.class), INSTANCE);
    }

    @Override
    public void encode(Segment s, OutputStream out) throws IOException {
      STRING.encode(s.id(), out);
      encodeMembers(s.members(), out);
      TABLES.encode(s.tables(), out);
      encodeDated(s.dated(), out);
      Postings postings = s.postings();
      BOOLEAN.encode(postings.spilled(), out);
      if (postings.spilled()) {
        STRING.encode(postings.file(), out);
        INT.encode(postings.length(), out);
      } else {
        encodePostings(postings, out);
      }
    }

    @Override
    public Segment decode(InputStream in) throws IOException {
      return new Segment(STRING.decode(in), decodeMembers(in), new TreeMap<>(TABLES.decode(in)), decodeDated(in),
          BOOLEAN.decode(in) ? Postings.inFile(STRING.decode(in), INT.decode(in)) : decodePostings(in));
    }

    /** Across a shuffle, spilled tables and postings stay in their files: their names cross. */
    private static final MapCoder<String, EncodedTables> TABLES = MapCoder.of(STRING, EncodedTables.EncodedTablesCoder.of());
  }
}
