package org.presslens.transforms.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
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
class ReadTextFilesTest {

  @TempDir Path dir;

  private void write(String relative, byte[] bytes) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  @Test
  void readsFoldersRecursivelyAndResolvesOutlets(TestPipeline pipeline) throws IOException {
    write("bbc/2023/a.txt", "Text A".getBytes(StandardCharsets.UTF_8));
    write("rt/b.txt", "\uFEFFText B".getBytes(StandardCharsets.UTF_8));
    write("c.txt", "Text C".getBytes(StandardCharsets.UTF_8));
    write("notes.md", "not a .txt file".getBytes(StandardCharsets.UTF_8));
    Manifest manifest = Manifest.read(new ByteArrayInputStream(
        "file,doc_id,outlet,published,author,title,url\nc.txt,doc-c,The Outlet,2022-05,,C title,\n"
            .getBytes(StandardCharsets.UTF_8)), "manifest");

    PCollectionTuple read = pipeline.apply(ReadTextFiles.from(dir.toString(), manifest));

    PAssert.that(read.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        new SourceDocument("bbc/2023/a", "2023", "", "", "bbc/2023/a.txt", "UTF-8", "Text A"),
        new SourceDocument("rt/b", "rt", "", "", "rt/b.txt", "UTF-8", "Text B"),
        new SourceDocument("doc-c", "The Outlet", "2022-05", "C title", "c.txt", "UTF-8", "Text C"));
    PAssert.that(read.get(CorpusTags.REJECTED)).empty();
    pipeline.run().waitUntilFinish();
  }

  private static byte[] page(String name) throws IOException {
    try (java.io.InputStream in = ReadTextFilesTest.class.getResourceAsStream("/html/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void webPagesGiveTheirArticleAndMetadataUnderTheManifest(TestPipeline pipeline) throws IOException {
    write("site/news.html", page("news-article.html"));
    write("site/copy.HTM", page("news-article.html"));
    write("site/list.htm", page("list-page.html"));
    write("saved/rail.txt", page("jsonld-article.html"));
    Manifest manifest = Manifest.read(new ByteArrayInputStream(
        "file,outlet,title,author\nsite/copy.HTM,Herald (print),,M. Lindqvist\n".getBytes(StandardCharsets.UTF_8)), "manifest");

    PCollectionTuple read = pipeline.apply(ReadTextFiles.from(dir.toString(), manifest));

    PAssert.that(read.get(CorpusTags.DOCUMENTS)).satisfies(documents -> {
      List<String> found = StreamSupport.stream(documents.spliterator(), false)
          .sorted(java.util.Comparator.comparing(SourceDocument::docId))
          .map(d -> String.join("|", d.docId(), d.outlet(), d.published(), d.title(), d.author(), d.sourcePath(),
              d.text().substring(0, 24), String.valueOf(d.text().contains("<"))))
          .toList();
      assertEquals(List.of(
          "saved/rail|Northern Daily|2023-11-02|Minister defends new rail timetable|Tomas Berg|saved/rail.txt|The transport minister o|false",
          "site/copy|Herald (print)|2024-03-14|Harbour workers strike over pay|M. Lindqvist|site/copy.HTM|Dock workers at the nort|false",
          "site/news|The Coastal Herald|2024-03-14|Harbour workers strike over pay|Maria Lindqvist|site/news.html|Dock workers at the nort|false"),
          found);
      return null;
    });
    PAssert.that(read.get(CorpusTags.REJECTED)).containsInAnyOrder(new RejectedInput("site/list.htm", "", "no-article",
        "no article text: the page's main content has 5 words, fewer than 40"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void decodesOtherCharsetsAndRejectsEmptyBlankAndBinaryFiles(TestPipeline pipeline) throws IOException {
    String french = "Le café et la crème brûlée sont très appréciés à Paris, déclare l'élève.";
    write("empty.txt", new byte[0]);
    write("blank.txt", " \n\t ".getBytes(StandardCharsets.UTF_8));
    write("image.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    write("latin1.txt", french.getBytes(StandardCharsets.ISO_8859_1));
    write("utf16.txt", ("\uFEFF" + french).getBytes(StandardCharsets.UTF_16BE));

    PCollectionTuple read = pipeline.apply(ReadTextFiles.from(dir + "/", Manifest.empty()));

    PAssert.that(read.get(CorpusTags.REJECTED)).satisfies(rejected -> {
      List<String> reasons = StreamSupport.stream(rejected.spliterator(), false)
          .sorted(java.util.Comparator.comparing(RejectedInput::source))
          .map(r -> r.source() + ":" + r.reason())
          .toList();
      assertEquals(List.of("blank.txt:empty", "empty.txt:empty", "image.txt:binary"), reasons);
      return null;
    });
    PAssert.that(read.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        new SourceDocument("latin1", "unknown", "", "", "latin1.txt", "ISO-8859-1", french),
        new SourceDocument("utf16", "unknown", "", "", "utf16.txt", "UTF-16BE", french));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aCompressedFileThatExpandsBeyondTheLimitIsRejectedWithoutBeingHeld(TestPipeline pipeline) throws IOException {
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(new byte[5_000_000]); // 5 MB of zeros: about 5 KB compressed
    }
    write("bomb.txt.gz", gz.toByteArray());
    write("fine.txt", "A short text".getBytes(StandardCharsets.UTF_8));

    PCollectionTuple read = pipeline.apply(ReadTextFiles.from(dir + "/", Manifest.empty())
        .files(List.of(dir.resolve("bomb.txt.gz"), dir.resolve("fine.txt"))).maxBytes(1_000_000));

    PAssert.that(read.get(CorpusTags.REJECTED)).satisfies(rejected -> {
      RejectedInput only = rejected.iterator().next();
      assertEquals("bomb.txt.gz too-large", only.source() + " " + only.reason());
      return null;
    });
    PAssert.that(read.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        new SourceDocument("fine", "unknown", "", "", "fine.txt", "UTF-8", "A short text"));
    pipeline.run().waitUntilFinish();
  }
}
