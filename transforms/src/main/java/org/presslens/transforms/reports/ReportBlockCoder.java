package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.presslens.transforms.model.ClassCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Coder of {@link ReportBlock}: report, sort key, part, row count and the CSV bytes. Report rows are the
 * bulk of what a run shuffles (millions of term rows); with Java serialization, encoding them was
 * the largest single cost of a Flink run.
 */
public final class ReportBlockCoder extends ClassCoder<ReportBlock> {

  private static final ReportBlockCoder INSTANCE = new ReportBlockCoder();

  public static ReportBlockCoder of() {
    return INSTANCE;
  }

  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(ReportBlock.class), INSTANCE);
  }

  @Override
  public void encode(ReportBlock block, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(block.report(), out);
    SortKey.encode(block.sortKey(), out);
    VarIntCoder.of().encode(block.part(), out);
    VarIntCoder.of().encode(block.rows(), out);
    ByteArrayCoder.of().encode(block.csv(), out);
  }

  @Override
  public ReportBlock decode(InputStream in) throws IOException {
    return new ReportBlock(StringUtf8Coder.of().decode(in), SortKey.decode(in), VarIntCoder.of().decode(in), VarIntCoder.of().decode(in),
        ByteArrayCoder.of().decode(in));
  }
}
