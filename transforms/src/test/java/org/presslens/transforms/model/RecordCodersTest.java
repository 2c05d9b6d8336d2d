package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.TestDocuments;

class RecordCodersTest {

  @Test
  void sourceDocumentsRoundTripWithTheirDefaultCoder() throws Exception {
    Coder<SourceDocument> coder = CoderRegistry.createDefault().getCoder(SourceDocument.class);
    assertInstanceOf(RecordCoders.SourceDocumentCoder.class, coder);
    SourceDocument doc = new SourceDocument("d1", "RT", "2024-05", "Title, \"quoted\"", "a/d1.txt", "windows-1252",
        "NATO met in Vilnius.\r\nÉlan vital, 日本, \uD83D\uDE00 and a\u0000zero.");
    CoderProperties.coderDecodeEncodeEqual(coder, doc);
    CoderProperties.coderDecodeEncodeEqual(coder, new SourceDocument("d2", null, "", null, "", null, ""));
    CoderProperties.coderDecodeEncodeEqual(coder, new SourceDocument("d3", "RT", "", "T", "Jane Doe; Ali Karbalaei", "d3.txt",
        "UTF-8", "Text."));
    CoderProperties.coderDeterministic(coder, doc, new SourceDocument(doc.docId(), doc.outlet(), doc.published(),
        doc.title(), doc.sourcePath(), doc.charset(), doc.text()));
  }

  @Test
  void analyzedDocumentsRoundTripWithTheirDefaultCoder() throws Exception {
    Coder<AnalyzedDocument> coder = CoderRegistry.createDefault().getCoder(AnalyzedDocument.class);
    assertInstanceOf(RecordCoders.AnalyzedDocumentCoder.class, coder);
    HashMap<String, Integer> counts = new HashMap<>(Map.of("nato", 2, "élan vital", 1, "日本", 3));
    ArrayList<Mention> mentions = new ArrayList<>(List.of(
        new Mention("NATO", "organization", "Nato", 0, 3, 4, Mention.BOTH, 0.91, 17, 21, "Nato"),
        new Mention("Jens Stoltenberg", "person", "Stoltenberg", 2, 0, 1, Mention.MODEL, 0.5, 300, 311, "Stoltenberg"),
        new Mention("United States", "location", "U.S.", 3, 2, 3, Mention.DICTIONARY)));
    HashMap<Integer, String> quoted = new HashMap<>(Map.of(0, "The Nato summit .", 2, "Stoltenberg said « oui » ."));
    CoderProperties.coderDecodeEncodeEqual(coder, new AnalyzedDocument(
        "d1", "RT", "2024-05", "Title, \"quoted\"", "a/d1.txt", "UTF-8", "ab12", "cd34", 120, 3, 1L << 33, 7, counts,
        mentions, quoted));
    CoderProperties.coderDecodeEncodeEqual(coder, new AnalyzedDocument(
        "d2", "", "", "", "", "", "", "", 0, 0, 0, 0, new HashMap<>(), new ArrayList<>(), new HashMap<>()));
  }

  @Test
  void outletTablesRoundTripWithTheirDefaultCoder() throws Exception {
    Coder<OutletTables> coder = CoderRegistry.createDefault().getCoder(OutletTables.class);
    assertInstanceOf(TableCoders.OutletTablesCoder.class, coder);
    ArrayList<Mention> mentions = new ArrayList<>(List.of(
        new Mention("NATO", "organization", "Nato", 0, 3, 4, Mention.BOTH, 0.91, 17, 21, "Nato"),
        new Mention("China", "location", "China", 0, 0, 1, Mention.MODEL, 0.7, 2, 7, "Chi\nna"),
        new Mention("Jens Stoltenberg", "person", "Stoltenberg", 2, 0, 1, Mention.DICTIONARY)));
    OutletTables tables = new OutletTables()
        .add(new AnalyzedDocument("d1", "RT", "", "", "", "", "", "", 0, 3, 12, 7, new HashMap<>(Map.of("nato", 2)),
            mentions, new HashMap<>(Map.of(0, "China and the Nato summit .", 2, "Stoltenberg spoke ."))))
        .add(new AnalyzedDocument("d2", "GT", "", "", "", "", "", "", 0, 1, 3, 3, new HashMap<>(Map.of("china", 1)),
            new ArrayList<>(), new HashMap<>()));
    CoderProperties.coderDecodeEncodeEqual(coder, tables);
    CoderProperties.coderDecodeEncodeEqual(coder, new OutletTables());
    OutletTables back = CoderUtils.clone(coder, tables);
    assertEquals(4, back.cooccurrence().units(CooccurrenceTable.Window.SENTENCE).count(), "sentences of both documents");
    assertEquals("China and the Nato summit .", back.cooccurrence().units(CooccurrenceTable.Window.SENTENCE).pairs(1)
        .get(0).evidence().text());
  }

  @Test
  void termTablesRoundTripAndAreSmallerThanJavaSerialization() throws Exception {
    Coder<TermTable> coder = CoderRegistry.createDefault().getCoder(TermTable.class);
    assertInstanceOf(RecordCoders.TermTableCoder.class, coder);
    TermTable table = new TermTable()
        .add(TestDocuments.analyzed("a", "RT", 1L << 33, Map.of("nato", 3, "élan vital", 1, "日本", 2)))
        .add(TestDocuments.analyzed("b", "RT", 40, Map.of("nato", 1000)));
    CoderProperties.coderDecodeEncodeEqual(coder, table);
    CoderProperties.coderDecodeEncodeEqual(coder, new TermTable());
    TermTable decoded = CoderUtils.clone(coder, table);
    assertEquals(Map.of("nato", 1003L, "élan vital", 1L, "日本", 2L), TermTables.counts(decoded));
    assertEquals(Map.of("nato", 2, "élan vital", 1, "日本", 1), TermTables.documentFrequencies(decoded));
    assertEquals((1L << 33) + 40, decoded.tokens());
    assertEquals(2, decoded.documents());

    TermTable large = new TermTable();
    for (int i = 0; i < 10_000; i++) {
      large.add(TestDocuments.analyzed("d" + i, "RT", 2, Map.of("term" + i, 1 + i % 300, "shared term", 1)));
    }
    int compact = CoderUtils.encodeToByteArray(coder, large).length;
    int java = CoderUtils.encodeToByteArray(SerializableCoder.of(TermTable.class), large).length;
    assertTrue(compact * 2 < java, compact + " bytes against " + java + " with Java serialization");
  }
}
