package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.AggregatedFeatureGenerator;
import opennlp.tools.util.featuregen.CachedFeatureGenerator;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.text.SeedSentences;

/** Window features put together from per-token entries are the window generator's own features, looked up. */
class WindowEntriesTest {

  private static final GisParameters PARAMETERS = NameFinderModels.shared().parameters();

  @Test
  void theDefaultWindowsAreRecognisedAndOtherGeneratorsAreNot() {
    List<AdaptiveFeatureGenerator> generators = defaultGenerators();
    long windows = generators.stream().filter(g -> g instanceof WindowFeatureGenerator).count();
    assertEquals(2, windows, "OpenNLP's default name-finder features have a token and a token-class window");
    for (AdaptiveFeatureGenerator generator : generators) {
      WindowEntries entries = WindowEntries.of(generator, PARAMETERS, 0);
      if (generator instanceof WindowFeatureGenerator) {
        assertNotNull(entries, generator.toString());
      } else {
        assertNull(entries, generator.getClass().getSimpleName());
      }
    }
  }

  @Test
  void sameEntriesAsTheGeneratorsFeaturesOnTheSeeds() throws IOException {
    List<WindowFeatureGenerator> windows = new ArrayList<>(List.of(
        new WindowFeatureGenerator(new TokenFeatureGenerator(), 1, 3), new WindowFeatureGenerator(new TokenFeatureGenerator(), 0, 0)));
    defaultGenerators().stream().filter(g -> g instanceof WindowFeatureGenerator).forEach(g -> windows.add((WindowFeatureGenerator) g));
    int compared = 0;
    for (List<String[]> document : SeedSentences.documents(new DocumentTokenizer(OpenNlpModels.shared(), false))) {
      for (String[] sentence : document) {
        for (WindowFeatureGenerator window : windows) {
          WindowEntries entries = WindowEntries.of(window, PARAMETERS, 0);
          TokenFeatures[] known = new TokenFeatures[sentence.length];
          for (int i = 0; i < sentence.length; i++) {
            known[i] = new TokenFeatures(sentence[i], List.of(entries), "", new int[0]);
          }
          for (int i = 0; i < sentence.length; i++) {
            List<String> features = new ArrayList<>();
            window.createFeatures(features, sentence, i, null);
            EntryList appended = new EntryList();
            entries.append(sentence, known, i, appended);
            assertArrayEquals(features.stream().mapToInt(PARAMETERS::find).toArray(), appended.toArray(),
                window + " at " + i + " of " + String.join(" ", sentence));
            compared++;
          }
        }
      }
    }
    assertTrue(compared > 4 * 4000, "tokens compared: " + compared);
  }

  private static List<AdaptiveFeatureGenerator> defaultGenerators() {
    AdaptiveFeatureGenerator generator = new TokenNameFinderFactory().createFeatureGenerators();
    if (generator instanceof CachedFeatureGenerator cached) {
      generator = cached.getCachedFeatureGenerator();
    }
    return List.copyOf(((AggregatedFeatureGenerator) generator).getGenerators());
  }
}
