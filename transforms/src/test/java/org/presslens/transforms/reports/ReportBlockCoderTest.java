package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;

class ReportBlockCoderTest {

  @Test
  void blocksRoundTripWithTheirDefaultCoder() throws Exception {
    Coder<ReportBlock> coder = CoderRegistry.createDefault().getCoder(ReportBlock.class);
    assertInstanceOf(ReportBlockCoder.class, coder);
    CoderProperties.coderDecodeEncodeEqual(coder, new ReportBlock("1\u0000outlet",
        List.of(List.of("outlet", "term, with comma", "=1+1", "é日本"), Arrays.asList("x", null, ""))));
    CoderProperties.coderDecodeEncodeEqual(coder, new ReportBlock("", List.of()));
  }

  @Test
  void partsRoundTrip() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(new WriteReport.PartCoder(),
        new WriteReport.Part("k", 3, 2, "/out/.parts-x.csv/ab12.csv"));
  }
}
