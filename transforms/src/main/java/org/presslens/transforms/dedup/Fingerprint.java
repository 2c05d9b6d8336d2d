package org.presslens.transforms.dedup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.commons.codec.digest.DigestUtils;
import org.presslens.transforms.model.ClassCoder;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * What duplicate detection needs of a document: the SHA-256 of its normalised text (lower case,
 * words only, single spaces: finds exact copies whatever their layout) and a MinHash signature of
 * its {@value #SHINGLE_WORDS}-word shingles (estimates Jaccard similarity: finds near copies).
 *
 * @param order the key that decides which copy is kept: the earliest date, then the lowest doc_id
 */
@DefaultCoder(Fingerprint.FingerprintCoder.class)
public record Fingerprint(String docId, String outlet, String order, String textHash, int[] signature)
    implements Serializable {

  public static final int SHINGLE_WORDS = 5;
  public static final int HASHES = 128;

  public static Fingerprint of(String docId, String outlet, String published, String text) {
    List<String> words = words(text);
    return new Fingerprint(docId, outlet, order(docId, published), DigestUtils.sha256Hex(String.join(" ", words)),
        signature(words));
  }

  /** The key that decides which copy is kept: the earliest date, then the lowest doc_id. */
  static String order(String docId, String published) {
    return (published.isEmpty() ? "~" : published) + "\u0000" + docId;
  }

  /** What depends on the text alone (the normalised text's hash and the signature), for a memo. */
  public byte[] textPart() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 * HASHES + 80);
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
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(textPart))) {
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

  /** Lower-cased runs of letters and numbers (Unicode categories L and N). */
  static List<String> words(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < lower.length(); ) {
      char ch = lower.charAt(i);
      boolean inWord;
      int width = 1;
      if (ch < ASCII_IN_WORD.length) {
        inWord = ASCII_IN_WORD[ch];
      } else {
        int c = lower.codePointAt(i);
        inWord = inWord(c);
        width = Character.charCount(c);
      }
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        words.add(lower.substring(start, i));
        start = -1;
      }
      i += width;
    }
    if (start >= 0) {
      words.add(lower.substring(start));
    }
    return words;
  }

  /** {@link #inWord} of each ASCII character, looked up rather than asked of Unicode's tables for most characters. */
  private static final boolean[] ASCII_IN_WORD = new boolean[128];

  static {
    for (int c = 0; c < ASCII_IN_WORD.length; c++) {
      ASCII_IN_WORD[c] = inWord(c);
    }
  }

  private static boolean inWord(int c) {
    return Character.isLetter(c) || isNumber(c);
  }

  private static boolean isNumber(int c) {
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /** Multipliers (odd) and increments of the hash functions: fixed, so signatures are reproducible. */
  private static final long[] MULTIPLIERS = new long[HASHES];
  private static final long[] INCREMENTS = new long[HASHES];

  static {
    SplittableRandom random = new SplittableRandom(0x5EED_F1A6E4L);
    for (int i = 0; i < HASHES; i++) {
      MULTIPLIERS[i] = random.nextLong() | 1L;
      INCREMENTS[i] = random.nextLong();
    }
  }

  /**
   * For each of {@value #HASHES} hash functions, the smallest hash over all shingles. Each shingle
   * is hashed once (MurmurHash3, 128-bit x64, first 64 bits); hash function i maps that value x to
   * the high 32 bits of a_i * x + b_i (multiply-shift, a_i odd), which is as good for MinHash as
   * {@value #HASHES} separate hashes of the shingle and a hundred times cheaper.
   */
  static int[] signature(List<String> words) {
    byte[][] utf8 = new byte[words.size()][];
    for (int w = 0; w < utf8.length; w++) {
      utf8[w] = words.get(w).getBytes(StandardCharsets.UTF_8);
    }
    byte[] shingle = new byte[64];
    long[] hashes = new long[Math.max(1, words.size() - SHINGLE_WORDS + 1)];
    for (int start = 0; start < hashes.length; start++) {
      // the UTF-8 bytes of the shingle's words joined by single spaces, without building the string
      int length = 0;
      for (int w = start; w < Math.min(words.size(), start + SHINGLE_WORDS); w++) {
        int needed = length + utf8[w].length + 1;
        if (needed > shingle.length) {
          shingle = Arrays.copyOf(shingle, Math.max(needed, 2 * shingle.length));
        }
        if (w > start) {
          shingle[length++] = ' ';
        }
        System.arraycopy(utf8[w], 0, shingle, length, utf8[w].length);
        length += utf8[w].length;
      }
      hashes[start] = MurmurHash3.hash128x64(shingle, 0, length, 0)[0];
    }
    // one hash function at a time over all shingles: its minimum stays in a register
    int[] mins = new int[HASHES];
    for (int i = 0; i < HASHES; i++) {
      long multiplier = MULTIPLIERS[i];
      long increment = INCREMENTS[i];
      int min = Integer.MAX_VALUE;
      for (long x : hashes) {
        min = Math.min(min, (int) ((multiplier * x + increment) >>> 32));
      }
      mins[i] = min;
    }
    return mins;
  }

  /** Hash function i of {@link #signature} applied to a shingle's 64-bit hash (for tests). */
  static int hash(int i, long shingle) {
    return (int) ((MULTIPLIERS[i] * shingle + INCREMENTS[i]) >>> 32);
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
