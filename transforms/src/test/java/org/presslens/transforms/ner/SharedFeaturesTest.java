package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.AggregatedFeatureGenerator;
import opennlp.tools.util.featuregen.BigramNameFeatureGenerator;
import opennlp.tools.util.featuregen.CachedFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.text.SeedSentences;

/**
 * Shared features put together from what is remembered per token (windows, bigrams) or built as
 * strings (any other generator) are the generator's own features, looked up.
 */
class SharedFeaturesTest {

  private static final GisParameters PARAMETERS = NameFinderModels.shared().parameters();

  @Test
  void windowsAndTheBigramGeneratorAreRecognisedOthersAreNot() {
    List<AdaptiveFeatureGenerator> generators = defaultGenerators();
    assertEquals(2, generators.stream().filter(g -> g instanceof WindowFeatureGenerator).count(),
        "OpenNLP's default name-finder features have a token and a token-class window");
    List<WindowEntries> windows = new ArrayList<>();
    for (AdaptiveFeatureGenerator generator : generators) {
      SharedFeatures features = SharedFeatures.of(generator, PARAMETERS, windows);
      if (generator instanceof WindowFeatureGenerator) {
        assertInstanceOf(WindowEntries.class, features, generator.toString());
      } else if (generator instanceof BigramNameFeatureGenerator) {
        assertInstanceOf(BigramEntries.class, features);
      }
    }
    assertEquals(2, windows.size());
    assertNull(WindowEntries.of(new TokenFeatureGenerator(), PARAMETERS, 0));
    assertNull(BigramEntries.of(new TokenFeatureGenerator(), PARAMETERS));
  }

  @Test
  void everyWordPairIsFoundByItsTokensNumbersAlsoWhereTheyHoldCommas() {
    WordPairs pairs = PARAMETERS.wordPairs();
    int[] counts = new int[2]; // pairs, pairs with more commas
    for (String prefix : List.of(WordPairs.PREVIOUS_AND_TOKEN, WordPairs.TOKEN_AND_NEXT)) {
      PARAMETERS.forEachFeature(prefix, (pair, entry) -> {
        assertEquals(PARAMETERS.find(prefix + pair), entry, pair);
        for (int comma = pair.indexOf(','); comma >= 0; comma = pair.indexOf(',', comma + 1)) {
          int left = pairs.number(pair.substring(0, comma));
          int right = pairs.number(pair.substring(comma + 1));
          int found = prefix.equals(WordPairs.PREVIOUS_AND_TOKEN) ? pairs.previousAndToken(left, right)
              : pairs.tokenAndNext(left, right);
          assertEquals(entry, found, prefix + pair + " split at " + comma);
          counts[1] += comma != pair.lastIndexOf(',') || comma != pair.indexOf(',') ? 1 : 0;
        }
        counts[0]++;
      });
    }
    assertTrue(counts[0] > 2 * 60_000 && counts[1] > 0, counts[0] + " pairs, " + counts[1] + " splits of pairs with more commas");
    // a word of no pair feature, and two words of some that make none together
    assertEquals(WordPairs.NONE, pairs.number("Qzxv"));
    assertEquals(-1, pairs.previousAndToken(pairs.number("Qzxv"), pairs.number("the")));
    int unknownPairs = 0;
    for (String left : List.of("the", "of", "and", "said", "in")) {
      for (String right : List.of("the", "of", "and", "said", "in")) {
        assertTrue(pairs.number(left) != WordPairs.NONE && pairs.number(right) != WordPairs.NONE, left + " " + right);
        int entry = PARAMETERS.find(WordPairs.PREVIOUS_AND_TOKEN + left + "," + right);
        assertEquals(entry, pairs.previousAndToken(pairs.number(left), pairs.number(right)), left + " " + right);
        unknownPairs += entry < 0 ? 1 : 0;
      }
    }
    assertTrue(unknownPairs > 0, "some pairs of known words are no feature");
  }

  /** OpenNLP's default generators, and windows of other sizes. */
  @Test
  void sameEntriesAsEachGeneratorsFeaturesOnTheSeeds() throws IOException {
    List<AdaptiveFeatureGenerator> generators = new ArrayList<>(defaultGenerators());
    generators.add(new WindowFeatureGenerator(new TokenFeatureGenerator(), 1, 3));
    generators.add(new WindowFeatureGenerator(new TokenFeatureGenerator(), 0, 0));
    List<WindowEntries> windows = new ArrayList<>();
    List<SharedFeatures> shared = generators.stream().map(g -> SharedFeatures.of(g, PARAMETERS, windows)).toList();
    int compared = 0;
    for (List<String[]> document : SeedSentences.documents(new DocumentTokenizer(OpenNlpModels.shared(), false))) {
      for (String[] sentence : document) {
        TokenFeatures[] known = new TokenFeatures[sentence.length];
        for (int i = 0; i < sentence.length; i++) {
          known[i] = new TokenFeatures(sentence[i], windows, FeatureGeneratorUtil.tokenFeature(sentence[i]),
              PARAMETERS.wordPairs().number(sentence[i]), new int[0]);
        }
        for (int g = 0; g < generators.size(); g++) {
          for (int i = 0; i < sentence.length; i++) {
            List<String> features = new ArrayList<>();
            generators.get(g).createFeatures(features, sentence, i, null);
            EntryList appended = new EntryList();
            shared.get(g).append(sentence, known, i, appended);
            assertArrayEquals(features.stream().mapToInt(PARAMETERS::find).toArray(), appended.toArray(),
                generators.get(g) + " at " + i + " of " + String.join(" ", sentence));
            compared++;
          }
        }
      }
    }
    assertTrue(compared > generators.size() * 4000, "token features compared: " + compared);
  }

  private static List<AdaptiveFeatureGenerator> defaultGenerators() {
    AdaptiveFeatureGenerator generator = new TokenNameFinderFactory().createFeatureGenerators();
    if (generator instanceof CachedFeatureGenerator cached) {
      generator = cached.getCachedFeatureGenerator();
    }
    return List.copyOf(((AggregatedFeatureGenerator) generator).getGenerators());
  }
}
