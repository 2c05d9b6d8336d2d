package org.presslens.transforms.boilerplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.ClassCoder;

/** An outlet's boilerplate lines, each with the number of the outlet's documents it occurs in. */
@DefaultCoder(OutletBoilerplate.OutletBoilerplateCoder.class)
public record OutletBoilerplate(String outlet, long documents, TreeMap<String, Integer> lines) implements Serializable {

  /** The outlet, its documents, then the number of lines and each line with its documents. */
  public static final class OutletBoilerplateCoder extends ClassCoder<OutletBoilerplate> {
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarIntCoder INT = VarIntCoder.of();
    private static final OutletBoilerplateCoder INSTANCE = new OutletBoilerplateCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(OutletBoilerplate.class), INSTANCE);
    }

    public static OutletBoilerplateCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(OutletBoilerplate b, OutputStream out) throws IOException {
      STRING.encode(b.outlet(), out);
      VarLongCoder.of().encode(b.documents(), out);
      INT.encode(b.lines().size(), out);
      for (Map.Entry<String, Integer> line : b.lines().entrySet()) {
        STRING.encode(line.getKey(), out);
        INT.encode(line.getValue(), out);
      }
    }

    @Override
    public OutletBoilerplate decode(InputStream in) throws IOException {
      String outlet = STRING.decode(in);
      long documents = VarLongCoder.of().decode(in);
      TreeMap<String, Integer> lines = new TreeMap<>();
      for (int i = INT.decode(in); i > 0; i--) {
        lines.put(STRING.decode(in), INT.decode(in));
      }
      return new OutletBoilerplate(outlet, documents, lines);
    }
  }
}
