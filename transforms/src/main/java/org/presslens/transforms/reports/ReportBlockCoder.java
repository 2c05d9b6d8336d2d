package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Coder of {@link ReportBlock}: the sort key and the rows as lists of UTF-8 strings. Report rows
 * are the bulk of what a run shuffles (millions of term rows); with Java serialization, encoding
 * them was the largest single cost of a Flink run.
 */
public final class ReportBlockCoder extends CustomCoder<ReportBlock> {

  /** Rows of cells, each cell a string (null allowed). */
  static final Coder<List<List<String>>> ROWS = ListCoder.of(ListCoder.of(NullableCoder.of(StringUtf8Coder.of())));

  private static final ReportBlockCoder INSTANCE = new ReportBlockCoder();

  public static ReportBlockCoder of() {
    return INSTANCE;
  }

  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(ReportBlock.class), INSTANCE);
  }

  @Override
  public void encode(ReportBlock block, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(block.sortKey(), out);
    ROWS.encode(block.rows(), out);
  }

  @Override
  public ReportBlock decode(InputStream in) throws IOException {
    return new ReportBlock(StringUtf8Coder.of().decode(in), ROWS.decode(in));
  }
}
