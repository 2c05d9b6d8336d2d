package org.presslens.transforms.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void wordsAreLowerCasedRunsOfLettersAndNumbers() {
    // by hand: accents are letters, the apostrophe and the dash split words, ½ and Ⅻ are numbers (No, Nl)
    assertEquals("één café 3rd zürich s ½ ⅻ x2 ok",
        new String(NormalizedWords.of("Één CAFÉ—3rd Zürich’s ½ Ⅻ, x2! OK").joined(), StandardCharsets.UTF_8));
    assertEquals("", new String(NormalizedWords.of(" -- ... ").joined(), StandardCharsets.UTF_8));
  }

  /** The signature against its definition: per bin, the least value of the shingles in it, or its donor's. */
  @Test
  void signatureIsEachBinsLeastShingleOrItsDonors() {
    for (String text : List.of(TEXT, "Too short", "Één café, naïve façade: the 5 words of a Zürich crêpe stand again and again.",
        String.join(" ", java.util.Collections.nCopies(60, TEXT)))) {
      List<String> words = NormalizedWordsTest.words(text);
      long[] wordHashes = words.stream().mapToLong(w -> {
        byte[] bytes = w.getBytes(StandardCharsets.UTF_8);
        return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0)[0];
      }).toArray();
      // by the definition: a shingle's hash picks its bin by the top 7 bits and competes with its low 32 bits
      Long[] least = new Long[Fingerprint.HASHES];
      int shingles = Math.max(1, words.size() - Fingerprint.SHINGLE_WORDS + 1);
      for (int start = 0; start < shingles; start++) {
        long hash = Fingerprint.shingleHash(wordHashes, start, Math.min(words.size(), start + Fingerprint.SHINGLE_WORDS));
        int bin = (int) (hash >>> 57);
        long value = hash & 0xFFFFFFFFL;
        if (least[bin] == null || value < least[bin]) {
          least[bin] = value;
        }
      }
      int[] signature = Fingerprint.signature(wordHashes);
      assertEquals(Fingerprint.HASHES, signature.length);
      for (int bin = 0; bin < Fingerprint.HASHES; bin++) {
        int attempt = 0;
        Long value = least[bin];
        while (value == null) {
          value = least[Fingerprint.donor(bin, ++attempt)];
        }
        assertEquals(value.intValue(), signature[bin], "bin " + bin + " (" + attempt + " attempts) of: " + text);
      }
    }
  }

  @Test
  void aShinglesHashDependsOnEveryWordAndTheirOrder() {
    long[] words = {11, 22, 33, 44, 55, 11};
    long hash = Fingerprint.shingleHash(words, 0, 5);
    assertEquals(hash, Fingerprint.shingleHash(new long[] {11, 22, 33, 44, 55}, 0, 5));
    assertNotEquals(hash, Fingerprint.shingleHash(new long[] {22, 11, 33, 44, 55}, 0, 5));
    assertNotEquals(hash, Fingerprint.shingleHash(words, 1, 6));
    assertNotEquals(hash, Fingerprint.shingleHash(words, 0, 4));
  }

  @Test
  void aTextOfOneShingleFillsEveryBinWithIt() {
    int[] signature = Fingerprint.of("d", "o", "", "Too short").signature();
    for (int value : signature) {
      assertEquals(signature[0], value);
    }
  }

  @Test
  void emptyBinsBorrowFromBinsSpreadOverTheSignature() {
    // every bin is some bin's first donor: no bin is favoured as a donor of all the others
    java.util.Set<Integer> firstDonors = new java.util.HashSet<>();
    for (int bin = 0; bin < Fingerprint.HASHES; bin++) {
      firstDonors.add(Fingerprint.donor(bin, 1));
    }
    assertTrue(firstDonors.size() > Fingerprint.HASHES / 2, firstDonors.size() + " distinct first donors");
  }
}
