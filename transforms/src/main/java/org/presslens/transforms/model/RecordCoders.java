package org.presslens.transforms.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Compact coders for the input record, {@link SourceDocument} (its whole text), and the records
 * every document turns into, {@link AnalyzedDocument} (its term counts: tens of thousands of
 * entries for a long speech), {@link DocumentSentences} (all its tokens) and {@link
 * DocumentEntities} (its mentions and quoted sentences), and the summed {@link TermTable} (every
 * term of an outlet or the corpus, n-grams included: 254,308 entries for the SOTU corpus): UTF-8
 * strings and variable-length integers instead of Java serialization, which writes class
 * descriptors, boxes every count, keeps a handle for every object it writes, decodes strings a
 * character at a time, and was a visible share of the runners' own CPU time. All but the input
 * record are not deterministic (hash-map order) and are never keys.
 */
public final class RecordCoders {

  static final Coder<String> STRING = StringUtf8Coder.of();
  static final Coder<String> NULLABLE_STRING = NullableCoder.of(StringUtf8Coder.of());
  static final Coder<Integer> INT = VarIntCoder.of();
  static final Coder<Long> LONG = VarLongCoder.of();
  static final Coder<Double> DOUBLE = DoubleCoder.of();

  private RecordCoders() {}

  /** Writes the strings in order, each may be null. */
  public static void writeStrings(OutputStream out, String... strings) throws IOException {
    for (String s : strings) {
      NULLABLE_STRING.encode(s, out);
    }
  }

  /** Reads {@code count} strings written by {@link #writeStrings}. */
  public static String[] readStrings(InputStream in, int count) throws IOException {
    String[] strings = new String[count];
    for (int i = 0; i < count; i++) {
      strings[i] = NULLABLE_STRING.decode(in);
    }
    return strings;
  }

  /** Writes the map's size, then each key and value. */
  static <K, V> void writeMap(OutputStream out, Map<K, V> map, Coder<K> keys, Coder<V> values) throws IOException {
    INT.encode(map.size(), out);
    for (Map.Entry<K, V> e : map.entrySet()) {
      keys.encode(e.getKey(), out);
      values.encode(e.getValue(), out);
    }
  }

  /** Reads a map written by {@link #writeMap}. */
  static <K, V> HashMap<K, V> readMap(InputStream in, Coder<K> keys, Coder<V> values) throws IOException {
    int size = INT.decode(in);
    HashMap<K, V> map = new HashMap<>(size * 4 / 3 + 1);
    for (int i = 0; i < size; i++) {
      map.put(keys.decode(in), values.decode(in));
    }
    return map;
  }

