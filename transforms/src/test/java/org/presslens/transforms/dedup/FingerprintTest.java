package org.presslens.transforms.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  private static final String TEXT = "The talks in Geneva ended without an agreement on the next steps.";

  @Test
  void fingerprintsOfTheSameDocumentAreEqualByValue() throws Exception {
    Fingerprint a = Fingerprint.of("d1", "rt", "2023-01-01", TEXT);
    Fingerprint b = Fingerprint.of("d1", "rt", "2023-01-01", TEXT);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Fingerprint.of("d1", "rt", "2023-01-01", TEXT + " More talks are planned."));
    assertNotEquals(a, Fingerprint.of("d2", "rt", "2023-01-01", TEXT));
    // Beam's direct runner checks that equal elements encode alike and vice versa
    CoderProperties.coderConsistentWithEquals(SerializableCoder.of(Fingerprint.class), a, b);
  }

  /** The signature against its definition: per hash function, the least value over every shingle string. */
  @Test
  void wordsAreLowerCasedRunsOfLettersAndNumbers() {
    // by hand: accents are letters, the apostrophe and the dash split words, ½ and Ⅻ are numbers (No, Nl)
    assertEquals(List.of("één", "café", "3rd", "zürich", "s", "½", "ⅻ", "x2", "ok"),
        Fingerprint.words("Één CAFÉ—3rd Zürich’s ½ Ⅻ, x2! OK"));
    assertEquals(List.of(), Fingerprint.words(" -- ... "));
  }

  @Test
  void signatureIsTheLeastHashOfEveryShingle() {
    for (String text : List.of(TEXT, "Too short", "Één café, naïve façade: the 5 words of a Zürich crêpe stand again and again.")) {
      List<String> words = Fingerprint.words(text);
      int[] signature = Fingerprint.signature(words);
      assertEquals(Fingerprint.HASHES, signature.length);
      int shingles = Math.max(1, words.size() - Fingerprint.SHINGLE_WORDS + 1);
      for (int i = 0; i < Fingerprint.HASHES; i++) {
        int least = Integer.MAX_VALUE;
        for (int start = 0; start < shingles; start++) {
          String shingle = String.join(" ", words.subList(start, Math.min(words.size(), start + Fingerprint.SHINGLE_WORDS)));
          byte[] bytes = shingle.getBytes(StandardCharsets.UTF_8);
          least = Math.min(least, Fingerprint.hash(i, MurmurHash3.hash128x64(bytes, 0, bytes.length, 0)[0]));
        }
        assertEquals(least, signature[i], "hash function " + i + " of: " + text);
      }
    }
  }
}
