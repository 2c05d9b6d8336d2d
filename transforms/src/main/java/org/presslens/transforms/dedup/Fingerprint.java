package org.presslens.transforms.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * What duplicate detection needs of a document: the SHA-256 of its normalised text (lower case,
 * words only, single spaces: finds exact copies whatever their layout) and a MinHash signature of
 * its {@value #SHINGLE_WORDS}-word shingles (estimates Jaccard similarity: finds near copies).
 *
 * @param order the key that decides which copy is kept: the earliest date, then the lowest doc_id
 */
public record Fingerprint(String docId, String outlet, String order, String textHash, int[] signature)
    implements Serializable {

  public static final int SHINGLE_WORDS = 5;
  public static final int HASHES = 128;

  public static Fingerprint of(String docId, String outlet, String published, String text) {
    List<String> words = words(text);
    String order = (published.isEmpty() ? "~" : published) + "\u0000" + docId;
    return new Fingerprint(docId, outlet, order, DigestUtils.sha256Hex(String.join(" ", words)), signature(words));
  }

  /** Lower-cased runs of letters and digits. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /**
   * For each of {@value #HASHES} hash functions, the smallest hash over all shingles. Hash function
   * i is MurmurHash3 (x86, 32 bit) of the shingle with seed i: independent enough for MinHash.
   */
  static int[] signature(List<String> words) {
    int[] mins = new int[HASHES];
    Arrays.fill(mins, Integer.MAX_VALUE);
    int shingles = Math.max(1, words.size() - SHINGLE_WORDS + 1);
    for (int start = 0; start < shingles; start++) {
      byte[] shingle = String.join(" ", words.subList(start, Math.min(words.size(), start + SHINGLE_WORDS)))
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      for (int i = 0; i < HASHES; i++) {
        mins[i] = Math.min(mins[i], MurmurHash3.hash32x86(shingle, 0, shingle.length, i));
      }
    }
    return mins;
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
