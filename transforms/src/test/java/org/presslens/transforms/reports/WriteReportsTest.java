package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class WriteReportsTest {

  private static final ReportSpec SPEC = new ReportSpec("t.csv", "test", List.of(ReportSpec.col("k", ""), ReportSpec.col("v", "")));

  @TempDir Path dir;

  @Test
  void writesBlocksInSortKeyOrder(TestPipeline pipeline) throws IOException {
    PCollection<Long> rows = pipeline
        .apply(Create.of(
            ReportBlocks.single(SPEC, SortKey.of("b"), List.of("b", "2")), ReportBlocks.single(SPEC, SortKey.of("a"), List.of("a", "-1")),
            new ReportBlock("t.csv", SortKey.of("b"), 1, 1, "b,3\r\n".getBytes(StandardCharsets.UTF_8))))
        .apply(WriteReports.to(dir.toString(), List.of(SPEC)));
    PAssert.thatSingleton(rows).isEqualTo(3L);
    pipeline.run().waitUntilFinish();
    assertEquals("\uFEFFk,v\r\na,-1\r\nb,2\r\nb,3\r\n", Files.readString(dir.resolve("t.csv"), StandardCharsets.UTF_8));
  }

  /** A scope of several blocks is put together again in row order, after shorter keys. */
  @Test
  void scopesOfManyBlocksKeepTheirRowOrder(TestPipeline pipeline) throws IOException {
    int n = 2 * ReportBlock.MAX_ROWS + 7;
    List<List<String>> longRows = new ArrayList<>();
    StringBuilder expected = new StringBuilder("\uFEFFk,v\r\n");
    for (int i = 0; i < n; i++) {
      longRows.add(List.of("long", Integer.toString(i)));
      expected.append("long,").append(i).append("\r\n");
    }
    expected.append("long2,x\r\n");
    PCollection<Long> rows = pipeline
        .apply(Create.of(Stream.concat(Stream.of(ReportBlocks.single(SPEC, SortKey.of("long2"), List.of("long2", "x"))),
            ReportBlocks.of(SPEC, SortKey.of("long"), longRows).stream()).toList()))
        .apply(WriteReports.to(dir.toString(), List.of(SPEC)));
    PAssert.thatSingleton(rows).isEqualTo(n + 1L);
    pipeline.run().waitUntilFinish();
    assertEquals(expected.toString(), Files.readString(dir.resolve("t.csv"), StandardCharsets.UTF_8));
    try (var left = Files.list(dir)) {
      assertEquals(List.of("t.csv"), left.map(p -> p.getFileName().toString()).toList(), "part files are removed");
    }
  }

  /** The row limit keeps the first rows in report order, also when it falls inside a block with multi-line cells. */
  @Test
  void theRowLimitCutsInReportOrderInsideSmallAndLargeBlocks(TestPipeline pipeline) throws IOException {
    List<List<String>> longRows = new ArrayList<>();
    for (int i = 0; i < ReportBlock.MAX_ROWS; i++) {
      longRows.add(List.of("b", "line\nbreak " + "x".repeat(20) + i));
    }
    List<ReportBlock> blocks = new ArrayList<>(ReportBlocks.of(SPEC, SortKey.of("b"), longRows)); // larger than the inline size
    blocks.add(ReportBlocks.single(SPEC, SortKey.of("a"), List.of("a", "first, \"quoted\"")));
    int limit = 1 + ReportBlock.MAX_ROWS / 2;
    pipeline.apply(Create.of(blocks)).apply(WriteReports.to(dir.toString(), List.of(SPEC)).withMaxRows(limit));
    pipeline.run().waitUntilFinish();
    try (java.io.Reader in = Files.newBufferedReader(dir.resolve("t.csv"), StandardCharsets.UTF_8)) {
      in.skip(1); // the byte order mark
      List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
          .setSkipHeaderRecord(true).get().parse(in).getRecords();
      assertEquals(limit, records.size());
      assertEquals("first, \"quoted\"", records.get(0).get("v"));
      assertEquals("line\nbreak " + "x".repeat(20) + (limit - 2), records.get(limit - 1).get("v"));
    }
  }

  @Test
  void blocksOfSeveralReportsGoToTheirFilesAndAReportWithoutBlocksGetsItsHeader(TestPipeline pipeline) throws IOException {
    ReportSpec other = new ReportSpec("u.csv", "test", List.of(ReportSpec.col("x", "")));
    ReportSpec none = new ReportSpec("w.csv", "test", List.of(ReportSpec.col("y", "")));
    pipeline
        .apply(Create.of(ReportBlocks.single(SPEC, SortKey.of("a"), List.of("a", "1")), ReportBlocks.single(other, SortKey.of("a"), List.of("=x"))))
        .apply(WriteReports.to(dir.toString(), List.of(SPEC, other, none)));
    pipeline.run().waitUntilFinish();
    assertEquals("\uFEFFk,v\r\na,1\r\n", Files.readString(dir.resolve("t.csv"), StandardCharsets.UTF_8));
    assertEquals("\uFEFFx\r\n'=x\r\n", Files.readString(dir.resolve("u.csv"), StandardCharsets.UTF_8));
    assertEquals("\uFEFFy\r\n", Files.readString(dir.resolve("w.csv"), StandardCharsets.UTF_8));
  }

  @Test
  void emptyInputStillWritesTheHeader(TestPipeline pipeline) throws IOException {
    pipeline.apply(Create.empty(ReportBlockCoder.of())).apply(WriteReports.to(dir.toString(), List.of(SPEC)));
    pipeline.run().waitUntilFinish();
    assertEquals("\uFEFFk,v\r\n", Files.readString(dir.resolve("t.csv"), StandardCharsets.UTF_8));
  }
}
