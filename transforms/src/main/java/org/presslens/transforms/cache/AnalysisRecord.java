package org.presslens.transforms.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.codec.digest.DigestUtils;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.SourceDocument;

/**
 * One cached document analysis as an Avro record: everything PressLens derives from a text alone
 * (sizes, term counts, entity mentions and the sentences that hold them), keyed by the SHA-256 of the text. What comes
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
      .name("mentions").type().array().items(MENTION).noDefault()
      .name("quoted").doc("sentence index to text, for sentences with a mention").type().map().values().stringType().noDefault()
      .endRecord();

  private AnalysisRecord() {}

  /** The cache key of a document: the SHA-256 of its text, as documents.csv reports it. */
  public static String textKey(SourceDocument doc) {
    return DigestUtils.sha256Hex(doc.text());
  }

  /** The record of one analysed document. */
  public static GenericRecord of(AnalyzedDocument doc) {
    GenericRecord record = new GenericData.Record(SCHEMA);
    record.put("text_sha256", doc.sha256());
    record.put("sentences", doc.sentences());
    record.put("tokens", doc.tokens());
    record.put("types", doc.types());
    record.put("term_counts", doc.termCounts());
    List<GenericRecord> mentions = new ArrayList<>();
    for (Mention m : doc.mentions()) {
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
    Map<String, String> quoted = new HashMap<>();
    doc.quoted().forEach((index, text) -> quoted.put(Integer.toString(index), text));
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
    ArrayList<Mention> mentions = new ArrayList<>();
    for (Object o : (List<?>) record.get("mentions")) {
      GenericRecord m = (GenericRecord) o;
      mentions.add(new Mention(m.get("canonical").toString(), m.get("type").toString(), m.get("surface").toString(),
          (Integer) m.get("sentence"), (Integer) m.get("start"), (Integer) m.get("end"), m.get("source").toString()));
    }
    HashMap<Integer, String> quoted = new HashMap<>();
    ((Map<?, ?>) record.get("quoted")).forEach((index, text) -> quoted.put(Integer.parseInt(index.toString()), text.toString()));
    return new AnalyzedDocument(doc.docId(), doc.outlet(), doc.published(), doc.title(), doc.sourcePath(), doc.charset(),
        recordKey(record), doc.text().codePointCount(0, doc.text().length()),
        (Integer) record.get("sentences"), (Long) record.get("tokens"), (Integer) record.get("types"), counts,
        mentions, quoted);
  }
}
