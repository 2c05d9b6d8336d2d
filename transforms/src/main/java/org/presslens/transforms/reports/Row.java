package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.presslens.transforms.model.ClassCoder;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * One row of a report whose rows stand for single items (a document, a rejected input, a copy),
 * typed as its {@link ReportSpec} says, with the key that places it in the report. The same row
 * goes to the CSV file and to the full-detail table.
 */
@DefaultCoder(Row.RowCoder.class)
public record Row(SortKey sortKey, List<?> values) {

  /** Sort key and values, each value tagged with its type: text, whole number or decimal. */
  public static final class RowCoder extends ClassCoder<Row> {
    private static final int TEXT = 0;
    private static final int INTEGER = 1;
    private static final int DECIMAL = 2;
    private static final RowCoder INSTANCE = new RowCoder();

    public static RowCoder of() {
      return INSTANCE;
    }

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(Row.class), INSTANCE);
    }

    @Override
    public void encode(Row row, OutputStream out) throws IOException {
      SortKey.encode(row.sortKey(), out);
      VarIntCoder.of().encode(row.values().size(), out);
      for (Object value : row.values()) {
        if (value instanceof String text) {
          out.write(TEXT);
          StringUtf8Coder.of().encode(text, out);
        } else if (value instanceof Double || value instanceof Float) {
          out.write(DECIMAL);
          DoubleCoder.of().encode(((Number) value).doubleValue(), out);
        } else {
          out.write(INTEGER);
          VarLongCoder.of().encode(((Number) value).longValue(), out);
        }
      }
    }

    @Override
    public Row decode(InputStream in) throws IOException {
      SortKey key = SortKey.decode(in);
      int size = VarIntCoder.of().decode(in);
      List<Object> values = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        int tag = in.read();
        values.add(switch (tag) {
          case TEXT -> StringUtf8Coder.of().decode(in);
          case INTEGER -> VarLongCoder.of().decode(in);
          case DECIMAL -> DoubleCoder.of().decode(in);
          default -> throw new IOException("not a row value tag: " + tag);
        });
      }
      return new Row(key, values);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
