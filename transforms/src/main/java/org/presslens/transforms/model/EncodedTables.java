package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.CoderUtils;

/**
 * One outlet's {@link OutletTables} as the bytes of their coder. A segment holds its tables so
 * from the moment it is built: about a quarter of their size on the heap while the runner holds a
 * bundle's finished segments, and the form in which they are stored, shuffled and summed anyway,
 * so a table is encoded once and decoded once, where it is summed.
 */
public final class EncodedTables implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Tables of no documents. */
  public static final EncodedTables EMPTY = of(new OutletTables());

  private final byte[] bytes;

  private EncodedTables(byte[] bytes) {
    this.bytes = bytes;
  }

  public static EncodedTables of(OutletTables tables) {
    try {
      return new EncodedTables(CoderUtils.encodeToByteArray(TableCoders.OutletTablesCoder.INSTANCE, tables));
    } catch (CoderException e) {
      throw new IllegalStateException("tables that cannot be encoded", e);
    }
  }

  /** Tables from bytes their coder wrote (a stored file, whose checksum vouches for them). */
  public static EncodedTables ofBytes(byte[] bytes) {
    return new EncodedTables(bytes);
  }

  public OutletTables decode() {
    try {
      return CoderUtils.decodeFromByteArray(TableCoders.OutletTablesCoder.INSTANCE, bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("tables that their own coder wrote cannot be read back", e);
    }
  }

  /** The bytes themselves, not a copy: not to be changed. */
  public byte[] bytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedTables t && Arrays.equals(bytes, t.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "EncodedTables(" + bytes.length + " bytes)";
  }
}
