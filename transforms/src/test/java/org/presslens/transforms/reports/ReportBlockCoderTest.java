package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;

class ReportBlockCoderTest {

  @Test
  void blocksRoundTripWithTheirDefaultCoder() throws Exception {
    Coder<ReportBlock> coder = CoderRegistry.createDefault().getCoder(ReportBlock.class);
    assertInstanceOf(ReportBlockCoder.class, coder);
    CoderProperties.coderDecodeEncodeEqual(coder, new ReportBlock("1\u0000outlet", 3, 2,
        "outlet,\"term, with comma\",'=1+1,é日本\r\nx,,\r\n".getBytes(StandardCharsets.UTF_8)));
    CoderProperties.coderDecodeEncodeEqual(coder, new ReportBlock("", 0, 0, new byte[0]));
  }

  @Test
  void partsRoundTrip() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(new WriteReport.PartCoder(),
        new WriteReport.Part("k", 3, 2, "/out/.parts-x.csv/ab12.csv"));
  }
}
