package org.presslens.transforms.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

public class DuplicateFinderTest {

  static final Path SEEDS = Path.of(System.getProperty("presslens.seeds", "../seeds"));

  /** The first {@code n} words of a seed article. */
  public static String words(String file, int n) throws IOException {
    String[] all = Files.readString(SEEDS.resolve(file)).split("\\s+");
    return String.join(" ", Arrays.copyOf(all, Math.min(n, all.length)));
  }

  @Test
  void similarityEstimatesJaccardOfShingles() {
    // 10 words, 6 shingles each; the texts share 3 of them: Jaccard 3/9.
    Fingerprint a = Fingerprint.of("a", "x", "", "one two three four five six seven eight nine ten");
    Fingerprint b = Fingerprint.of("b", "x", "", "one two three four five six seven eleven twelve thirteen");
    assertEquals(1.0 / 3, a.similarity(b), 0.12);
    assertEquals(1.0, a.similarity(Fingerprint.of("c", "y", "", "One, two; THREE four five six seven eight nine ten!")));
  }

  /**
   * Over many pairs with known shingle overlap, the signature agreement tracks the true Jaccard
   * similarity: small mean error (no bias from the derived hash functions), no large miss.
   */
  @Test
  void signatureAgreementIsAnUnbiasedJaccardEstimate() {
    java.util.Random random = new java.util.Random(7);
    double totalError = 0;
    double worst = 0;
    int pairs = 200;
    for (int p = 0; p < pairs; p++) {
      // Distinct words, so shingles are distinct: text a = w0..w99, text b shares the first k words.
      int k = 5 + random.nextInt(95);
      StringBuilder a = new StringBuilder();
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 100; i++) {
        a.append(" p").append(p).append('w').append(i);
        b.append(" p").append(p).append(i < k ? "w" : "v").append(i);
      }
      int shared = k - Fingerprint.SHINGLE_WORDS + 1;
      int each = 100 - Fingerprint.SHINGLE_WORDS + 1;
      double jaccard = shared / (double) (2 * each - shared);
      double estimate = Fingerprint.of("a", "x", "", a.toString()).similarity(Fingerprint.of("b", "x", "", b.toString()));
      totalError += estimate - jaccard;
      worst = Math.max(worst, Math.abs(estimate - jaccard));
    }
    assertEquals(0, totalError / pairs, 0.01, "mean signed error");
    // 128 hashes: standard error at most 0.044, so 4 standard errors.
    assertTrue(worst < 0.18, "largest error " + worst);
  }

  @Test
  void findsExactAndNearCopiesAndKeepsTheEarliest() throws IOException {
    String story = words("001_d1582ae0bff50c52.txt", 300);
    String edited = story.replaceFirst("NATO", "the alliance").replaceFirst("the", "a") + "\nSource: wire service";
    DuplicateFinder finder = new DuplicateFinder(0.8);
    finder.add(Fingerprint.of("site-b/1", "B", "2023-06-15", edited));
    finder.add(Fingerprint.of("site-a/1", "A", "2023-06-14", story));
    finder.add(Fingerprint.of("site-c/1", "C", "2023-06-16", story.toUpperCase().replace(" ", "\n  ")));
    finder.add(Fingerprint.of("other", "A", "2023-06-14", words("002_9dfda31df5a5fe6b.txt", 300)));

    List<Duplicate> copies = finder.duplicates();

    assertEquals(2, copies.size(), copies.toString());
    assertEquals(new Duplicate("site-b/1", "B", "site-a/1", "A", "near", copies.get(0).similarity()), copies.get(0));
    assertTrue(copies.get(0).similarity() >= 0.8 && copies.get(0).similarity() < 1, copies.toString());
    assertEquals(new Duplicate("site-c/1", "C", "site-a/1", "A", "exact", 1.0), copies.get(1));
  }

  @Test
  void differentArticlesAreNotCopies() throws IOException {
    DuplicateFinder finder = new DuplicateFinder(0.5);
    for (String seed : List.of("000_26be9aed4aa0b5b3.txt", "001_d1582ae0bff50c52.txt", "002_9dfda31df5a5fe6b.txt",
        "003_014d4eb2fc7f5c0c.txt", "004_1b6d78fd8a170e76.txt")) {
      finder.add(Fingerprint.of(seed, "x", "", Files.readString(SEEDS.resolve(seed))));
    }
    assertEquals(List.of(), finder.duplicates());
  }
}
