package org.presslens.transforms.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TextOptions;

class AnalysisRecordTest {

  private static final String TEXT = "NATO met. Truss spoke, again.";

  /** Through Avro's binary form and back: the analysis of another document with the same text. */
  @Test
  void roundTripGivesTheAnalysisForAnyDocumentWithTheText() throws IOException {
    ArrayList<Mention> mentions = new ArrayList<>(List.of(new Mention("NATO", "organization", "NATO", 0, 0, 1, Mention.DICTIONARY),
        new Mention("Liz Truss", "person", "Truss", 1, 0, 1, Mention.BOTH)));
    HashMap<Integer, String> quoted = new HashMap<>(Map.of(0, "NATO met.", 1, "Truss spoke, again."));
    AnalyzedDocument analyzed = new AnalyzedDocument("d1", "A", "2024", "T", "a/d1.txt", "UTF-8",
        DigestUtils.sha256Hex(TEXT), TEXT.length(), 2, 5, 5, new HashMap<>(Map.of("nato", 1, "truss", 1, "nato met", 1)),
        mentions, quoted);

    GenericRecord record = readBack(AnalysisRecord.of(analyzed));

    SourceDocument second = new SourceDocument("d9", "B", "2025-01-02", "Other", "b/d9.txt", "latin1", TEXT);
    assertEquals(AnalysisRecord.textKey(second), AnalysisRecord.recordKey(record));
    assertEquals(new AnalyzedDocument("d9", "B", "2025-01-02", "Other", "b/d9.txt", "latin1",
        analyzed.sha256(), TEXT.length(), 2, 5, 5, analyzed.termCounts(), mentions, quoted),
        AnalysisRecord.analyzed(record, second));
  }

  @Test
  void settingsThatChangeAnAnalysisChangeTheCacheFolder() {
    Gazetteer gazetteer = Gazetteer.english();
    TextOptions base = new TextOptions(StopWords.english(), 3, false, false);
    String folder = CacheFolder.of("/c/", base, gazetteer, true);
    assertEquals(folder, CacheFolder.of("/c", new TextOptions(StopWords.english(), 3, false, false), Gazetteer.english(), true));
    assertNotEquals(folder, CacheFolder.of("/c", new TextOptions(StopWords.english(), 2, false, false), gazetteer, true));
    assertNotEquals(folder, CacheFolder.of("/c", new TextOptions(StopWords.none(), 3, false, false), gazetteer, true));
    assertNotEquals(folder, CacheFolder.of("/c", new TextOptions(StopWords.english(), 3, false, true), gazetteer, true));
    assertNotEquals(folder, CacheFolder.of("/c", base, gazetteer, false));
    Gazetteer more = Gazetteer.english();
    try {
      more.addNames(new ByteArrayInputStream("person\tAda Lovelace\n".getBytes(StandardCharsets.UTF_8)), "extra");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertNotEquals(folder, CacheFolder.of("/c", base, more, true));
  }

  private static GenericRecord readBack(GenericRecord record) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(AnalysisRecord.SCHEMA).write(record, encoder);
    encoder.flush();
    return new GenericDatumReader<GenericRecord>(AnalysisRecord.SCHEMA)
        .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
  }
}
