package org.presslens.transforms.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * A text as duplicate detection sees it: its words, the lower-cased runs of letters and numbers
 * (Unicode categories L and N), as UTF-8 bytes joined by single spaces, and where each word
 * starts and ends in them. Made in one pass, without a lower-cased copy of the text and a string
 * per word: every text of a run is fingerprinted.
 *
 * <p>Each code point is lower-cased alone ({@link Character#toLowerCase(int)}), which is what
 * {@link String#toLowerCase(Locale)} does with {@link Locale#ROOT} except for two characters
 * whose lower case depends on their context or is two characters long (capital sigma, capital I
 * with dot above); a text that holds one of them is lower-cased whole first.
 */
final class NormalizedWords {

  private final byte[] bytes;
  private final int length;
  /** Word {@code w} is {@code bytes[bounds[2w], bounds[2w + 1])}. */
  private final int[] bounds;
  private final int words;

  private NormalizedWords(byte[] bytes, int length, int[] bounds, int words) {
    this.bytes = bytes;
    this.length = length;
    this.bounds = bounds;
    this.words = words;
  }

  static NormalizedWords of(String text) {
    // a UTF-16 char becomes at most three UTF-8 bytes (a surrogate pair four), a separator one
    byte[] bytes = new byte[3 * text.length() + 1];
    int[] bounds = new int[64];
    int length = 0;
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.charAt(i);
      int width = 1;
      boolean letter;
      if (c < 128) {
        if (c >= 'A' && c <= 'Z') {
          c += 'a' - 'A';
        }
        letter = ASCII_IN_WORD[c];
      } else {
        c = text.codePointAt(i);
        width = Character.charCount(c);
        if (c == CAPITAL_SIGMA || c == CAPITAL_I_WITH_DOT) {
          return of(text.toLowerCase(Locale.ROOT)); // holds neither any more
        }
        c = Character.toLowerCase(c);
        letter = inWord(c);
      }
      if (letter) {
        if (!inWord) {
          if (words > 0) {
            bytes[length++] = ' ';
          }
          if (2 * words + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, 2 * bounds.length);
          }
          bounds[2 * words] = length;
          inWord = true;
        }
        length = put(c, bytes, length);
      } else if (inWord) {
        bounds[2 * words++ + 1] = length;
        inWord = false;
      }
      i += width;
    }
    if (inWord) {
      bounds[2 * words++ + 1] = length;
    }
    return new NormalizedWords(bytes, length, bounds, words);
  }

  private static final int CAPITAL_SIGMA = 0x03A3;
  private static final int CAPITAL_I_WITH_DOT = 0x0130;

  /** {@link #inWord} of each ASCII character, looked up rather than asked of Unicode's tables for most characters. */
  private static final boolean[] ASCII_IN_WORD = new boolean[128];

  static {
    for (int c = 0; c < ASCII_IN_WORD.length; c++) {
      ASCII_IN_WORD[c] = inWord(c);
    }
  }

  /** Whether a code point belongs to a word: a letter or a number (Unicode categories L and N). */
  private static boolean inWord(int c) {
    int type = Character.getType(c);
    return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** Code point {@code c} in UTF-8 at {@code bytes[at]}; returns where the next byte goes. */
  private static int put(int c, byte[] bytes, int at) {
    if (c < 0x80) {
      bytes[at] = (byte) c;
      return at + 1;
    }
    byte[] utf8 = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
    System.arraycopy(utf8, 0, bytes, at, utf8.length);
    return at + utf8.length;
  }

  /** The joined words' bytes, as {@code String.join(" ", words).getBytes(UTF_8)} would give them. */
  byte[] joined() {
    return Arrays.copyOf(bytes, length);
  }

  /** Each word's hash: the first 64 bits of MurmurHash3 (x64, 128-bit, seed 0) of its UTF-8 bytes. */
  long[] wordHashes() {
    long[] hashes = new long[words];
    for (int w = 0; w < words; w++) {
      hashes[w] = MurmurHash3.hash128x64(bytes, bounds[2 * w], bounds[2 * w + 1] - bounds[2 * w], 0)[0];
    }
    return hashes;
  }

  /** MurmurHash3 (x64, 128-bit, seed 0) of the joined words: what {@code TextHash.freshKey} hashes of their string. */
  long[] joinedHash() {
    return MurmurHash3.hash128x64(bytes, 0, length, 0);
  }
}
