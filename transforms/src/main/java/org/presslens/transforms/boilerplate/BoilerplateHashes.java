package org.presslens.transforms.boilerplate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.ClassCoder;

/**
 * An outlet's boilerplate lines by their {@link BoilerplateLines#hash hashes}, each with the number
 * of the outlet's documents it occurs in: what cleaning a document needs ({@link
 * BoilerplateLines#strip(String, java.util.function.LongPredicate)}).
 */
@DefaultCoder(BoilerplateHashes.BoilerplateHashesCoder.class)
public final class BoilerplateHashes implements Serializable {

  private final String outlet;
  private final long documents;
  private final long[] hashes;
  private final int[] counts;

  /**
   * @param hashes distinct, ascending
   * @param counts the documents of each line
   */
  public BoilerplateHashes(String outlet, long documents, long[] hashes, int[] counts) {
    this.outlet = outlet;
    this.documents = documents;
    this.hashes = hashes;
    this.counts = counts;
  }

  public String outlet() {
    return outlet;
  }

  public long documents() {
    return documents;
  }

  public boolean isEmpty() {
    return hashes.length == 0;
  }

  public boolean contains(long hash) {
    return Arrays.binarySearch(hashes, hash) >= 0;
  }

  /** The documents the line of {@code hash} occurs in; 0 when it is not boilerplate. */
  public int count(long hash) {
    int at = Arrays.binarySearch(hashes, hash);
    return at >= 0 ? counts[at] : 0;
  }

  /** The same lines under another outlet's name (a combiner's output does not know its key). */
  public BoilerplateHashes named(String outletName) {
    return new BoilerplateHashes(outletName, documents, hashes, counts);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BoilerplateHashes b && outlet.equals(b.outlet) && documents == b.documents
        && Arrays.equals(hashes, b.hashes) && Arrays.equals(counts, b.counts);
  }

  @Override
  public int hashCode() {
    return outlet.hashCode() * 31 + Arrays.hashCode(hashes);
  }

  @Override
  public String toString() {
    return outlet + ": " + hashes.length + " boilerplate lines of " + documents + " documents";
  }

  /** The outlet, its documents, the number of lines, then each line's hash (8 bytes) and count. */
  public static final class BoilerplateHashesCoder extends ClassCoder<BoilerplateHashes> {
    private static final BoilerplateHashesCoder INSTANCE = new BoilerplateHashesCoder();

    public static BoilerplateHashesCoder of() {
      return INSTANCE;
    }

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(BoilerplateHashes.class), INSTANCE);
    }

    @Override
    public void encode(BoilerplateHashes b, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(b.outlet, out);
      VarLongCoder.of().encode(b.documents, out);
      encodeCounts(b.hashes, b.counts, out);
    }

    @Override
    public BoilerplateHashes decode(InputStream in) throws IOException {
      String outlet = StringUtf8Coder.of().decode(in);
      long documents = VarLongCoder.of().decode(in);
      Counted lines = decodeCounts(in);
      return new BoilerplateHashes(outlet, documents, lines.hashes(), lines.counts());
    }
  }

  /** The number of lines, then each line's hash (8 bytes) and count. */
  static void encodeCounts(long[] hashes, int[] counts, OutputStream out) throws IOException {
    VarIntCoder.of().encode(hashes.length, out);
    DataOutputStream data = new DataOutputStream(out);
    for (int i = 0; i < hashes.length; i++) {
      data.writeLong(hashes[i]);
      VarIntCoder.of().encode(counts[i], out);
    }
    data.flush();
  }

  /** Line hashes and their counts, side by side. */
  record Counted(long[] hashes, int[] counts) {}

  /** Reads what {@link #encodeCounts} wrote. */
  static Counted decodeCounts(InputStream in) throws IOException {
    int size = VarIntCoder.of().decode(in);
    long[] hashes = new long[size];
    int[] counts = new int[size];
    DataInputStream data = new DataInputStream(in);
    for (int i = 0; i < size; i++) {
      hashes[i] = data.readLong();
      counts[i] = VarIntCoder.of().decode(in);
    }
    return new Counted(hashes, counts);
  }
}
