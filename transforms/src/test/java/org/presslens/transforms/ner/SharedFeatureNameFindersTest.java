package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.text.SeedSentences;

/** The shared decoder against one OpenNLP NameFinderME per model (as OpenNLP reads the models), document by document. */
class SharedFeatureNameFindersTest {

  private static final Map<String, TokenNameFinderModel> MODELS = OpenNlpNameFinders.models();

  @Test
  void refusesModelsItCannotDecode() {
    IllegalArgumentException noModels = assertThrows(IllegalArgumentException.class,
        () -> SharedFeatureNameFinders.of(NameFinderModels.of(Map.of())));
    assertTrue(noModels.getMessage().contains("no name-finder models"), noModels.getMessage());
  }

  /** Random sets of known and unknown features: exactly OpenNLP's probabilities, in every model. */
  @Test
  void sameProbabilitiesAsTheModels() {
    SharedFeatureNameFinders shared = SharedFeatureNameFinders.of(NameFinderModels.shared());
    Random random = new Random(11);
    MODELS.forEach((type, model) -> {
      MaxentModel maxent = model.getArtifact("nameFinder.model");
      @SuppressWarnings("unchecked")
      List<String> known = List.copyOf(((Map<String, ?>) ((GISModel) maxent).getDataStructures()[1]).keySet());
      for (int round = 0; round < 2000; round++) {
        String[] features = new String[1 + random.nextInt(40)];
        for (int f = 0; f < features.length; f++) {
          features[f] = random.nextInt(10) == 0 ? "unknown=" + f : known.get(random.nextInt(known.size()));
        }
        assertArrayEquals(maxent.eval(features), shared.evaluate(type, features), 0.0, type + " " + List.of(features));
      }
    });
  }

  /**
   * The seeds as they are, then 400 documents of 12 sentences shuffled from the seeds' tokens, in
   * which capitalised words repeat across sentences (the previous-map feature) and every model
   * finds names: the same spans, of every model, in every sentence.
   */
  @Test
  void sameSpansAsOneNameFinderPerModel() throws IOException {
    DocumentTokenizer tokenizer = new DocumentTokenizer(OpenNlpModels.shared(), false);
    List<List<String[]>> documents = new ArrayList<>(SeedSentences.documents(tokenizer));
    List<String> words = new ArrayList<>();
    documents.forEach(document -> document.forEach(sentence -> words.addAll(List.of(sentence))));
    Random random = new Random(7);
    for (int d = 0; d < 400; d++) {
      List<String[]> sentences = new ArrayList<>();
      for (int s = 0; s < 12; s++) {
        sentences.add(SeedSentences.shuffled(words, random, 30));
      }
      documents.add(sentences);
    }

    SharedFeatureNameFinders shared = SharedFeatureNameFinders.of(NameFinderModels.shared());
    Map<String, NameFinderME> reference = new LinkedHashMap<>();
    MODELS.forEach((type, model) -> reference.put(type, new NameFinderME(model)));
    Map<String, Integer> spansFound = new LinkedHashMap<>();
    int sentencesCompared = 0;
    for (List<String[]> document : documents) {
      for (String[] sentence : document) {
        Map<String, Span[]> ours = shared.find(sentence);
        assertEquals(List.copyOf(reference.keySet()), List.copyOf(ours.keySet()));
        for (Map.Entry<String, NameFinderME> finder : reference.entrySet()) {
          Span[] expected = finder.getValue().find(sentence);
          assertArrayEquals(expected, ours.get(finder.getKey()), finder.getKey() + ": " + String.join(" ", sentence));
          for (int k = 0; k < expected.length; k++) { // Span.equals leaves out the probability
            assertEquals(expected[k].getProb(), ours.get(finder.getKey())[k].getProb(), 1e-12, String.join(" ", sentence));
          }
          spansFound.merge(finder.getKey(), expected.length, Integer::sum);
        }
        sentencesCompared++;
      }
      shared.clearAdaptiveData();
      reference.values().forEach(NameFinderME::clearAdaptiveData);
    }
    assertTrue(sentencesCompared > 5000, "sentences: " + sentencesCompared);
    // The comparison means something only if every model found names.
    spansFound.forEach((type, n) -> assertTrue(n > 200, type + ": " + n + " spans"));
  }
}
