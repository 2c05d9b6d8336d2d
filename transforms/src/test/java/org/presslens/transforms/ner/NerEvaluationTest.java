package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.ner.EntityRecognizer.Layers;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.OpenNlpModels;

/**
 * Scores the recogniser on the hand-annotated seed articles (ner/gold_mentions.csv, guidelines in
 * ner/GUIDELINES.md) for the model layer alone, the dictionary alone and both, and prints the
 * figures recorded in docs/BENCHMARKS.md.
 */
class NerEvaluationTest {

  private static final Map<Layers, MentionScore[]> SCORES = new EnumMap<>(Layers.class);

  @BeforeAll
  static void evaluate() throws IOException {
    Map<String, Long> gold = new HashMap<>();
    try (Reader reader = new InputStreamReader(
        NerEvaluationTest.class.getResourceAsStream("/ner/gold_mentions.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        gold.put(row.get("doc_id") + "|" + row.get("entity") + "|" + row.get("type"), Long.parseLong(row.get("mentions")));
      }
    }
    DocumentTokenizer tokenizer = new DocumentTokenizer(OpenNlpModels.shared(), false);
    Path seeds = Path.of(System.getProperty("presslens.seeds", "../seeds"));
    List<Path> files;
    try (var list = Files.list(seeds)) {
      files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    System.out.println("Entity recognition on the seeds (gold: " + gold.size() + " document-entities, "
        + gold.values().stream().mapToLong(Long::longValue).sum() + " mentions)");
    System.out.println("layers      | mention P / R / F1   | entity P / R / F1");
    for (Layers layers : Layers.values()) {
      EntityRecognizer recognizer = new EntityRecognizer(NameFinderModels.shared(), Gazetteer.english(), tokenizer, layers);
      Map<String, Long> predicted = new HashMap<>();
      for (Path file : files) {
        String doc = file.getFileName().toString().replace(".txt", "");
        for (Mention m : recognizer.find(tokenizer.tokenize(Files.readString(file)).surfaces())) {
          predicted.merge(doc + "|" + m.canonical() + "|" + m.type(), 1L, Long::sum);
        }
      }
      MentionScore[] scores = {MentionScore.mentions(gold, predicted), MentionScore.entities(gold, predicted)};
      SCORES.put(layers, scores);
      System.out.printf(Locale.ROOT, "%-11s | %.3f / %.3f / %.3f | %.3f / %.3f / %.3f%n", layers.name().toLowerCase(Locale.ROOT),
          scores[0].precision(), scores[0].recall(), scores[0].f1(), scores[1].precision(), scores[1].recall(), scores[1].f1());
    }
  }

  @Test
  void combinedBeatsEachLayerAloneOnMentionsAndEntities() {
    for (int level = 0; level < 2; level++) {
      double both = SCORES.get(Layers.BOTH)[level].f1();
      assertTrue(both > SCORES.get(Layers.MODEL)[level].f1(), "combined vs model, level " + level);
      assertTrue(both > SCORES.get(Layers.DICTIONARY)[level].f1(), "combined vs dictionary, level " + level);
    }
  }

  @Test
  void scorerByHand() {
    Map<String, Long> gold = Map.of("d|NATO|org", 3L, "d|China|loc", 1L);
    Map<String, Long> predicted = Map.of("d|NATO|org", 2L, "d|Japan|loc", 1L);
    // mentions: TP = min(3, 2) = 2; P = 2/3, R = 2/4; entities: 1 of 2 predicted, 1 of 2 gold
    assertEquals(2.0 / 3, MentionScore.mentions(gold, predicted).precision(), 1e-12);
    assertEquals(0.5, MentionScore.mentions(gold, predicted).recall(), 1e-12);
    assertEquals(2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5), MentionScore.mentions(gold, predicted).f1(), 1e-12);
    assertEquals(0.5, MentionScore.entities(gold, predicted).precision(), 1e-12);
  }
}
