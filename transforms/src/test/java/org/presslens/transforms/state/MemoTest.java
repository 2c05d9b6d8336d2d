package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.CheckDocuments;
import org.presslens.transforms.RemoveBoilerplate;
import org.presslens.transforms.boilerplate.BoilerplateLines;
import org.presslens.transforms.boilerplate.BoilerplateRule;
import org.presslens.transforms.FindDuplicates;
import org.presslens.transforms.dedup.Duplicate;
import org.presslens.transforms.dedup.Fingerprint;
import org.presslens.transforms.io.CorpusTags;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.model.TextHash;
import org.presslens.transforms.text.InputLimits;
import org.presslens.transforms.text.LanguageGuesserTest;

/**
 * A rerun takes the language guess, the candidate boilerplate lines and the fingerprint of a text it has seen from the memo, and
 * remembers the results of every text it saw for the next run. The memos here hold results the
 * real functions would not give, so that their use shows in the output.
 */
@ExtendWith(TestPipelineExtension.class)
class MemoTest {

  private static final String ENGLISH = "The minister said on Monday that the plan would go ahead despite the protests.";
  private static final String OTHER = "Parliament voted late on Thursday to extend the session by a week.";

  @TempDir Path dir;

  private static SourceDocument doc(String id, String text) {
    return new SourceDocument(id, "out", "", "", id + ".txt", "UTF-8", text);
  }

  private Memo remembered(String kind, Map<String, byte[]> results) throws IOException {
    SegmentStore store = new SegmentStore(dir.toString());
    store.writeMemo(SegmentStore.memoId(kind, "r1"), new TreeMap<>(results));
    store.writePending("r1", List.of());
    List<String> live = store.publish("r1");
    assertEquals(List.of(SegmentStore.memoId(kind, "r1")), live, "the run's memo file becomes live with it");
    return Memo.of(store, kind, live, "r2");
  }

  @Test
  void wordMeasuresOfSeenTextsComeFromTheMemoAndEveryTextIsRemembered(TestPipeline pipeline) throws IOException {
    String unseen = "A third text, never seen.";
    // The memo gives the first text more words than a document may have, and the second a run
    // longer than the limit that its text lacks (the run's place is looked for in the text).
    Memo memo = remembered(Memo.WORDS, Map.of(
        TextHash.key(ENGLISH), "3000000\t5".getBytes(StandardCharsets.UTF_8),
        TextHash.key(OTHER), "12\t500".getBytes(StandardCharsets.UTF_8)));
    PCollectionTuple checked = pipeline.apply(Create.of(doc("seen", ENGLISH), doc("other", OTHER), doc("new", unseen)))
        .apply(CheckDocuments.with(new InputLimits(100_000, 100, false)).remembering(Memo.none(), memo));
    PAssert.that(checked.get(CorpusTags.DOCUMENTS).apply(MapElements.into(TypeDescriptors.strings()).via(SourceDocument::docId)))
        .containsInAnyOrder("other", "new");
    PAssert.that(checked.get(CorpusTags.REJECTED)).satisfies(rejected -> {
      String details = String.valueOf(rejected);
      assertTrue(details.contains("seen") && details.contains("text has 3,000,000 words"), details);
      return null;
    });
    pipeline.run().waitUntilFinish();
    Map<String, byte[]> next = new SegmentStore(dir.toString()).readMemo(SegmentStore.memoId(Memo.WORDS, "r2"));
    assertEquals("3000000\t5", new String(next.get(TextHash.key(ENGLISH)), StandardCharsets.UTF_8));
    assertEquals("12\t500", new String(next.get(TextHash.key(OTHER)), StandardCharsets.UTF_8));
    assertEquals("5\t5", new String(next.get(TextHash.key(unseen)), StandardCharsets.UTF_8));
  }

