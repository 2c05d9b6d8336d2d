package org.presslens.transforms.dedup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.presslens.transforms.model.ByteIo;
import org.presslens.transforms.model.ClassCoder;
import org.presslens.transforms.model.TextHash;

/**
 * What duplicate detection needs of a document: the key ({@link TextHash#key}) of its normalised
 * text (lower case, words only, single spaces: finds exact copies whatever their layout) and a
 * one-permutation MinHash signature of its {@value #SHINGLE_WORDS}-word shingles (estimates
 * Jaccard similarity: finds near copies).
 *
 * @param order the key that decides which copy is kept: the earliest date, then the lowest doc_id
 */
@DefaultCoder(Fingerprint.FingerprintCoder.class)
public record Fingerprint(String docId, String outlet, String order, String textHash, int[] signature)
    implements Serializable {

  public static final int SHINGLE_WORDS = 5;
  public static final int HASHES = 128;

  public static Fingerprint of(String docId, String outlet, String published, String text) {
    NormalizedWords words = NormalizedWords.of(text);
    return new Fingerprint(docId, outlet, order(docId, published), TextHash.hex(words.joinedHash()),
        signature(words.wordHashes()));
  }

  /** The key that decides which copy is kept: the earliest date, then the lowest doc_id. */
  static String order(String docId, String published) {
    return (published.isEmpty() ? "~" : published) + "\u0000" + docId;
  }

  /** What depends on the text alone (the normalised text's hash and the signature), for a memo. */
  public byte[] textPart() {
    UnsynchronizedByteArrayOutputStream bytes = ByteIo.output();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(textHash);
      for (int value : signature) {
        out.writeInt(value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The fingerprint of a document whose text has the {@link #textPart} given. */
  public static Fingerprint withTextPart(String docId, String outlet, String published, byte[] textPart) {
    try (DataInputStream in = new DataInputStream(ByteIo.of(textPart))) {
      String textHash = in.readUTF();
      int[] signature = new int[HASHES];
      for (int i = 0; i < HASHES; i++) {
        signature[i] = in.readInt();
      }
      return new Fingerprint(docId, outlet, order(docId, published), textHash, signature);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Strings and the signature's values, instead of Java serialization. */
  public static final class FingerprintCoder extends ClassCoder<Fingerprint> {
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final FingerprintCoder INSTANCE = new FingerprintCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(Fingerprint.class), INSTANCE);
    }

    @Override
    public void encode(Fingerprint f, OutputStream out) throws IOException {
      STRING.encode(f.docId(), out);
      STRING.encode(f.outlet(), out);
      STRING.encode(f.order(), out);
      DataOutputStream data = new DataOutputStream(out);
      data.writeInt(f.signature().length);
      for (int value : f.signature()) {
        data.writeInt(value);
      }
      STRING.encode(f.textHash(), out);
    }

    @Override
    public Fingerprint decode(InputStream in) throws IOException {
      String docId = STRING.decode(in);
      String outlet = STRING.decode(in);
      String order = STRING.decode(in);
      DataInputStream data = new DataInputStream(in);
      int[] signature = new int[data.readInt()];
      for (int i = 0; i < signature.length; i++) {
        signature[i] = data.readInt();
      }
      return new Fingerprint(docId, outlet, order, STRING.decode(in), signature);
    }
  }

  /**
   * One-permutation MinHash with optimal densification (Shrivastava, ICML 2017): each shingle is
   * hashed once to 64 bits ({@link #shingleHash}); the top 7 bits choose one of {@value #HASHES}
   * bins and the low 32 bits compete for that bin's least value. A bin no shingle fell into takes
   * the value of the first filled bin in a fixed pseudo-random sequence of its own ({@link #donor}),
   * the same sequence in every document. Two documents agree on a bin with probability equal to the
   * Jaccard similarity of their shingle sets, as with {@value #HASHES} separate hash functions, at
   * the cost of one hash per shingle instead of {@value #HASHES}. A word's hash is the first 64
   * bits of MurmurHash3 (x64, 128-bit, seed 0) of its UTF-8 bytes ({@link NormalizedWords#wordHashes}).
   */
  static int[] signature(long[] wordHashes) {
    long[] least = new long[HASHES];
    Arrays.fill(least, EMPTY);
    int shingles = Math.max(1, wordHashes.length - SHINGLE_WORDS + 1);
    for (int start = 0; start < shingles; start++) {
      long hash = shingleHash(wordHashes, start, Math.min(wordHashes.length, start + SHINGLE_WORDS));
      int bin = (int) (hash >>> BIN_SHIFT);
      long value = hash & 0xFFFF_FFFFL;
      if (least[bin] == EMPTY || value < least[bin]) {
        least[bin] = value;
      }
    }
    int[] signature = new int[HASHES];
    for (int bin = 0; bin < HASHES; bin++) {
      long value = least[bin];
      for (int attempt = 1; value == EMPTY; attempt++) {
        value = least[donor(bin, attempt)];
      }
      signature[bin] = (int) value;
    }
    return signature;
  }

  /** A bin's least value before densification when no shingle fell into it (values are 32-bit, unsigned). */
  private static final long EMPTY = -1L;
  /** The top bits of a shingle's hash choose its bin: {@value #HASHES} is 2 to this many bits. */
  private static final int BIN_SHIFT = 64 - Integer.numberOfTrailingZeros(HASHES);

  static {
    if (Integer.bitCount(HASHES) != 1) {
      throw new IllegalStateException("HASHES must be a power of two");
    }
  }

  /**
   * The hash of the shingle {@code words[from, to)} from its words' hashes (MurmurHash3 x64 128 of
   * their UTF-8 bytes, first 64 bits): combined in order and finished with MurmurHash3's mixer, so
   * that every bit depends on every word and on their order.
   */
  static long shingleHash(long[] wordHashes, int from, int to) {
    long hash = to - from;
    for (int w = from; w < to; w++) {
      hash = (hash ^ wordHashes[w]) * 0x9E37_79B9_7F4A_7C15L;
    }
    return mix(hash);
  }

  /** Attempt {@code attempt} (1, 2, ...) of empty bin {@code bin} to borrow a value: a bin in a fixed pseudo-random order. */
  static int donor(int bin, int attempt) {
    return (int) (mix(((long) bin << 32) | attempt) >>> BIN_SHIFT);
  }

  /** MurmurHash3's 64-bit finalisation mix. */
  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xFF51_AFD7_ED55_8CCDL;
    k ^= k >>> 33;
    k *= 0xC4CE_B9FE_1A85_EC53L;
    k ^= k >>> 33;
    return k;
  }

  /** Compares the signature's values (a record compares arrays by identity). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f && docId.equals(f.docId) && outlet.equals(f.outlet) && order.equals(f.order)
        && textHash.equals(f.textHash) && Arrays.equals(signature, f.signature);
  }

  @Override
  public int hashCode() {
    return 31 * textHash.hashCode() + docId.hashCode();
  }

  /** Share of hash functions on which two signatures agree: an unbiased estimate of Jaccard similarity. */
  public double similarity(Fingerprint other) {
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (signature[i] == other.signature[i]) {
        same++;
      }
    }
    return same / (double) HASHES;
  }
}
