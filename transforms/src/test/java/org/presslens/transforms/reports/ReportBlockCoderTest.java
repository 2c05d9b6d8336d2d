package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;

class ReportBlockCoderTest {

  @Test
  void blocksRoundTripWithTheirDefaultCoder() throws Exception {
    Coder<ReportBlock> coder = CoderRegistry.createDefault().getCoder(ReportBlock.class);
    assertInstanceOf(ReportBlockCoder.class, coder);
    CoderProperties.coderDecodeEncodeEqual(coder, new ReportBlock("t.csv", SortKey.of("1", "outlet"), 3, 2,
        "outlet,\"term, with comma\",'=1+1,é日本\r\nx,,\r\n".getBytes(StandardCharsets.UTF_8)));
    CoderProperties.coderDecodeEncodeEqual(coder, new ReportBlock("t.csv", SortKey.of(), 0, 0, new byte[0]));
  }

  @Test
  void partsRoundTrip() throws Exception {
    WriteReports.Part part = CoderUtils.clone(new WriteReports.PartCoder(),
        new WriteReports.Part(SortKey.of("k"), 3, 2, "/out/.parts-x.csv/ab12.csv", new byte[0]));
    assertEquals(List.of(SortKey.of("k"), 3, 2, "/out/.parts-x.csv/ab12.csv", 0),
        List.of(part.sortKey(), part.index(), part.rows(), part.file(), part.csv().length));
    WriteReports.Part inline = new WriteReports.Part(SortKey.of("k"), 0, 1, "", "a,b\r\n".getBytes(StandardCharsets.UTF_8));
    WriteReports.Part back = CoderUtils.clone(new WriteReports.PartCoder(), inline);
    assertEquals(List.of(SortKey.of("k"), 0, 1, ""), List.of(back.sortKey(), back.index(), back.rows(), back.file()));
    assertArrayEquals(inline.csv(), back.csv());
  }

  @Test
  void rowsRoundTripWithTheirTypes() throws Exception {
    Row row = new Row(SortKey.of("k", "x"), List.of("text", 42L, 7, 0.25, Double.NaN, ""));
    Row back = CoderUtils.clone(Row.RowCoder.of(), row);
    assertEquals(SortKey.of("k", "x"), back.sortKey());
    assertEquals(List.of("text", 42L, 7L, 0.25, Double.NaN, ""), back.values(), "integers come back as long");
  }
}
