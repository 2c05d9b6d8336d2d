package org.presslens.transforms.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.codec.digest.DigestUtils;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.DocumentEntities;
import org.presslens.transforms.model.DocumentSentences;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.SourceDocument;

/**
 * One cached document analysis as an Avro record: everything PressLens derives from a text alone
 * (sentences, tokens, term counts, entity mentions), keyed by the SHA-256 of the text. What comes
 * from the input record (doc_id, outlet, date, title, source) is not stored: a cached analysis
 * serves every document with the same text.
 */
public final class AnalysisRecord {

  private static final Schema MENTION = SchemaBuilder.record("Mention").namespace("org.presslens.cache").fields()
      .requiredString("canonical").requiredString("type").requiredString("surface")
      .requiredInt("sentence").requiredInt("start").requiredInt("end").requiredString("source")
      .endRecord();

  public static final Schema SCHEMA = SchemaBuilder.record("DocumentAnalysis").namespace("org.presslens.cache")
      .doc("PressLens per-document analysis, keyed by the SHA-256 of the document text").fields()
      .requiredString("text_sha256")
      .requiredInt("sentences")
      .requiredLong("tokens")
      .requiredInt("types")
      .name("term_counts").type().map().values().intType().noDefault()
      .name("surfaces").doc("tokens as written, per sentence").type().array().items().array().items().stringType().noDefault()
      .name("terms").doc("counted term per token, null for punctuation").type().array().items().array().items()
          .nullable().stringType().noDefault()
      .name("mentions").type().array().items(MENTION).noDefault()
      .name("quoted").doc("sentence index to text, for sentences with a mention").type().map().values().stringType().noDefault()
      .endRecord();

  private AnalysisRecord() {}

  /** The cache key of a document: the SHA-256 of its text, as documents.csv reports it. */
  public static String textKey(SourceDocument doc) {
    return DigestUtils.sha256Hex(doc.text());
  }

  /** The record of one analysed document; {@code entities} is null when entities are not recognised. */
  public static GenericRecord of(AnalyzedDocument doc, DocumentSentences sentences, DocumentEntities entities) {
    GenericRecord record = new GenericData.Record(SCHEMA);
    record.put("text_sha256", doc.sha256());
    record.put("sentences", doc.sentences());
    record.put("tokens", doc.tokens());
    record.put("types", doc.types());
    record.put("term_counts", doc.termCounts());
    record.put("surfaces", sentences.surfaces().stream().map(Arrays::asList).toList());
    record.put("terms", sentences.terms().stream().map(Arrays::asList).toList());
    List<GenericRecord> mentions = new ArrayList<>();
    Map<String, String> quoted = new HashMap<>();
    if (entities != null) {
      for (Mention m : entities.mentions()) {
        GenericRecord r = new GenericData.Record(MENTION);
        r.put("canonical", m.canonical());
        r.put("type", m.type());
        r.put("surface", m.surface());
        r.put("sentence", m.sentence());
        r.put("start", m.start());
        r.put("end", m.end());
        r.put("source", m.source());
        mentions.add(r);
      }
      entities.sentences().forEach((index, text) -> quoted.put(Integer.toString(index), text));
    }
    record.put("mentions", mentions);
    record.put("quoted", quoted);
    return record;
  }

  public static String recordKey(GenericRecord record) {
    return record.get("text_sha256").toString();
  }

  /** The analysis of {@code doc} from a record of its text. */
  public static AnalyzedDocument analyzed(GenericRecord record, SourceDocument doc) {
    HashMap<String, Integer> counts = new HashMap<>();
    ((Map<?, ?>) record.get("term_counts")).forEach((term, n) -> counts.put(term.toString(), (Integer) n));
    return new AnalyzedDocument(doc.docId(), doc.outlet(), doc.published(), doc.title(), doc.sourcePath(), doc.charset(),
        recordKey(record), doc.text().codePointCount(0, doc.text().length()),
        (Integer) record.get("sentences"), (Long) record.get("tokens"), (Integer) record.get("types"), counts);
  }

  public static DocumentSentences sentences(GenericRecord record, SourceDocument doc) {
    return new DocumentSentences(doc.docId(), doc.outlet(), arrays(record.get("surfaces")), arrays(record.get("terms")));
  }

  public static DocumentEntities entities(GenericRecord record, SourceDocument doc) {
    ArrayList<Mention> mentions = new ArrayList<>();
    for (Object o : (List<?>) record.get("mentions")) {
      GenericRecord m = (GenericRecord) o;
      mentions.add(new Mention(m.get("canonical").toString(), m.get("type").toString(), m.get("surface").toString(),
          (Integer) m.get("sentence"), (Integer) m.get("start"), (Integer) m.get("end"), m.get("source").toString()));
    }
    HashMap<Integer, String> quoted = new HashMap<>();
    ((Map<?, ?>) record.get("quoted")).forEach((index, text) -> quoted.put(Integer.parseInt(index.toString()), text.toString()));
    return new DocumentEntities(doc.docId(), doc.outlet(), mentions, ((List<?>) record.get("surfaces")).size(), quoted);
  }

  /** Lists of (Avro) strings to String arrays; nulls stay null. */
  private static ArrayList<String[]> arrays(Object lists) {
    ArrayList<String[]> out = new ArrayList<>();
    for (Object list : (List<?>) lists) {
      List<?> items = (List<?>) list;
      String[] array = new String[items.size()];
      for (int i = 0; i < array.length; i++) {
        array[i] = items.get(i) == null ? null : items.get(i).toString();
      }
      out.add(array);
    }
    return out;
  }
}
