package org.presslens.transforms.model;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Two hashes of a text (its UTF-8 bytes, as lower-case hex). The {@link #key} is how memos and
 * stored members know a text again: every run computes it for every text, a rerun too, so it is
 * a fast non-cryptographic hash (MurmurHash3, x64 128-bit), whose 128 bits leave no practical
 * chance that two different texts of a corpus share one. The {@link #sha256} is what documents.csv
 * reports, computed once when a text is analysed and kept with its analysis.
 *
 * <p>The language check, the duplicate finder and the rerun's judge each need the key of the same
 * text; where a runner hands one step's element to the next as the same object, the keys of the
 * texts last seen are looked up by identity instead of hashing the text again. The table holds
 * the texts weakly, so it keeps no document alive.
 */
public final class TextHash {

  /**
   * Enough for a whole corpus of some ten thousand documents: a runner may check every text before
   * the next step sees the first, so a table of the last few thousand would have lost them.
   */
  private static final int SLOTS = 1 << 17;
  private static final AtomicReferenceArray<Entry> RECENT = new AtomicReferenceArray<>(SLOTS);
  private static final HexFormat HEX = HexFormat.of();

  private record Entry(WeakReference<String> text, String key) {}

  private TextHash() {}

  /** 32 hex digits: the two 64-bit halves of the text's MurmurHash3 (x64, 128-bit, seed 0). */
  public static String key(String text) {
    int slot = System.identityHashCode(text) & (SLOTS - 1);
    Entry entry = RECENT.get(slot);
    if (entry != null && entry.text().get() == text) {
      return entry.key();
    }
    String key = freshKey(text);
    RECENT.set(slot, new Entry(new WeakReference<>(text), key));
    return key;
  }

  /** The {@link #key} of a text made for the occasion, which no other step asks for again: not remembered. */
  public static String freshKey(String text) {
    return hex(MurmurHash3.hash128x64(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The {@link #key} of a text from its MurmurHash3 (x64, 128-bit, seed 0), hashed by the caller. */
  public static String hex(long[] murmur) {
    return HEX.toHexDigits(murmur[0]) + HEX.toHexDigits(murmur[1]);
  }

  /** 64 hex digits. */
  public static String sha256(String text) {
    return DigestUtils.sha256Hex(text);
  }
}
