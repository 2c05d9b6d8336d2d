package org.presslens.transforms.text;

import java.text.Normalizer;

/**
 * Unicode NFKC with where each character of the result came from. The JDK normalises whole
 * strings only, so the text is normalised in groups that normalisation does not join: a code point
 * with the combining marks (and Hangul vowel and final jamo, half-width voicing marks) that follow
 * it. Each character of a group that normalisation changes comes from the whole group ({@code ﬁ}
 * gives {@code f} and {@code i}, both from the ligature; {@code e} + U+0301 gives {@code é} from
 * both); the characters of other groups come from themselves. The
 * groups' results are checked against the whole text's normalisation; should a rare sequence join
 * across groups, the text is grouped by lines instead, which normalisation never joins.
 */
final class NfkcMap {

  /** Per BMP character: 0 not yet known, 1 NFKC leaves it as it is when alone, 2 it changes. */
  private static final byte[] ALONE = new byte[0x10000];

  private NfkcMap() {}

  static DerivedText normalize(String text) {
    String whole = Normalizer.normalize(text, Normalizer.Form.NFKC);
    if (whole.equals(text)) {
      return DerivedText.same(text);
    }
    DerivedText grouped = byGroups(text, false);
    if (grouped.text().equals(whole)) {
      return grouped;
    }
    DerivedText lines = byGroups(text, true);
    if (lines.text().equals(whole)) {
      return lines;
    }
    DerivedText.Builder one = new DerivedText.Builder(whole.length());
    one.append(whole, 0, text.length());
    return one.build();
  }

  private static DerivedText byGroups(String text, boolean lines) {
    DerivedText.Builder out = new DerivedText.Builder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      int start = i;
      i += Character.charCount(text.codePointAt(i));
      while (i < text.length() && (lines ? text.charAt(i) != '\n' : continuesGroup(text.codePointAt(i)))) {
        i += Character.charCount(text.codePointAt(i));
      }
      if (i - start == 1 && unchangedAlone(text.charAt(start))) {
        out.append(text.charAt(start), start, i);
        continue;
      }
      CharSequence group = text.subSequence(start, i);
      String normalised = Normalizer.normalize(group, Normalizer.Form.NFKC);
      if (normalised.contentEquals(group)) {
        for (int k = start; k < i; k++) {
          out.append(text.charAt(k), k, k + 1);
        }
      } else {
        out.append(normalised, start, i);
      }
    }
    return out.build();
  }

  /** Whether NFKC may join code point {@code c} with what comes before it. */
  private static boolean continuesGroup(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK || c >= 0x1160 && c <= 0x11FF || c == 0xFF9E || c == 0xFF9F;
  }

  private static boolean unchangedAlone(char c) {
    if (c < 0x80) {
      return true;
    }
    byte known = ALONE[c];
    if (known == 0) {
      String alone = String.valueOf(c);
      known = Normalizer.normalize(alone, Normalizer.Form.NFKC).equals(alone) ? (byte) 1 : (byte) 2;
      ALONE[c] = known; // a race writes the same value
    }
    return known == 1;
  }
}
