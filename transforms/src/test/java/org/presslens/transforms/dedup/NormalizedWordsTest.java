package org.presslens.transforms.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.TextHash;
import org.presslens.transforms.text.TestTexts;

/** The one-pass words give what the words as strings give: the same bytes, word hashes and fingerprint. */
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

  private static void assertSame(String text) {
    List<String> words = Fingerprint.words(text);
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
