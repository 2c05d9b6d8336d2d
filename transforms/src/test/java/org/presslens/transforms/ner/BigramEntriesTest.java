package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.featuregen.BigramNameFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.text.SeedSentences;

/** Bigram features from remembered token classes are OpenNLP's bigram generator's features, looked up. */
class BigramEntriesTest {

  private static final GisParameters PARAMETERS = NameFinderModels.shared().parameters();

  @Test
  void onlyTheBigramGeneratorIsRecognised() {
    assertNotNull(BigramEntries.of(new BigramNameFeatureGenerator(), PARAMETERS));
    assertNull(BigramEntries.of(new TokenFeatureGenerator(), PARAMETERS));
  }

  @Test
  void sameEntriesAsTheGeneratorsFeaturesOnTheSeeds() throws IOException {
    BigramNameFeatureGenerator generator = new BigramNameFeatureGenerator();
    BigramEntries entries = BigramEntries.of(generator, PARAMETERS);
    int compared = 0;
    for (List<String[]> document : SeedSentences.documents(new DocumentTokenizer(OpenNlpModels.shared(), false))) {
      for (String[] sentence : document) {
        TokenFeatures[] known = new TokenFeatures[sentence.length];
        for (int i = 0; i < sentence.length; i++) {
          known[i] = new TokenFeatures(sentence[i], List.of(), FeatureGeneratorUtil.tokenFeature(sentence[i]), new int[0]);
        }
        for (int i = 0; i < sentence.length; i++) {
          List<String> features = new ArrayList<>();
          generator.createFeatures(features, sentence, i, null);
          EntryList appended = new EntryList();
          entries.append(sentence, known, i, appended);
          assertArrayEquals(features.stream().mapToInt(PARAMETERS::find).toArray(), appended.toArray(),
              i + " of " + String.join(" ", sentence));
          compared++;
        }
      }
    }
    assertTrue(compared > 4000, "tokens compared: " + compared);
  }
}
