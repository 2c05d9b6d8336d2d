package org.presslens.transforms.boilerplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.ClassCoder;

/**
 * For one outlet: how many documents it has, and in how many of them each candidate line occurs.
 * The accumulator of the line counts, which runners that combine before a shuffle (Flink, Spark)
 * send across it: coded as its numbers and strings, not by Java serialization.
 */
@DefaultCoder(LineCounts.LineCountsCoder.class)
public final class LineCounts {

  private long documents;
  private final HashMap<String, Integer> lines = new HashMap<>();

  public void addDocument(Set<String> candidateLines) {
    documents++;
    candidateLines.forEach(line -> lines.merge(line, 1, Integer::sum));
  }

  public void addAll(LineCounts other) {
    documents += other.documents;
    other.lines.forEach((line, n) -> lines.merge(line, n, Integer::sum));
  }

  public long documents() {
    return documents;
  }

  public Map<String, Integer> lines() {
    return lines;
  }

  /** The documents, the number of lines, then each line and its count. */
  public static final class LineCountsCoder extends ClassCoder<LineCounts> {
    private static final LineCountsCoder INSTANCE = new LineCountsCoder();

    public static LineCountsCoder of() {
      return INSTANCE;
    }

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(LineCounts.class), INSTANCE);
    }

    @Override
    public void encode(LineCounts counts, OutputStream out) throws IOException {
      VarLongCoder.of().encode(counts.documents, out);
      VarIntCoder.of().encode(counts.lines.size(), out);
      for (Map.Entry<String, Integer> line : counts.lines.entrySet()) {
        StringUtf8Coder.of().encode(line.getKey(), out);
        VarIntCoder.of().encode(line.getValue(), out);
      }
    }

    @Override
    public LineCounts decode(InputStream in) throws IOException {
      LineCounts counts = new LineCounts();
      counts.documents = VarLongCoder.of().decode(in);
      int size = VarIntCoder.of().decode(in);
      for (int i = 0; i < size; i++) {
        counts.lines.put(StringUtf8Coder.of().decode(in), VarIntCoder.of().decode(in));
      }
      return counts;
    }
  }
}
