package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Scores the recognizer on news it was not tuned on, per half, layer and type, by strict character
 * spans and by document-entity counts: the hand-annotated Reuters sample (ner/news/gold_mentions.csv,
 * a development and a test half) and nine of Brown's press stories (ner/news/brown_mentions.csv, six
 * reportage stories for development, three editorials held out); guidelines in ner/news/GUIDELINES.md. Needs ../shared/corpora beside the
 * project (as the benchmarks do); prints the figures recorded in docs/BENCHMARKS.md.
 */
class NewsGoldTest {

  /** A gold set: its mentions, the texts it covers and each text's half. */
  private record GoldSet(String name, List<CSVRecord> gold, Map<String, String> texts, Map<String, String> halves) {}

  private static GoldSet reuters;
  private static GoldSet brown;
  private static final Map<String, String> texts = new HashMap<>();

  @BeforeAll
  static void read() throws IOException {
    Map<String, String> reutersTexts = NewsSample.texts();
    Map<String, String> reutersHalves = new LinkedHashMap<>();
    int index = 0;
    for (String id : reutersTexts.keySet()) { // the halves were fixed by the stories' order before any tuning
      reutersHalves.put(id, index++ % 2 == 0 ? "dev" : "test");
    }
    reuters = new GoldSet("Reuters", readGold("/ner/news/gold_mentions.csv"), reutersTexts, reutersHalves);
    List<CSVRecord> brownGold = readGold("/ner/news/brown_mentions.csv");
    Map<String, String> brownHalves = new TreeMap<>(); // each story's half, as its mentions say
    brownGold.forEach(g -> brownHalves.put(g.get("doc_id"), g.get("half")));
    Map<String, String> brownTexts = new TreeMap<>(NewsSample.texts("brown.jsonl.gz"));
    brownTexts.keySet().retainAll(brownHalves.keySet());
    brown = new GoldSet("Brown press", brownGold, brownTexts, brownHalves);
    texts.putAll(reutersTexts);
    texts.putAll(brownTexts);
  }

  private static List<CSVRecord> readGold(String resource) throws IOException {
    try (Reader reader = new InputStreamReader(NewsGoldTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
  }

  @Test
  void everyGoldMentionIsWhereItsOffsetsSay() {
    assumeTrue(!reuters.texts().isEmpty() && !brown.texts().isEmpty(), "../shared/corpora is not beside the project");
    for (GoldSet set : List.of(reuters, brown)) {
      for (CSVRecord g : set.gold()) {
        int[] text = set.texts().get(g.get("doc_id")).codePoints().toArray();
        int start = Integer.parseInt(g.get("start"));
        int end = Integer.parseInt(g.get("end"));
        assertEquals(g.get("text"), new String(text, start, end - start), set.name() + " " + g);
        assertEquals(set.halves().get(g.get("doc_id")), g.get("half"), set.name() + " " + g);
      }
      assertTrue(set.gold().size() >= 500, "at least 500 gold mentions: " + set.name() + " " + set.gold().size());
    }
    assertTrue(reuters.gold().stream().filter(g -> g.get("half").equals("test")).count() >= 250, "a test half");
  }

  @Test
  void scoresEachLayerOnBothHalvesBySpanAndByDocumentEntity() {
    assumeTrue(!reuters.texts().isEmpty() && !brown.texts().isEmpty(), "../shared/corpora is not beside the project");
    DocumentTokenizer tokenizer = new DocumentTokenizer(OpenNlpModels.shared(), false);
    Map<String, TokenizedDocument> tokenized = new HashMap<>();
    texts.forEach((id, text) -> tokenized.put(id, tokenizer.tokenize(text)));
    Map<String, MentionScore> spanF1 = new HashMap<>();
    for (GoldSet set : List.of(reuters, brown)) {
      System.out.println("Entity recognition on unseen news (" + set.name()
          + "; strict spans | document-entity mentions | document entities; P / R / F1)");
      for (String half : new TreeSet<>(set.halves().values())) {
        for (Layers layers : Layers.values()) {
          score(set, half, layers, tokenizer, tokenized, spanF1);
        }
      }
    }
    // Each layer places some of its mentions exactly on gold spans: the figures measure the layers, not a broken placing.
    spanF1.forEach((run, score) -> assertTrue(score.precision() > 0.3, run + ": " + score));
    // What the rules were written for, on the development halves: the combined layers beat each layer alone.
    for (String set : List.of("Reuters", "Brown press")) {
      for (String level : List.of("", " mentions", " entities")) {
        double both = spanF1.get(set + " dev BOTH" + level).f1();
        assertTrue(both > spanF1.get(set + " dev MODEL" + level).f1() && both > spanF1.get(set + " dev DICTIONARY" + level).f1(),
            set + " dev" + level + ": both " + both);
      }
    }
  }

  private static void score(GoldSet set, String half, Layers layers, DocumentTokenizer tokenizer,
      Map<String, TokenizedDocument> tokenized, Map<String, MentionScore> spanF1) {
    EntityRecognizer recognizer = new EntityRecognizer(NameFinderModels.shared(), Gazetteer.english(), tokenizer, layers);
    Map<String, Map<String, Long>> goldSpans = new TreeMap<>();
    Map<String, Map<String, Long>> predictedSpans = new TreeMap<>();
    Map<String, Long> goldEntities = new HashMap<>();
    Map<String, String> names = new HashMap<>(); // "gold " or "found " + span key -> entity
    Map<String, Long> predictedEntities = new HashMap<>();
    for (CSVRecord g : set.gold()) {
      if (g.get("half").equals(half)) {
        String key = g.get("doc_id") + "|" + g.get("start") + "|" + g.get("end") + "|" + g.get("type");
        goldSpans.computeIfAbsent(g.get("type"), t -> new HashMap<>()).put(key, 1L);
        goldSpans.computeIfAbsent("all", t -> new HashMap<>()).put(key, 1L);
        names.put("gold " + key, g.get("entity"));
        goldEntities.merge(g.get("doc_id") + "|" + g.get("entity") + "|" + g.get("type"), 1L, Long::sum);
      }
    }
    set.halves().forEach((id, itsHalf) -> {
      if (!itsHalf.equals(half)) {
        return;
      }
      TokenizedDocument doc = tokenized.get(id);
      MentionPlaces places = new MentionPlaces(doc, TextCuts.NONE);
      for (Mention found : recognizer.find(doc.surfaces())) {
        Mention m = places.place(found);
        String key = id + "|" + m.charStart() + "|" + m.charEnd() + "|" + m.type();
        predictedSpans.computeIfAbsent(m.type(), t -> new HashMap<>()).put(key, 1L);
        predictedSpans.computeIfAbsent("all", t -> new HashMap<>()).put(key, 1L);
        names.put("found " + key, m.canonical());
        predictedEntities.merge(id + "|" + m.canonical() + "|" + m.type(), 1L, Long::sum);
      }
    });
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
        String run = set.name() + " " + half + " " + layers;
        spanF1.put(run, span);
        spanF1.put(run + " mentions", mentions);
        spanF1.put(run + " entities", entities);
      }
      System.out.println(line);
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
