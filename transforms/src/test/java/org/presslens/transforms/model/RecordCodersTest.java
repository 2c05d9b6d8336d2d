package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class RecordCodersTest {

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
}
