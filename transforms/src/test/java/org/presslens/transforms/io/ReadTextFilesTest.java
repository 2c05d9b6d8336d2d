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
        new SourceDocument("bbc/2023/a", "2023", "", "", "bbc/2023/a.txt", "Text A"),
        new SourceDocument("rt/b", "rt", "", "", "rt/b.txt", "Text B"),
        new SourceDocument("doc-c", "The Outlet", "2022-05", "C title", "c.txt", "Text C"));
    PAssert.that(read.get(CorpusTags.REJECTED)).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void rejectsEmptyBlankAndNonUtf8Files(TestPipeline pipeline) throws IOException {
    write("empty.txt", new byte[0]);
    write("blank.txt", " \n\t ".getBytes(StandardCharsets.UTF_8));
    write("latin1.txt", "caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
    write("ok.txt", "fine".getBytes(StandardCharsets.UTF_8));

    PCollectionTuple read = pipeline.apply(ReadTextFiles.from(dir + "/", Manifest.empty()));

    PAssert.that(read.get(CorpusTags.REJECTED)).satisfies(rejected -> {
      List<String> reasons = StreamSupport.stream(rejected.spliterator(), false)
          .sorted(java.util.Comparator.comparing(RejectedInput::source))
          .map(r -> r.source() + ":" + r.reason())
          .toList();
      assertEquals(List.of("blank.txt:empty", "empty.txt:empty", "latin1.txt:invalid-encoding"), reasons);
      return null;
    });
    PAssert.that(read.get(CorpusTags.DOCUMENTS))
        .containsInAnyOrder(new SourceDocument("ok", "unknown", "", "", "ok.txt", "fine"));
    pipeline.run().waitUntilFinish();
  }
}
