package org.presslens.transforms.model;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The SHA-256 of a text (lower-case hex), by which memos and stored members know a text again.
 * The language check, the duplicate finder and the rerun's judge each need the hash of the same
 * text; where a runner hands one step's element to the next as the same object, the hash of the
 * texts last seen is looked up by identity instead of hashing the text again. The table holds the
 * texts weakly, so it keeps no document alive.
 */
public final class TextHash {

  /**
   * Enough for a whole corpus of some ten thousand documents: a runner may check every text before
   * the next step sees the first, so a table of the last few thousand would have lost them.
   */
  private static final int SLOTS = 1 << 17;
  private static final AtomicReferenceArray<Entry> RECENT = new AtomicReferenceArray<>(SLOTS);

  private record Entry(WeakReference<String> text, String sha256) {}

  private TextHash() {}

  public static String sha256(String text) {
    int slot = System.identityHashCode(text) & (SLOTS - 1);
    Entry entry = RECENT.get(slot);
    if (entry != null && entry.text().get() == text) {
      return entry.sha256();
    }
    String sha256 = DigestUtils.sha256Hex(text);
    RECENT.set(slot, new Entry(new WeakReference<>(text), sha256));
    return sha256;
  }
}
