package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.csv.CsvReportWriter;

class ReportBlocksTest {

  private static final ReportSpec SPEC = new ReportSpec("t.csv", "test", List.of(ReportSpec.col("k", ""), ReportSpec.col("v", "")));

  @Test
  void rowsAreCutIntoNumberedBlocksWhoseBytesAreTheWholeCsv() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 2 * ReportBlock.MAX_ROWS + 3; i++) {
      rows.add(List.of("k", i % 7 == 0 ? "=cmd|' /C calc'!A0" : "v, \"" + i + "\""));
    }
    List<ReportBlock> blocks = ReportBlocks.of(SPEC, SortKey.of("key"), rows);
    assertEquals(List.of(0, 1, 2), blocks.stream().map(ReportBlock::part).toList());
    assertEquals(List.of(ReportBlock.MAX_ROWS, ReportBlock.MAX_ROWS, 3), blocks.stream().map(ReportBlock::rows).toList());
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    blocks.forEach(b -> joined.writeBytes(b.csv()));
    CsvReportWriter.Lines whole = new CsvReportWriter.Lines(SPEC.header());
    rows.forEach(whole::add);
    assertArrayEquals(whole.take(), joined.toByteArray(), "the same CSV as the rows in one piece");
    assertEquals(rows.get(1), Blocks.rows(blocks.get(0)).get(1));
    assertEquals("'=cmd|' /C calc'!A0", Blocks.rows(blocks.get(0)).get(0).get(1), "formulas are neutralised");
  }

  @Test
  void noRowsMakeNoBlockAndRowsMustMatchTheHeader() {
    assertEquals(List.of(), ReportBlocks.render(SPEC, SortKey.of("key"), rows -> {}));
    assertThrows(IllegalArgumentException.class, () -> ReportBlocks.single(SPEC, SortKey.of("key"), List.of("only one cell")));
  }
}
