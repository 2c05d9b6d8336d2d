package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.TextCuts;
import org.presslens.transforms.ner.EntityRecognizer.Layers;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.text.TokenizedDocument;

/**
 * Scores the recognizer on news it was not tuned on: the hand-annotated Reuters sample
 * (ner/news/gold_mentions.csv, guidelines beside it), per half, layer and type, by strict
 * character spans and by document-entity counts. Needs ../shared/corpora beside the project (as
 * the benchmarks do); prints the figures recorded in docs/BENCHMARKS.md.
 */
class NewsGoldTest {

  private static List<CSVRecord> gold;
  private static Map<String, String> texts;

  @BeforeAll
  static void read() throws IOException {
    try (Reader reader = new InputStreamReader(
        NewsGoldTest.class.getResourceAsStream("/ner/news/gold_mentions.csv"), StandardCharsets.UTF_8)) {
      gold = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
    texts = NewsSample.texts();
  }

  @Test
  void everyGoldMentionIsWhereItsOffsetsSay() {
    assumeTrue(!texts.isEmpty(), "the Reuters sample is not beside the project");
    for (CSVRecord g : gold) {
      int[] text = texts.get(g.get("doc_id")).codePoints().toArray();
      int start = Integer.parseInt(g.get("start"));
      int end = Integer.parseInt(g.get("end"));
      assertEquals(g.get("text"), new String(text, start, end - start), g.toString());
    }
    assertTrue(gold.size() >= 500, "at least 500 gold mentions: " + gold.size());
    assertTrue(gold.stream().filter(g -> g.get("half").equals("test")).count() >= 250, "a test half");
  }

  @Test
  void scoresEachLayerOnBothHalvesBySpanAndByDocumentEntity() {
    assumeTrue(!texts.isEmpty(), "the Reuters sample is not beside the project");
    DocumentTokenizer tokenizer = new DocumentTokenizer(OpenNlpModels.shared(), false);
    Map<String, TokenizedDocument> tokenized = new HashMap<>();
    texts.forEach((id, text) -> tokenized.put(id, tokenizer.tokenize(text)));
    System.out.println("Entity recognition on unseen news (Reuters sample; strict spans | document-entity mentions | "
        + "document entities; P / R / F1)");
    Map<String, MentionScore> spanF1 = new HashMap<>();
    for (String half : List.of("dev", "test")) {
      for (Layers layers : Layers.values()) {
        EntityRecognizer recognizer = new EntityRecognizer(NameFinderModels.shared(), Gazetteer.english(), tokenizer, layers);
        Map<String, Map<String, Long>> goldSpans = new TreeMap<>();
        Map<String, Map<String, Long>> predictedSpans = new TreeMap<>();
        Map<String, Long> goldEntities = new HashMap<>();
        Map<String, String> names = new HashMap<>(); // "gold " or "found " + span key -> entity
        Map<String, Long> predictedEntities = new HashMap<>();
        for (CSVRecord g : gold) {
          if (g.get("half").equals(half)) {
            String key = g.get("doc_id") + "|" + g.get("start") + "|" + g.get("end") + "|" + g.get("type");
            goldSpans.computeIfAbsent(g.get("type"), t -> new HashMap<>()).put(key, 1L);
            goldSpans.computeIfAbsent("all", t -> new HashMap<>()).put(key, 1L);
            names.put("gold " + key, g.get("entity"));
            goldEntities.merge(g.get("doc_id") + "|" + g.get("entity") + "|" + g.get("type"), 1L, Long::sum);
          }
        }
        List<String> ids = new ArrayList<>(texts.keySet());
        for (int i = 0; i < ids.size(); i++) {
          if ((i % 2 == 0) != half.equals("dev")) {
            continue;
          }
          TokenizedDocument doc = tokenized.get(ids.get(i));
          MentionPlaces places = new MentionPlaces(doc, TextCuts.NONE);
          for (Mention found : recognizer.find(doc.surfaces())) {
            Mention m = places.place(found);
            String key = ids.get(i) + "|" + m.charStart() + "|" + m.charEnd() + "|" + m.type();
            predictedSpans.computeIfAbsent(m.type(), t -> new HashMap<>()).put(key, 1L);
            predictedSpans.computeIfAbsent("all", t -> new HashMap<>()).put(key, 1L);
            names.put("found " + key, m.canonical());
            predictedEntities.merge(ids.get(i) + "|" + m.canonical() + "|" + m.type(), 1L, Long::sum);
          }
        }
        if (half.equals("dev") && layers == Layers.BOTH && Boolean.getBoolean("presslens.devErrors")) {
          printErrors(goldSpans.get("all"), predictedSpans.get("all"), names);
        }
        for (String type : goldSpans.keySet()) {
          MentionScore span = MentionScore.mentions(goldSpans.get(type), predictedSpans.getOrDefault(type, Map.of()));
          String line = String.format(Locale.ROOT, "%-4s %-10s %-12s spans %.3f / %.3f / %.3f", half,
              layers.name().toLowerCase(Locale.ROOT), type, span.precision(), span.recall(), span.f1());
          if (type.equals("all")) {
            MentionScore mentions = MentionScore.mentions(goldEntities, predictedEntities);
            MentionScore entities = MentionScore.entities(goldEntities, predictedEntities);
            line += String.format(Locale.ROOT, " | mentions %.3f / %.3f / %.3f | entities %.3f / %.3f / %.3f",
                mentions.precision(), mentions.recall(), mentions.f1(), entities.precision(), entities.recall(), entities.f1());
            spanF1.put(half + " " + layers, span);
            spanF1.put(half + " " + layers + " mentions", mentions);
            spanF1.put(half + " " + layers + " entities", entities);
          }
          System.out.println(line);
        }
      }
    }
    // Each layer places some of its mentions exactly on gold spans: the figures measure the layers, not a broken placing.
    spanF1.forEach((run, score) -> assertTrue(score.precision() > 0.3, run + ": " + score));
    // What the rules were written for, on the development half: the combined layers beat each layer alone.
    for (String level : List.of("", " mentions", " entities")) {
      double both = spanF1.get("dev BOTH" + level).f1();
      assertTrue(both > spanF1.get("dev MODEL" + level).f1() && both > spanF1.get("dev DICTIONARY" + level).f1(),
          "dev" + level + ": both " + both);
    }
  }

  /**
   * The development half's missed (FN) and extra (FP) spans, each with 40 characters of context,
   * and the right spans under another entity name than the gold's (NAME).
   */
  private static void printErrors(Map<String, Long> gold, Map<String, Long> predicted, Map<String, String> names) {
    gold.keySet().stream().filter(k -> !predicted.containsKey(k)).sorted().forEach(k -> System.out.println("FN " + inContext(k)));
    predicted.keySet().stream().filter(k -> !gold.containsKey(k)).sorted().forEach(k -> System.out.println("FP " + inContext(k)));
    gold.keySet().stream().filter(k -> predicted.containsKey(k) && !names.get("gold " + k).equals(names.get("found " + k)))
        .sorted().forEach(k -> System.out.println("NAME " + k + " " + names.get("found " + k) + " (gold: " + names.get("gold " + k) + ")"));
  }

  private static String inContext(String key) {
    String[] part = key.split("\\|");
    int[] text = texts.get(part[0]).codePoints().toArray();
    int start = Integer.parseInt(part[1]);
    int end = Integer.parseInt(part[2]);
    int from = Math.max(0, start - 40);
    int to = Math.min(text.length, end + 40);
    return (part[0] + " " + part[3] + " [" + new String(text, start, end - start) + "]  "
        + new String(text, from, start - from) + "[[" + new String(text, start, end - start) + "]]"
        + new String(text, end, to - end)).replace('\n', ' ');
  }
}