  /** Coder of {@link SourceDocument}: its seven strings in order (deterministic). */
  public static final class SourceDocumentCoder extends AtomicCoder<SourceDocument> {
    private static final SourceDocumentCoder INSTANCE = new SourceDocumentCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(SourceDocument.class), INSTANCE);
    }

    @Override
    public void encode(SourceDocument d, OutputStream out) throws IOException {
      writeStrings(out, d.docId(), d.outlet(), d.published(), d.title(), d.author(), d.sourcePath(), d.charset(), d.text());
      INT.encode(d.cuts().count(), out);
      for (int k = 0; k < d.cuts().count(); k++) {
        INT.encode(d.cuts().at(k), out);
        INT.encode(d.cuts().length(k), out);
      }
    }

    @Override
    public SourceDocument decode(InputStream in) throws IOException {
      String[] s = readStrings(in, 8);
      int count = INT.decode(in);
      TextCuts cuts = TextCuts.NONE;
      if (count > 0) {
        int[] at = new int[count];
        int[] lengths = new int[count];
        for (int k = 0; k < count; k++) {
          at[k] = INT.decode(in);
          lengths[k] = INT.decode(in);
        }
        cuts = new TextCuts(at, lengths);
      }
      return new SourceDocument(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], cuts);
    }

    @Override
    public void verifyDeterministic() {}
  }

  /** Coder of {@link DocumentFacts}: metadata and sizes. */
  public static final class DocumentFactsCoder extends ClassCoder<DocumentFacts> {
    private static final DocumentFactsCoder INSTANCE = new DocumentFactsCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(DocumentFacts.class), INSTANCE);
    }

    @Override
    public void encode(DocumentFacts d, OutputStream out) throws IOException {
      writeStrings(out, d.docId(), d.outlet(), d.published(), d.title(), d.author(), d.sourcePath(), d.charset(), d.sha256());
      INT.encode(d.characters(), out);
      INT.encode(d.sentences(), out);
      LONG.encode(d.tokens(), out);
      INT.encode(d.types(), out);
    }

    @Override
    public DocumentFacts decode(InputStream in) throws IOException {
      String[] s = readStrings(in, 8);
      return new DocumentFacts(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], INT.decode(in), INT.decode(in),
          LONG.decode(in), INT.decode(in));
    }
  }

  static void encodeMention(Mention m, OutputStream out) throws IOException {
    writeStrings(out, m.canonical(), m.type(), m.surface(), m.source(), m.written().equals(m.surface()) ? null : m.written());
    INT.encode(m.sentence(), out);
    INT.encode(m.start(), out);
    INT.encode(m.end(), out);
    DOUBLE.encode(m.probability(), out);
    INT.encode(m.charStart() + 1, out); // -1 (not placed) as 0: var-ints of negative numbers take five bytes
    INT.encode(m.charEnd() + 1, out);
  }

  static Mention decodeMention(InputStream in) throws IOException {
    String[] m = readStrings(in, 5); // canonical, type, surface, source, written when not the surface
    return new Mention(m[0], m[1], m[2], INT.decode(in), INT.decode(in), INT.decode(in), m[3],
        DOUBLE.decode(in), INT.decode(in) - 1, INT.decode(in) - 1, m[4] == null ? m[2] : m[4]);
  }

  /** Coder of {@link AnalyzedDocument}: metadata, sizes, term counts, mentions and quoted sentences. */
  public static final class AnalyzedDocumentCoder extends ClassCoder<AnalyzedDocument> {
    public static final AnalyzedDocumentCoder INSTANCE = new AnalyzedDocumentCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(AnalyzedDocument.class), INSTANCE);
    }

    @Override
    public void encode(AnalyzedDocument d, OutputStream out) throws IOException {
      writeStrings(out, d.docId(), d.outlet(), d.published(), d.title(), d.sourcePath(), d.charset(), d.sha256(),
          d.textKey());
      INT.encode(d.characters(), out);
      INT.encode(d.sentences(), out);
      LONG.encode(d.tokens(), out);
      INT.encode(d.types(), out);
      writeMap(out, d.termCounts(), STRING, INT);
      INT.encode(d.mentions().size(), out);
      for (Mention m : d.mentions()) {
        encodeMention(m, out);
      }
      writeMap(out, d.quoted(), INT, NULLABLE_STRING);
    }

    @Override
    public AnalyzedDocument decode(InputStream in) throws IOException {
      String[] s = readStrings(in, 8);
      int characters = INT.decode(in);
      int sentences = INT.decode(in);
      long tokens = LONG.decode(in);
      int types = INT.decode(in);
      HashMap<String, Integer> counts = readMap(in, STRING, INT);
      int count = INT.decode(in);
      ArrayList<Mention> mentions = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        mentions.add(decodeMention(in));
      }
      return new AnalyzedDocument(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], characters, sentences, tokens, types,
          counts, mentions, readMap(in, INT, NULLABLE_STRING));
    }
  }

  /**
   * Coder of {@link TermTable}: words and documents, then each term once with its count and
   * document frequency.
   */
  public static final class TermTableCoder extends ClassCoder<TermTable> {
    static final TermTableCoder INSTANCE = new TermTableCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(TermTable.class), INSTANCE);
    }

    @Override
    public void encode(TermTable t, OutputStream out) throws IOException {
      LONG.encode(t.tokens(), out);
      INT.encode(t.documents(), out);
      INT.encode(t.size(), out);
      for (int i = 0; i < t.size(); i++) {
        STRING.encode(t.termAt(i), out);
        LONG.encode(t.countAt(i), out);
        INT.encode(t.documentFrequencyAt(i), out);
      }
    }

    @Override
    public TermTable decode(InputStream in) throws IOException {
      long tokens = LONG.decode(in);
      int documents = INT.decode(in);
      int size = INT.decode(in);
      TermTable table = new TermTable(size, tokens, documents);
      for (int i = 0; i < size; i++) {
        table.add(STRING.decode(in), LONG.decode(in), INT.decode(in));
      }
      return table;
    }
  }
}
