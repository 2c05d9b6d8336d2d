package org.presslens.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.model.TextHash;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TextOptions;

@ExtendWith(TestPipelineExtension.class)
class AnalyzeDocumentsTest {

  @Test
  void withEntityTermsAMultiwordEntityIsOneTermAndItsWordsAreNotCountedAgain(TestPipeline pipeline) {
    String text = "Jens Stoltenberg said on Monday that the alliance would grow. Stoltenberg spoke in Brussels.";
    SourceDocument doc = new SourceDocument("d1", "RT", "", "", "d1.txt", "UTF-8", text);
    PCollectionTuple compound = pipeline.apply("Compound", Create.of(doc)).apply("AsTerms", AnalyzeDocuments.with(
        new TextOptions(StopWords.english(), 2, false, false, true), org.presslens.transforms.ner.Gazetteer.english()));
    PCollectionTuple words = pipeline.apply("Words", Create.of(doc)).apply("AsWords", AnalyzeDocuments.with(
        new TextOptions(StopWords.english(), 2, false, false), org.presslens.transforms.ner.Gazetteer.english()));

    PAssert.thatSingleton(compound.get(AnalyzeDocuments.ANALYZED)).satisfies(analyzed -> {
      Map<String, Integer> counts = analyzed.termCounts();
      assertEquals(1, counts.get("jens_stoltenberg"), counts.toString());
      assertEquals(1, counts.get("jens_stoltenberg said"));
      assertEquals(1, counts.get("stoltenberg"), "the one-word mention stays a word");
      assertEquals(null, counts.get("jens"));
      assertEquals(null, counts.get("jens stoltenberg"));
      return null;
    });
    PAssert.thatSingleton(words.get(AnalyzeDocuments.ANALYZED)).satisfies(analyzed -> {
      assertEquals(2, analyzed.termCounts().get("stoltenberg"));
      assertEquals(1, analyzed.termCounts().get("jens stoltenberg"));
      assertEquals(null, analyzed.termCounts().get("jens_stoltenberg"));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void countsTermsPerDocumentAndRejectsTextWithoutWords(TestPipeline pipeline) {
    String text = "NATO’s expansion worries Asia.\nNATO`s expansion, again.";
    PCollectionTuple out = pipeline
        .apply(Create.of(
            new SourceDocument("d1", "RT", "2022-05", "T", "d1.txt", "UTF-8", text),
            new SourceDocument("d2", "RT", "", "", "d2.txt", "UTF-8", "... --- !!!"),
            new SourceDocument("d3", "RT", "", "", "d3.txt", "UTF-8", "2023 14.5 300,000 -- 42 %")))
        .apply(AnalyzeDocuments.withoutEntities(new TextOptions(StopWords.english(), 2, false, false)));

    PAssert.thatSingleton(out.get(AnalyzeDocuments.ANALYZED)).satisfies(doc -> {
      assertEquals("d1", doc.docId());
      assertEquals(DigestUtils.sha256Hex(text), doc.sha256());
      assertEquals(TextHash.key(text), doc.textKey());
      assertEquals(2, doc.sentences());
      // nato 's expansion worries asia / nato 's expansion again
      assertEquals(9, doc.tokens());
      assertEquals(6, doc.types());
      // "again" is a stop word, and the comma before it would block "expansion again" anyway.
      assertEquals(Map.of("nato", 2, "expansion", 2, "worries", 1, "asia", 1,
          "expansion worries", 1, "worries asia", 1), doc.termCounts());
      return null;
    });
    PAssert.that(out.get(AnalyzeDocuments.REJECTED)).satisfies(rejected -> {
      List<String> rows = StreamSupport.stream(rejected.spliterator(), false)
          .map(r -> r.source() + ":" + r.reason()).sorted().toList();
      assertEquals(List.of("d2.txt:" + RejectedInput.Reason.NO_WORDS.code(), "d3.txt:" + RejectedInput.Reason.NO_WORDS.code()), rows);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void countsWordsAndTimesTheTokenizeStage(TestPipeline pipeline) {
    pipeline
        .apply(Create.of(
            new SourceDocument("d1", "RT", "", "", "d1.txt", "UTF-8", "One two three."),
            new SourceDocument("d2", "RT", "", "", "d2.txt", "UTF-8", "Four five."),
            new SourceDocument("d3", "RT", "", "", "d3.txt", "UTF-8", "!!!")))
        .apply(AnalyzeDocuments.withoutEntities(new TextOptions(StopWords.english(), 2, false, false)));
    MetricQueryResults metrics = pipeline.run().metrics().queryMetrics(MetricsFilter.builder().build());
    long words = 0;
    long tokenizeNanos = 0;
    for (MetricResult<Long> counter : metrics.getCounters()) {
      if (counter.getName().equals(MetricName.named(Progress.NAMESPACE, Progress.WORDS))) {
        words += counter.getAttempted();
      } else if (counter.getName().equals(MetricName.named(Stage.NAMESPACE, Stage.TOKENIZE.label()))) {
        tokenizeNanos += counter.getAttempted();
      }
    }
    assertEquals(5, words, "words of the analysed documents, the rejected one not counted");
    assertTrue(tokenizeNanos > 0, "time spent tokenizing is counted");
  }
}
