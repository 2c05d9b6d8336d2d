package org.presslens.transforms.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.TextHash;
import org.presslens.transforms.text.TestTexts;

/** The one-pass words give what the words as strings give ({@link #words}): the same bytes, word hashes and fingerprint. */
class NormalizedWordsTest {

  @Test
  void agreesWithTheWordsAsStringsOnTextsOfEveryKind() {
    for (String text : List.of("", " -- ... ", "Één CAFÉ—3rd Zürich’s ½ Ⅻ, x2! OK", "The talks ended.",
        // final and medial sigma, dotted capital I: lower case that depends on the whole text
        "ΟΔΥΣΣΕΥΣ ΣΟΦΟΣ", "İSTANBUL İzmir", "σοφός",
        // outside the BMP: a capital whose lower case is outside it too, a letter without case, an emoji
        "\uD801\uDC00BC \uD835\uDC00x \uD83D\uDE00 end",
        // an unpaired surrogate inside a word splits it
        "ab\uD800cd", "STRASSE Straße ﬁne ǅemal ı")) {
      assertSame(text);
    }
  }

  @Test
  void agreesWithTheWordsAsStringsOnTheSeedsAndTheSharedCorpora() throws IOException {
    int texts = 0;
    for (Path source : TestTexts.sources()) {
      for (String text : TestTexts.texts(source)) {
        assertSame(text);
        texts++;
      }
    }
    assertTrue(texts >= 5, texts + " texts");
  }

  /**
   * The words by their definition, as strings: the text lower-cased whole ({@code Locale.ROOT}),
   * then its runs of letters and numbers (Unicode categories L and N).
   */
  static List<String> words(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < lower.length(); i += Character.charCount(lower.codePointAt(i))) {
      int c = lower.codePointAt(i);
      int type = Character.getType(c);
      boolean inWord = Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER
          || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        words.add(lower.substring(start, i));
        start = -1;
      }
    }
    if (start >= 0) {
      words.add(lower.substring(start));
    }
    return words;
  }

  private static void assertSame(String text) {
    List<String> words = words(text);
    NormalizedWords normalized = NormalizedWords.of(text);
    byte[] joined = String.join(" ", words).getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(joined, normalized.joined(), text);
    long[] hashes = words.stream().mapToLong(w -> {
      byte[] bytes = w.getBytes(StandardCharsets.UTF_8);
      return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0)[0];
    }).toArray();
    assertArrayEquals(hashes, normalized.wordHashes(), text);
    Fingerprint fingerprint = Fingerprint.of("d", "o", "", text);
    assertEquals(TextHash.freshKey(String.join(" ", words)), fingerprint.textHash(), text);
    assertArrayEquals(Fingerprint.signature(hashes), fingerprint.signature(), text);
  }
}
