package org.presslens.transforms.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.ClassCoder;
import org.presslens.transforms.model.RecordCoders;

/**
 * A document that repeats another one, which is kept for the statistics in its place.
 *
 * @param kind {@code exact} (same normalised text) or {@code near} (MinHash similarity at or above the threshold)
 * @param similarity estimated Jaccard similarity of the two documents' shingle sets (1 for exact copies)
 */
@DefaultCoder(Duplicate.DuplicateCoder.class)
public record Duplicate(String docId, String outlet, String keptDocId, String keptOutlet, String kind, double similarity)
    implements Serializable {

  /** Its five strings (each may be null) and the similarity. */
  public static final class DuplicateCoder extends ClassCoder<Duplicate> {
    private static final DuplicateCoder INSTANCE = new DuplicateCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(Duplicate.class), INSTANCE);
    }

    public static DuplicateCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Duplicate d, OutputStream out) throws IOException {
      RecordCoders.writeStrings(out, d.docId(), d.outlet(), d.keptDocId(), d.keptOutlet(), d.kind());
      DoubleCoder.of().encode(d.similarity(), out);
    }

    @Override
    public Duplicate decode(InputStream in) throws IOException {
      String[] s = RecordCoders.readStrings(in, 5);
      return new Duplicate(s[0], s[1], s[2], s[3], s[4], DoubleCoder.of().decode(in));
    }
  }
}
