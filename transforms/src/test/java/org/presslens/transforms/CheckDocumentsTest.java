package org.presslens.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.presslens.transforms.io.CorpusTags;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.text.InputLimits;
import org.presslens.transforms.text.LanguageGuesserTest;

@ExtendWith(TestPipelineExtension.class)
class CheckDocumentsTest {

  private static SourceDocument doc(String id, String published, String text) {
    return new SourceDocument(id, "out", published, "", id + ".txt", "UTF-8", text);
  }

  @Test
  void rejectsOversizedUnspacedUndatedAndForeignDocuments(TestPipeline pipeline) {
    String english = "The minister said on Monday that the plan would go ahead despite the protests.";
    SourceDocument fine = doc("fine", "3 May 2024", english);
    PCollectionTuple checked = pipeline
        .apply(Create.of(fine,
            doc("big", "", english.repeat(20)),
            doc("blob", "", "Attachment: " + "QUJD".repeat(30)),
            doc("undated", "next Tuesday", english),
            doc("german", "", LanguageGuesserTest.GERMAN),
            new SourceDocument("feed/7", "out", "", "", "feed.jsonl:7", "UTF-8", "Kurz: " + "x".repeat(150))))
        .apply(CheckDocuments.with(new InputLimits(1000, 100, true)));

    PAssert.that(checked.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        doc("fine", "2024-05-03", english));
    PAssert.that(checked.get(CorpusTags.REJECTED)).containsInAnyOrder(
        new RejectedInput("big.txt", "", "too-large", "text has 1,560 characters; the limit is 1,000 (--maxDocumentMB)"),
        new RejectedInput("blob.txt", "", "no-spaces", "120 characters without white space at character 12 "
            + "(encoded data or lost spaces?); the limit is 100 (--maxWordChars)"),
        new RejectedInput("undated.txt", "", "bad-date", "date 'next Tuesday' is not a date PressLens reads "
            + "(e.g. 2024-05-03, 2024-05, 2024, 3 May 2024, RFC 1123)"),
        new RejectedInput("german.txt", "", "not-english", germanDetail()),
        new RejectedInput("feed.jsonl", "line 7", "no-spaces", "150 characters without white space at character 6 "
            + "(encoded data or lost spaces?); the limit is 100 (--maxWordChars)"));
    pipeline.run().waitUntilFinish();
  }

  private static String germanDetail() {
    var guess = new org.presslens.transforms.text.LanguageGuesser().guess(LanguageGuesserTest.GERMAN).orElseThrow();
    return String.format("language detected: deu (confidence %.2f); PressLens analyses English (--englishOnly=false keeps it)",
        guess.confidence());
  }

  @Test
  void aDocumentWithMoreWordsThanTheLimitIsTooLarge(TestPipeline pipeline) {
    String many = "a ".repeat(InputLimits.MAX_WORDS) + "b";
    assertEquals(InputLimits.MAX_WORDS + 1, org.presslens.transforms.text.Words.count(many));
    assertEquals(3, org.presslens.transforms.text.Words.count("  one\ttwo\r\nthree "));
    PCollectionTuple checked = pipeline
        .apply(Create.of(doc("many", "", many), doc("enough", "", "a ".repeat(InputLimits.MAX_WORDS - 1) + "b")))
        .apply(CheckDocuments.with(new InputLimits(10_000_000, 100, false)));
    PAssert.that(checked.get(CorpusTags.REJECTED)).containsInAnyOrder(new RejectedInput("many.txt", "", "too-large",
        "text has 2,000,001 words; a document is analysed up to 2,000,000 words"));
    PAssert.that(checked.get(CorpusTags.DOCUMENTS).apply(MapElements.into(TypeDescriptors.strings()).via(SourceDocument::docId)))
        .containsInAnyOrder("enough");
    pipeline.run().waitUntilFinish();
  }
}
