package org.presslens.transforms.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;

@ExtendWith(TestPipelineExtension.class)
class ReadCsvFilesTest {

  @TempDir Path dir;

  @Test
  void readsRowsAndRejectsRowsWithTheWrongNumberOfCells(TestPipeline pipeline) throws IOException {
    String csv = "doc_id,outlet,published,text\r\n"
        + "a1,BBC,2024-05-03,\"First story, with a comma\r\nand a line break.\"\r\n"
        + "a2,BBC,2024-05-04,Second story,extra cell\r\n"
        + "a3,RT,,\r\n"
        + "a4,RT,2024-05-05,Fourth story.\r\n";
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }
    Files.write(dir.resolve("news.csv.gz"), gz.toByteArray());
    Files.writeString(dir.resolve("notext.csv"), "doc_id,body\nb1,Hello\n");

    PCollectionTuple read = pipeline.apply(ReadCsvFiles.from(dir + "/*.csv*", dir + "/",
        new RecordFields("text", "doc_id", "outlet", "published", "title")));

    PAssert.that(read.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        new SourceDocument("a1", "BBC", "2024-05-03", "", "news.csv.gz:2", "UTF-8", "First story, with a comma\r\nand a line break."),
        new SourceDocument("a4", "RT", "2024-05-05", "", "news.csv.gz:5", "UTF-8", "Fourth story."));
    PAssert.that(read.get(CorpusTags.REJECTED)).containsInAnyOrder(
        new RejectedInput("news.csv.gz", "row 3", "malformed-csv",
            "row has 5 cells, the header has 4 (unquoted comma or line break?)"),
        new RejectedInput("news.csv.gz", "row 4", "empty", "column 'text' is empty"),
        new RejectedInput("notext.csv", "", "missing-field", "no column 'text' in the header (doc_id, body)"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aHeaderRowWithoutACommaMakesTheSemicolonOrTheTabTheDelimiter(TestPipeline pipeline) throws IOException {
    Files.writeString(dir.resolve("excel.csv"), "doc_id;outlet;text\nd1;Le Monde;\"Un texte; avec 3,5 %.\"\nd2;Le Monde;a;b\n");
    Files.writeString(dir.resolve("tabs.csv"), "doc_id\toutlet\ttext\nt1\tBBC\tA story, told.\n");
    Files.writeString(dir.resolve("quoted.csv"), "\"id;x\",text\nq1,Commas win.\n");

    PCollectionTuple read = pipeline.apply(ReadCsvFiles.from(dir + "/*.csv", dir + "/",
        new RecordFields("text", "doc_id", "outlet", "published", "title")));

    PAssert.that(read.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        new SourceDocument("d1", "Le Monde", "", "", "excel.csv:2", "UTF-8", "Un texte; avec 3,5 %."),
        new SourceDocument("t1", "BBC", "", "", "tabs.csv:2", "UTF-8", "A story, told."),
        new SourceDocument("quoted.csv:2", "unknown", "", "", "quoted.csv:2", "UTF-8", "Commas win."));
    PAssert.that(read.get(CorpusTags.REJECTED)).containsInAnyOrder(new RejectedInput("excel.csv", "row 3", "malformed-csv",
        "row has 4 cells, the header has 3 (unquoted semicolon or line break?)"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void htmlInACellLosesItsTagsUnlessTheOptionSaysNever(TestPipeline pipeline) throws IOException {
    Files.writeString(dir.resolve("reviews.csv"), "doc_id,text\n"
        + "r1,\"Good coffee.<br /><br />Would buy again &amp; again.\"\n"
        + "r2,Plain text: 3 < 4 and AT&amp;T.\n");
    RecordFields fields = new RecordFields("text", "doc_id", "outlet", "published", "title");

    PCollectionTuple read = pipeline.apply(ReadCsvFiles.from(dir + "/reviews.csv", dir + "/", fields));
    PCollectionTuple never = pipeline.apply("Never", ReadCsvFiles.from(dir + "/reviews.csv", dir + "/", fields)
        .html(HtmlText.Mode.NEVER));

    PAssert.that(read.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        new SourceDocument("r1", "unknown", "", "", "reviews.csv:2", "UTF-8", "Good coffee.\n\nWould buy again & again."),
        new SourceDocument("r2", "unknown", "", "", "reviews.csv:3", "UTF-8", "Plain text: 3 < 4 and AT&amp;T."));
    PAssert.that(never.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        new SourceDocument("r1", "unknown", "", "", "reviews.csv:2", "UTF-8", "Good coffee.<br /><br />Would buy again &amp; again."),
        new SourceDocument("r2", "unknown", "", "", "reviews.csv:3", "UTF-8", "Plain text: 3 < 4 and AT&amp;T."));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aRowThatCannotBeParsedCostsOnlyItselfAndAHeaderOnlyFileIsRejected(TestPipeline pipeline) throws IOException {
    Files.writeString(dir.resolve("broken.csv"), "doc_id,text\n"
        + "a,\"First story.\"\n"
        + "b,\"Broken \"quote\" here\n"
        + "c,Third story.\n"
        + "d,\"Never closed\n"
        + "e,Fifth story.\n");
    Files.writeString(dir.resolve("header.csv"), "doc_id,text\r\n\r\n");

    PCollectionTuple read = pipeline.apply(ReadCsvFiles.from(dir + "/*.csv", dir + "/",
        new RecordFields("text", "doc_id", "outlet", "published", "title")));

    PAssert.that(read.get(CorpusTags.DOCUMENTS).apply("Documents", MapElements.into(TypeDescriptors.strings())
        .via(d -> d.docId() + " " + d.sourcePath() + " " + d.text())))
        .containsInAnyOrder("a broken.csv:2 First story.", "c broken.csv:4 Third story.", "e broken.csv:6 Fifth story.");
    PAssert.that(read.get(CorpusTags.REJECTED).apply("Rejected", MapElements.into(TypeDescriptors.strings())
        .via(r -> r.source() + " " + r.item() + " " + r.reason())))
        .containsInAnyOrder("broken.csv row 3 malformed-csv", "broken.csv row 5 malformed-csv", "header.csv  empty");
    pipeline.run().waitUntilFinish();
  }
  @Test
  void aRecordCrossesTheSpreadWithAllItsFields() throws Exception {
    org.apache.beam.sdk.testing.CoderProperties.coderDecodeEncodeEqual(RecordDocuments.Record.RecordCoder.INSTANCE,
        new RecordDocuments.Record("feeds/news.csv", "row 12", 12, new RecordDocuments.RecordValues(
            "<p>Text \u00e9t\u00e9</p>", "n-12", "Herald", "2026-12-05", "", "Desk"), "windows-1252"));
  }
}
