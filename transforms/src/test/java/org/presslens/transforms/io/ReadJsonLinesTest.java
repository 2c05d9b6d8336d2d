package org.presslens.transforms.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;

@ExtendWith(TestPipelineExtension.class)
class ReadJsonLinesTest {

  @TempDir Path dir;

  /** Asserts the rejected items, each as "source item reason", in sorted order; null for {@code PAssert.satisfies}. */
  private static Void assertRows(Iterable<RejectedInput> rejected, String... expected) {
    assertEquals(List.of(expected), StreamSupport.stream(rejected.spliterator(), false)
        .map(r -> r.source() + " " + r.item() + " " + r.reason()).sorted().toList());
    return null;
  }

  @Test
  void readsGzippedLinesWithChosenFieldsAndRejectsBadLines(TestPipeline pipeline) throws IOException {
    String lines = String.join("\n",
        "{\"doc_id\": \"s1\", \"party\": \"Democratic\", \"year\": 1962, \"text\": \"We choose to go.\"}",
        "{\"doc_id\": \"s2\", \"year\": 1790, \"text\": \"Fellow-Citizens\"}",
        "{not json",
        "",
        "{\"doc_id\": \"s4\", \"party\": \"Whig\"}",
        "{\"doc_id\": \"s5\", \"party\": \"Whig\", \"text\": \"   \"}",
        "[1, 2]",
        "{\"party\": \"Whig\", \"text\": \"No id here\"}");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("sotu.jsonl.gz")))) {
      out.write(lines.getBytes(StandardCharsets.UTF_8));
    }
    RecordFields fields = new RecordFields("text", "doc_id", "party", "year", "title");

    PCollectionTuple read = pipeline.apply(ReadJsonLines.from(dir + "/*.jsonl.gz", dir + "/", fields));

    PAssert.that(read.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        new SourceDocument("s1", "Democratic", "1962", "", "sotu.jsonl.gz:1", "UTF-8", "We choose to go."),
        new SourceDocument("s2", "unknown", "1790", "", "sotu.jsonl.gz:2", "UTF-8", "Fellow-Citizens"),
        new SourceDocument("sotu.jsonl.gz:8", "Whig", "", "", "sotu.jsonl.gz:8", "UTF-8", "No id here"));
    PAssert.that(read.get(CorpusTags.REJECTED)).satisfies(rejected -> assertRows(rejected,
        "sotu.jsonl.gz line 3 malformed-json",
        "sotu.jsonl.gz line 5 missing-field",
        "sotu.jsonl.gz line 6 empty",
        "sotu.jsonl.gz line 7 malformed-json"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aFileWithoutRecordsIsRejectedAsEmpty(TestPipeline pipeline) throws IOException {
    Files.writeString(dir.resolve("none.jsonl"), "");
    Files.writeString(dir.resolve("blank.jsonl"), "\n  \n\t\n");
    Files.writeString(dir.resolve("one.jsonl"), "\n{\"doc_id\": \"a\", \"text\": \"One record.\"}\n\n");

    PCollectionTuple read = pipeline.apply(ReadJsonLines.from(dir + "/*.jsonl", dir + "/", new RecordFields("text", "doc_id", "outlet", "published", "title")));

    PAssert.that(read.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        new SourceDocument("a", "unknown", "", "", "one.jsonl:2", "UTF-8", "One record."));
    PAssert.that(read.get(CorpusTags.REJECTED)).containsInAnyOrder(
        new RejectedInput("blank.jsonl", "", "empty", "file holds only blank lines"),
        new RejectedInput("none.jsonl", "", "empty", "empty file"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aJsonFileOfOneArrayIsReadRecordByRecord(TestPipeline pipeline) throws IOException {
    Files.writeString(dir.resolve("articles.json"), "\uFEFF\n  [\n"
        + "  {\"doc_id\": \"a1\", \"outlet\": \"BBC\",\n   \"text\": \"First line.\\nSecond line, caf\u00e9.\"},\n"
        + "  {\"doc_id\": \"a2\"},\n"
        + "  \"not an object\",\n"
        + "  {\"doc_id\": \"a4\", \"text\": \"Fourth.\"}\n]\n");
    Files.writeString(dir.resolve("broken.json"), "[{\"doc_id\": \"b1\", \"text\": \"Kept.\"}, {\"doc_id\": \"b2\", \"te");
    Files.writeString(dir.resolve("none.json"), " [ ] ");
    Files.writeString(dir.resolve("lines.json"), "{\"doc_id\": \"l1\", \"text\": \"A JSON Lines file named .json.\"}\n");

    PCollectionTuple read = pipeline.apply(ReadJsonLines.from(dir + "/*.json", dir + "/",
        new RecordFields("text", "doc_id", "outlet", "published", "title")));

    PAssert.that(read.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        new SourceDocument("a1", "BBC", "", "", "articles.json:1", "UTF-8", "First line.\nSecond line, caf\u00e9."),
        new SourceDocument("a4", "unknown", "", "", "articles.json:4", "UTF-8", "Fourth."),
        new SourceDocument("b1", "unknown", "", "", "broken.json:1", "UTF-8", "Kept."),
        new SourceDocument("l1", "unknown", "", "", "lines.json:1", "UTF-8", "A JSON Lines file named .json."));
    PAssert.that(read.get(CorpusTags.REJECTED)).satisfies(rejected -> assertRows(rejected,
        "articles.json record 2 missing-field",
        "articles.json record 3 malformed-json",
        "broken.json record 2 malformed-json",
        "none.json  empty"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void markupInTextFieldsIsReadAsHtmlAndTheRecordsOwnFieldsWin(TestPipeline pipeline) throws IOException {
    ObjectMapper json = new ObjectMapper();
    String article;
    String list;
    try (var in = getClass().getResourceAsStream("/html/news-article.html");
        var listIn = getClass().getResourceAsStream("/html/list-page.html")) {
      article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      list = new String(listIn.readAllBytes(), StandardCharsets.UTF_8);
    }
    String lines = String.join("\n",
        json.writeValueAsString(java.util.Map.of("doc_id", "r1", "text", "Tasty.<br /><br />Would buy again.")),
        json.writeValueAsString(java.util.Map.of("doc_id", "p1", "text", article)),
        json.writeValueAsString(java.util.Map.of("doc_id", "p2", "outlet", "Herald", "title", "Own title", "author", "Desk",
            "text", article)),
        json.writeValueAsString(java.util.Map.of("doc_id", "p3", "text", list)));
    Files.writeString(dir.resolve("pages.jsonl"), lines);
    RecordFields fields = new RecordFields("text", "doc_id", "outlet", "published", "title");

    PCollectionTuple read = pipeline.apply(ReadJsonLines.from(dir + "/pages.jsonl", dir + "/", fields));
    PCollectionTuple never = pipeline.apply("Never", ReadJsonLines.from(dir + "/pages.jsonl", dir + "/", fields)
        .html(HtmlText.Mode.NEVER));

    PAssert.that(read.get(CorpusTags.DOCUMENTS)).satisfies(documents -> {
      List<String> found = StreamSupport.stream(documents.spliterator(), false)
          .sorted(Comparator.comparing(SourceDocument::docId))
          .map(d -> String.join("|", d.docId(), d.outlet(), d.published(), d.title(), d.author(), d.text().substring(0, 17)))
          .toList();
      assertEquals(List.of(
          "p1|The Coastal Herald|2024-03-14|Harbour workers strike over pay|Maria Lindqvist|Dock workers at t",
          "p2|Herald|2024-03-14|Own title|Desk|Dock workers at t",
          "r1|unknown||||Tasty.\n\nWould buy"), found);
      return null;
    });
    PAssert.that(read.get(CorpusTags.REJECTED)).containsInAnyOrder(new RejectedInput("pages.jsonl", "line 4",
        "no-article", "no article text: the page's main content has 5 words, fewer than 40"));
    PAssert.that(never.get(CorpusTags.DOCUMENTS)).satisfies(documents -> {
      documents.forEach(d -> assertEquals(d.docId().equals("r1") ? "Tasty.<br /><br />Would buy again." : d.text(), d.text()));
      assertEquals(4, StreamSupport.stream(documents.spliterator(), false).filter(d -> d.text().contains("<")).count());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  /**
   * A line of ASCII bytes is parsed from its bytes, any other line as UTF-8 text: a record reads the
   * same either way, blank lines are blank by {@link String#isBlank} either way, a malformed
   * ASCII line is rejected with the message its text gives, and a line with NUL bytes is read as
   * UTF-8 (not as the UTF-16 that Jackson would guess from bytes).
   */
  @Test
  void asciiAndOtherLinesReadAlike(TestPipeline pipeline) throws Exception {
    String malformed = "{\"doc_id\": \"c\", \"text\": \"x\" \"y\"}";
    byte[] invalid = "{\"doc_id\": \"d\", \"text\": \"bad ?\"}".getBytes(StandardCharsets.US_ASCII);
    invalid[invalid.length - 3] = (byte) 0xFF;
    try (OutputStream out = Files.newOutputStream(dir.resolve("mixed.jsonl"))) {
      out.write(String.join("\n",
          "{\"doc_id\": \"a\", \"text\": \"Caf\\u00e9 au lait\"}",
          "{\"doc_id\": \"b\", \"text\": \"Caf\u00e9 au lait\"}",
          " \t\u001f ",
          "\u2003\u2003",
          malformed,
          "").getBytes(StandardCharsets.UTF_8));
      out.write(invalid);
      // a record in UTF-16LE: ASCII-range bytes with NULs, which are not JSON text as UTF-8
      out.write("\n{\"doc_id\": \"w\", \"text\": \"wide\"}".getBytes(StandardCharsets.UTF_16LE));
    }
    String message = parseError(malformed);
    RecordFields fields = new RecordFields("text", "doc_id", "outlet", "published", "title");

    PCollectionTuple read = pipeline.apply(ReadJsonLines.from(dir + "/*.jsonl", dir + "/", fields));

    PAssert.that(read.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        new SourceDocument("a", "unknown", "", "", "mixed.jsonl:1", "UTF-8", "Caf\u00e9 au lait"),
        new SourceDocument("b", "unknown", "", "", "mixed.jsonl:2", "UTF-8", "Caf\u00e9 au lait"),
        new SourceDocument("d", "unknown", "", "", "mixed.jsonl:6", "UTF-8", "bad \uFFFD"));
    PAssert.that(read.get(CorpusTags.REJECTED)).satisfies(rejected -> {
      List<RejectedInput> all = StreamSupport.stream(rejected.spliterator(), false)
          .sorted(Comparator.comparing(RejectedInput::item)).toList();
      assertEquals(2, all.size(), all.toString());
      assertEquals("line 5", all.get(0).item());
      assertEquals(message, all.get(0).detail());
      assertEquals(List.of("line 7", "malformed-json"), List.of(all.get(1).item(), all.get(1).reason()));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  /** The message Jackson gives for a line of text that does not parse. */
  private static String parseError(String line) {
    try {
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(line);
    } catch (JsonProcessingException e) {
      return e.getOriginalMessage();
    }
    throw new AssertionError("the line parses: " + line);
  }

  @Test
  void trailingObjectsLoneCarriageReturnsAndOverlongLinesAreEachAccountedFor(TestPipeline pipeline) throws IOException {
    String lines = "{\"doc_id\": \"a\", \"text\": \"One\"} {\"doc_id\": \"b\", \"text\": \"Two\"}\n"
        + "{\"doc_id\": \"c\", \"text\": \"Three\"} trailing words\n"
        + "{\"doc_id\": \"d\",\r \"text\": \"Four\"}\r\n"
        + "{\"doc_id\": \"e\", \"text\": \"" + "x ".repeat(60) + "\"}\n"
        + "{\"doc_id\": \"f\", \"text\": \"Six\"}";
    Files.writeString(dir.resolve("mixed.jsonl"), lines);
    RecordFields fields = new RecordFields("text", "doc_id", "outlet", "published", "title");

    PCollectionTuple read = pipeline.apply(ReadJsonLines.from(dir + "/*.jsonl", dir + "/", fields).maxBytes(100));

    PAssert.that(read.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        new SourceDocument("d", "unknown", "", "", "mixed.jsonl:3", "UTF-8", "Four"),
        new SourceDocument("f", "unknown", "", "", "mixed.jsonl:5", "UTF-8", "Six"));
    PAssert.that(read.get(CorpusTags.REJECTED)).satisfies(rejected -> assertRows(rejected,
        "mixed.jsonl line 1 malformed-json", "mixed.jsonl line 2 malformed-json", "mixed.jsonl line 4 too-large"));
    pipeline.run().waitUntilFinish();
  }
  @Test
  void linesCutIntoManyChunksKeepTheirNumbers(TestPipeline pipeline) throws IOException {
    StringBuilder lines = new StringBuilder("\uFEFF");
    List<SourceDocument> expected = new java.util.ArrayList<>();
    for (int n = 1; n <= 40; n++) {
      if (n == 7 || n == 23) {
        lines.append("{\"doc_id\": \"long").append(n).append("\", \"text\": \"").append("y ".repeat(80)).append("\"}\n");
      } else if (n % 10 == 0) {
        lines.append("  \r\n");
      } else {
        lines.append("{\"doc_id\": \"d").append(n).append("\", \"text\": \"Line ").append(n).append(" \u00e9t\u00e9\"}")
            .append(n % 3 == 0 ? "\r\n" : n == 39 ? "\n" : "\n");
        expected.add(new SourceDocument("d" + n, "unknown", "", "", "many.jsonl:" + n, "UTF-8", "Line " + n + " \u00e9t\u00e9"));
      }
    }
    lines.setLength(lines.length() - 1); // the last line has no line feed
    Files.writeString(dir.resolve("many.jsonl"), lines);
    RecordFields fields = new RecordFields("text", "doc_id", "outlet", "published", "title");

    PCollectionTuple read = pipeline.apply(ReadJsonLines.from(dir + "/many.jsonl", dir + "/", fields)
        .maxBytes(150).chunkBytes(90));

    PAssert.that(read.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(expected);
    PAssert.that(read.get(CorpusTags.REJECTED)).satisfies(rejected -> assertRows(rejected,
        "many.jsonl line 23 too-large", "many.jsonl line 7 too-large"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aTruncatedFileKeepsTheLinesBeforeTheBreakAndIsReportedUnreadable(TestPipeline pipeline) throws IOException {
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(zipped)) {
      for (int n = 1; n <= 2000; n++) {
        out.write(("{\"doc_id\": \"d" + n + "\", \"text\": \"Line " + n + " " + Integer.toHexString(n * 7919) + "\"}\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] whole = zipped.toByteArray();
    Files.write(dir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    RecordFields fields = new RecordFields("text", "doc_id", "outlet", "published", "title");

    PCollectionTuple read = pipeline.apply(ReadJsonLines.from(dir + "/cut.jsonl.gz", dir + "/", fields).chunkBytes(1000));

    PAssert.that(read.get(CorpusTags.DOCUMENTS)).satisfies(documents -> {
      List<Integer> numbers = StreamSupport.stream(documents.spliterator(), false)
          .map(d -> Integer.parseInt(d.docId().substring(1))).sorted().toList();
      assertEquals(java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList(), numbers,
          "the lines before the break, every one of them");
      org.junit.jupiter.api.Assertions.assertTrue(numbers.size() > 100 && numbers.size() < 2000, "lines read: " + numbers.size());
      return null;
    });
    PAssert.that(read.get(CorpusTags.REJECTED)).satisfies(rejected -> assertRows(rejected, "cut.jsonl.gz  unreadable"));
    pipeline.run().waitUntilFinish();
  }
  @Test
  void aFileGivesEachBucketAboutFourChunksOfAtMostTheChunkSize() {
    assertEquals(1 << 20, LineChunk.chunkSize(200_000_000, false, 1 << 20, 8), "a large file: the largest chunks");
    assertEquals(10_000_000 / 32, LineChunk.chunkSize(10_000_000, false, 1 << 20, 8));
    assertEquals(3 * 3_500_000 / 32, LineChunk.chunkSize(3_500_000, true, 1 << 20, 8), "gzip: 3 times its size");
    assertEquals(LineChunk.MIN_BYTES, LineChunk.chunkSize(100_000, false, 1 << 20, 8), "a small file");
    assertEquals(90, LineChunk.chunkSize(100_000, false, 90, 8), "never more than asked");
  }
}
