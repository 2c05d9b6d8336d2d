package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class RecordCodersTest {

  @Test
  void sourceDocumentsRoundTripWithTheirDefaultCoder() throws Exception {
    Coder<SourceDocument> coder = CoderRegistry.createDefault().getCoder(SourceDocument.class);
    assertInstanceOf(RecordCoders.SourceDocumentCoder.class, coder);
    SourceDocument doc = new SourceDocument("d1", "RT", "2024-05", "Title, \"quoted\"", "a/d1.txt", "windows-1252",
        "NATO met in Vilnius.\r\nÉlan vital, 日本, \uD83D\uDE00 and a\u0000zero.");
    CoderProperties.coderDecodeEncodeEqual(coder, doc);
    CoderProperties.coderDecodeEncodeEqual(coder, new SourceDocument("d2", null, "", null, "", null, ""));
    CoderProperties.coderDeterministic(coder, doc, new SourceDocument(doc.docId(), doc.outlet(), doc.published(),
        doc.title(), doc.sourcePath(), doc.charset(), doc.text()));
  }

  @Test
  void entityListsRoundTripWithTheirDefaultCoder() throws Exception {
    Coder<DocumentEntities> coder = CoderRegistry.createDefault().getCoder(DocumentEntities.class);
    assertInstanceOf(RecordCoders.DocumentEntitiesCoder.class, coder);
    ArrayList<Mention> mentions = new ArrayList<>(List.of(
        new Mention("NATO", "organization", "Nato", 0, 3, 4, Mention.BOTH),
        new Mention("Jens Stoltenberg", "person", "Stoltenberg", 2, 0, 1, Mention.MODEL)));
    HashMap<Integer, String> quoted = new HashMap<>(Map.of(0, "The Nato summit .", 2, "Stoltenberg said « oui » ."));
    DocumentEntities doc = new DocumentEntities("d1", "RT", mentions, 5, quoted);
    CoderProperties.coderDecodeEncodeEqual(coder, doc);
    CoderProperties.coderDecodeEncodeEqual(coder, new DocumentEntities("d2", "", new ArrayList<>(), 0, new HashMap<>()));
  }

  @Test
  void analyzedDocumentsRoundTripWithTheirDefaultCoder() throws Exception {
    Coder<AnalyzedDocument> coder = CoderRegistry.createDefault().getCoder(AnalyzedDocument.class);
    assertInstanceOf(RecordCoders.AnalyzedDocumentCoder.class, coder);
    HashMap<String, Integer> counts = new HashMap<>(Map.of("nato", 2, "élan vital", 1, "日本", 3));
    CoderProperties.coderDecodeEncodeEqual(coder, new AnalyzedDocument(
        "d1", "RT", "2024-05", "Title, \"quoted\"", "a/d1.txt", "UTF-8", "ab12", 120, 3, 1L << 33, 7, counts));
    CoderProperties.coderDecodeEncodeEqual(coder, new AnalyzedDocument(
        "d2", "", "", "", "", "", "", 0, 0, 0, 0, new HashMap<>()));
  }

  @Test
  void sentencesRoundTripWithNullTermsForPunctuation() throws Exception {
    Coder<DocumentSentences> coder = CoderRegistry.createDefault().getCoder(DocumentSentences.class);
    assertInstanceOf(RecordCoders.DocumentSentencesCoder.class, coder);
    DocumentSentences doc = new DocumentSentences("d1", "RT",
        new ArrayList<>(List.of(new String[] {"NATO", "met", "."}, new String[0])),
        new ArrayList<>(List.of(new String[] {"nato", "met", null}, new String[0])));
    DocumentSentences back = CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, doc));
    assertEquals("d1", back.docId());
    assertEquals("RT", back.outlet());
    assertEquals(2, back.surfaces().size());
    assertArrayEquals(doc.surfaces().get(0), back.surfaces().get(0));
    assertArrayEquals(doc.terms().get(0), back.terms().get(0));
    assertEquals(0, back.terms().get(1).length);
  }

  @Test
  void termTablesRoundTripAndAreSmallerThanJavaSerialization() throws Exception {
    Coder<TermTable> coder = CoderRegistry.createDefault().getCoder(TermTable.class);
    assertInstanceOf(RecordCoders.TermTableCoder.class, coder);
    TermTable table = new TermTable()
        .add(new AnalyzedDocument("a", "RT", "", "", "", "", "", 0, 1, 1L << 33, 3,
            new HashMap<>(Map.of("nato", 3, "élan vital", 1, "日本", 2))))
        .add(new AnalyzedDocument("b", "RT", "", "", "", "", "", 0, 1, 40, 1, new HashMap<>(Map.of("nato", 1000))));
    CoderProperties.coderDecodeEncodeEqual(coder, table);
    CoderProperties.coderDecodeEncodeEqual(coder, new TermTable());
    TermTable decoded = CoderUtils.clone(coder, table);
    assertEquals(Map.of("nato", 1003L, "élan vital", 1L, "日本", 2L), decoded.counts());
    assertEquals(Map.of("nato", 2, "élan vital", 1, "日本", 1), decoded.docFreq());
    assertEquals((1L << 33) + 40, decoded.tokens());
    assertEquals(2, decoded.documents());

    TermTable large = new TermTable();
    for (int i = 0; i < 10_000; i++) {
      large.add(new AnalyzedDocument("d" + i, "RT", "", "", "", "", "", 0, 1, 2, 2,
          new HashMap<>(Map.of("term" + i, 1 + i % 300, "shared term", 1))));
    }
    int compact = CoderUtils.encodeToByteArray(coder, large).length;
    int java = CoderUtils.encodeToByteArray(SerializableCoder.of(TermTable.class), large).length;
    assertTrue(compact * 2 < java, compact + " bytes against " + java + " with Java serialization");
  }
}
