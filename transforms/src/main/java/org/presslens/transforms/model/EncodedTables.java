package org.presslens.transforms.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.SpillToFiles;

/**
 * One outlet's {@link OutletTables} as the bytes of their coder, held in memory or, once
 * {@linkplain #spilledInto spilled}, in a file of the run's own. A segment holds its tables so
 * from the moment it is built until {@link org.presslens.transforms.SumTables} decodes them to
 * merge them: the form in which they are stored, shuffled and summed anyway, so a table is
 * encoded once and decoded once. Spilled, a segment's tables wait for the sums as a file name,
 * which is what keeps the heap of a run from growing with the corpus: the direct runner holds a
 * bundle's finished segments until the bundle ends, and a GroupByKey's values until all are in.
 */
@DefaultCoder(EncodedTables.EncodedTablesCoder.class)
public final class EncodedTables implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Tables of no documents. */
  public static final EncodedTables EMPTY = of(new OutletTables());

  /** In memory: the bytes; spilled: null. */
  private final byte[] bytes;
  /** Spilled: the file that holds the bytes; in memory: null. */
  private final String file;
  private final int length;
  /** Whether these stand for the entity and co-occurrence tables only ({@link #entityPart}). */
  private final boolean entityPart;

  private EncodedTables(byte[] bytes, String file, int length, boolean entityPart) {
    this.bytes = bytes;
    this.file = file;
    this.length = length;
    this.entityPart = entityPart;
  }

  public static EncodedTables of(OutletTables tables) {
    try {
      return ofBytes(ByteIo.encode(TableCoders.OutletTablesCoder.INSTANCE, tables));
    } catch (CoderException e) {
      throw new IllegalStateException("tables that cannot be encoded", e);
    }
  }

  /** Tables from bytes their coder wrote (a stored file, whose checksum vouches for them). */
  public static EncodedTables ofBytes(byte[] bytes) {
    return new EncodedTables(bytes, null, bytes.length, false);
  }

  /**
   * The same bytes standing for their entity and co-occurrence tables only: decoded, the term table
   * is empty and its bytes are not read. What a segment adds to a sum whose terms come from
   * elsewhere (an outlet's stored totals, less what a rerun removed).
   */
  public EncodedTables entityPart() {
    return entityPart ? this : new EncodedTables(bytes, file, length, true);
  }

  /** Whether these stand for the entity and co-occurrence tables only ({@link #entityPart}). */
  public boolean isEntityPart() {
    return entityPart;
  }

  /**
   * The same tables in a new file of {@code folder} (the run's spill folder, which the run
   * deletes, {@link org.presslens.transforms.SpillToFiles#delete}) when they are at least
   * {@code minBytes} long; smaller ones, and spilled ones, as they are.
   */
  public EncodedTables spilledInto(String folder, int minBytes) {
    if (file != null || length < minBytes) {
      return this;
    }
    return new EncodedTables(null, SpillToFiles.writeBytes(folder, "tables", bytes), length, entityPart);
  }

  public boolean spilled() {
    return file != null;
  }

  /** Length of the encoded tables in bytes. */
  public int length() {
    return length;
  }

  public OutletTables decode() {
    try {
      return entityPart ? TableCoders.OutletTablesCoder.decodeEntityPart(ByteIo.of(bytes()))
          : ByteIo.decode(TableCoders.OutletTablesCoder.INSTANCE, bytes());
    } catch (IOException e) {
      throw new IllegalStateException("tables that their own coder wrote cannot be read back", e);
    }
  }

  /** The term table alone; the entity part's bytes are skipped. */
  public TermTable decodeTerms() {
    if (entityPart) {
      return new TermTable();
    }
    try {
      return TableCoders.OutletTablesCoder.decodeTermPart(ByteIo.of(bytes()));
    } catch (IOException e) {
      throw new IllegalStateException("tables that their own coder wrote cannot be read back", e);
    }
  }

  /** The bytes (read from the file when spilled); the held array itself, not to be changed. */
  public byte[] bytes() {
    if (file == null) {
      return bytes;
    }
    try {
      return SpillToFiles.readBytes(file, length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the spilled tables " + file, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedTables t && entityPart == t.entityPart && Arrays.equals(bytes(), t.bytes());
  }

  @Override
  public int hashCode() {
    return length;
  }

  @Override
  public String toString() {
    return "EncodedTables(" + length + " bytes" + (file == null ? "" : " in " + file) + (entityPart ? ", entity part" : "")
        + ")";
  }

  /** Whether the tables are an entity part, then the bytes, or the file's name and the length when spilled. */
  public static final class EncodedTablesCoder extends ClassCoder<EncodedTables> {
    private static final EncodedTablesCoder INSTANCE = new EncodedTablesCoder();

    public static EncodedTablesCoder of() {
      return INSTANCE;
    }

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(EncodedTables.class), INSTANCE);
    }

    @Override
    public void encode(EncodedTables t, OutputStream out) throws IOException {
      BooleanCoder.of().encode(t.entityPart, out);
      BooleanCoder.of().encode(t.spilled(), out);
      if (t.spilled()) {
        StringUtf8Coder.of().encode(t.file, out);
        VarIntCoder.of().encode(t.length, out);
      } else {
        ByteArrayCoder.of().encode(t.bytes, out);
      }
    }

    @Override
    public EncodedTables decode(InputStream in) throws IOException {
      boolean entityPart = BooleanCoder.of().decode(in);
      if (BooleanCoder.of().decode(in)) {
        return new EncodedTables(null, StringUtf8Coder.of().decode(in), VarIntCoder.of().decode(in), entityPart);
      }
      byte[] bytes = ByteArrayCoder.of().decode(in);
      return new EncodedTables(bytes, null, bytes.length, entityPart);
    }
  }
}