  @Test
  void languageGuessesOfSeenTextsComeFromTheMemoAndEveryTextIsRemembered(TestPipeline pipeline) throws IOException {
    Memo memo = remembered(Memo.LANGUAGE, Map.of(TextHash.key(ENGLISH), "fra\t0.99".getBytes(StandardCharsets.UTF_8)));
    PCollectionTuple checked = pipeline.apply(Create.of(doc("seen", ENGLISH), doc("german", LanguageGuesserTest.GERMAN)))
        .apply(CheckDocuments.with(new InputLimits(100_000, 100, true)).remembering(memo, Memo.none()));
    PAssert.that(checked.get(CorpusTags.DOCUMENTS)).empty();
    PAssert.that(checked.get(CorpusTags.REJECTED)).satisfies(rejected -> {
      String details = String.valueOf(rejected);
      assertTrue(details.contains("language detected: fra (confidence 0.99)"), details);
      assertTrue(details.contains("language detected: deu"), details);
      return null;
    });
    pipeline.run().waitUntilFinish();
    Map<String, byte[]> next = new SegmentStore(dir.toString()).readMemo(SegmentStore.memoId(Memo.LANGUAGE, "r2"));
    assertEquals("fra\t0.99", new String(next.get(TextHash.key(ENGLISH)), StandardCharsets.UTF_8));
    assertTrue(new String(next.get(TextHash.key(LanguageGuesserTest.GERMAN)), StandardCharsets.UTF_8)
        .startsWith("deu\t"));
  }

  @Test
  void candidateLinesOfSeenTextsComeFromTheMemo(TestPipeline pipeline) throws IOException {
    // The memo gives two texts a line they do not have, "Menu": with the third, which has it, the
    // line is in three documents and so boilerplate, and is cut from the third.
    long menu = BoilerplateLines.hash("Menu");
    Map<String, byte[]> lines = new TreeMap<>();
    for (String text : List.of("Other line\nStory two.", "Third line\nStory three.")) {
      lines.put(TextHash.key(text), RemoveBoilerplate.encode(new long[] {menu}));
    }
    Memo memo = remembered(Memo.LINES, lines);
    PCollectionTuple cleaned = pipeline.apply(Create.of(doc("a", "Menu\nStory one."), doc("b", "Other line\nStory two."),
            doc("c", "Third line\nStory three.")))
        .apply(RemoveBoilerplate.with(new BoilerplateRule(3, 0.5)).remembering(memo));
    PAssert.that(cleaned.get(CorpusTags.DOCUMENTS).apply(MapElements.into(TypeDescriptors.strings())
        .via(d -> d.docId() + ":" + d.text().strip()))).containsInAnyOrder("a:Story one.", "b:Other line\nStory two.",
            "c:Third line\nStory three.");
    pipeline.run().waitUntilFinish();
    Map<String, byte[]> next = new SegmentStore(dir.toString()).readMemo(SegmentStore.memoId(Memo.LINES, "r2"));
    assertEquals(3, next.size(), "every text's lines remembered");
    assertEquals(List.of(menu), Arrays.stream(RemoveBoilerplate.decode(next.get(TextHash.key("Other line\nStory two."))))
        .boxed().toList(), "a remembered text keeps what the memo said");
  }

  @Test
  void fingerprintsOfSeenTextsComeFromTheMemo(TestPipeline pipeline) throws IOException {
    // The memo gives the second text the first one's fingerprint: the two become exact copies.
    byte[] first = Fingerprint.of("a", "out", "", ENGLISH).textPart();
    Memo memo = remembered(Memo.FINGERPRINT, Map.of(TextHash.key(OTHER), first));
    PCollection<Duplicate> copies = pipeline.apply(Create.of(doc("a", ENGLISH), doc("b", OTHER)))
        .apply(FindDuplicates.withThreshold(0.8).remembering(memo));
    PAssert.that(copies).containsInAnyOrder(new Duplicate("b", "out", "a", "out", "exact", 1.0));
    pipeline.run().waitUntilFinish();
    assertEquals(2, new SegmentStore(dir.toString()).readMemo(SegmentStore.memoId(Memo.FINGERPRINT, "r2")).size());
  }
}
