package org.presslens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.TermTable;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.TextCuts;
import org.presslens.transforms.ner.EntityRecognizer;
import org.presslens.transforms.ner.MentionPlaces;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.ner.NameFinderModels;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.presslens.pipeline.PressLensOptions;
import org.presslens.transforms.reports.ContrastOptions;
import org.presslens.transforms.reports.ContrastRows;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.LanguageGuesser;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TermCounter;
import org.presslens.transforms.text.TokenizedDocument;

/**
 * The pipeline's core work without Beam, on one thread, timed per stage: read JSON Lines, check
 * language, tokenize and count terms (unigrams to trigrams), recognise entities, sum tables per
 * group and corpus, compute every group's contrasts against the rest. No reports are written.
 * {@code -Dentities=false} leaves out the entity models and stage.
 *
 * <pre>mvn -q -o -pl pipeline exec:java -Dexec.classpathScope=test
 *   -Dexec.mainClass=org.presslens.bench.PlainJavaBaseline -Dexec.args="corpus.jsonl.gz groupField"</pre>
 */
public final class PlainJavaBaseline {

  private PlainJavaBaseline() {}

  public static void main(String[] args) throws IOException {
    Path input = Path.of(args[0]);
    String groupField = args.length > 1 ? args[1] : "outlet";
    long[] nanos = new long[6];
    String[] stages = {"load models", "read JSON", "language check", "tokenize + count", "entities", "tables + contrasts"};

    long t = System.nanoTime();
    DocumentTokenizer tokenizer = new DocumentTokenizer(OpenNlpModels.shared(), false);
    LanguageGuesser guesser = new LanguageGuesser();
    // -Dentities=false: the work of a run with --entities=false (the quanteda comparison).
    EntityRecognizer recognizer = !Boolean.parseBoolean(System.getProperty("entities", "true")) ? null
        : new EntityRecognizer(NameFinderModels.shared(), Gazetteer.english(), new DocumentTokenizer(OpenNlpModels.shared(), false),
            EntityRecognizer.Layers.valueOf(System.getProperty("layers", "BOTH")));
    TermCounter counter = new TermCounter(StopWords.english(), 3, false);
    nanos[0] = System.nanoTime() - t;

    ObjectMapper json = new ObjectMapper();
    Map<String, TermTable> groups = new TreeMap<>();
    long documents = 0;
    long words = 0;
    long mentions = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(input)), StandardCharsets.UTF_8))) {
      String line;
      while (true) {
        t = System.nanoTime();
        line = in.readLine();
        if (line == null) {
          break;
        }
        JsonNode record = json.readTree(line);
        String text = record.path("text").asText();
        String group = record.path(groupField).asText("unknown");
        nanos[1] += System.nanoTime() - t;

        t = System.nanoTime();
        guesser.guess(text);
        nanos[2] += System.nanoTime() - t;

        t = System.nanoTime();
        TokenizedDocument tokens = tokenizer.tokenize(text);
        HashMap<String, Integer> counts = new HashMap<>(counter.count(tokens.terms()));
        nanos[3] += System.nanoTime() - t;

        t = System.nanoTime();
        if (recognizer != null) { // as the pipeline's entity stage: find, place each mention, quote its sentence
          MentionPlaces places = new MentionPlaces(tokens, TextCuts.NONE);
          HashMap<Integer, String> quoted = new HashMap<>();
          for (Mention m : recognizer.find(tokens.surfaces())) {
            places.place(m);
            quoted.computeIfAbsent(m.sentence(), s -> tokens.written(s, 0, tokens.surfaces().get(s).length));
            mentions++;
          }
        }
        nanos[4] += System.nanoTime() - t;

        t = System.nanoTime();
        AnalyzedDocument doc = new AnalyzedDocument(Long.toString(documents), group, "", "", "", "UTF-8", "", "",
            text.length(), tokens.sentenceCount(), tokens.wordCount(), tokens.typeCount(), counts,
            new java.util.ArrayList<>(), new HashMap<>());
        groups.computeIfAbsent(group, g -> new TermTable()).add(doc);
        nanos[5] += System.nanoTime() - t;
        documents++;
        words += tokens.wordCount();
      }
    }
    t = System.nanoTime();
    TermTable corpus = new TermTable();
    groups.values().forEach(corpus::merge);
    long contrasts = 0;
    PressLensOptions defaults = PipelineOptionsFactory.as(PressLensOptions.class);
    ContrastOptions options = new ContrastOptions(defaults.getContrastMinCount(), defaults.getPriorScale(), false,
        defaults.getKwicTerms(), defaults.getKwicLines(), defaults.getKwicWindow());
    for (TermTable target : groups.values()) {
      ContrastRows.Side corpusSide = new ContrastRows.Side(corpus::count, corpus.tokens());
      ContrastRows.Side targetSide = new ContrastRows.Side(target::count, target.tokens());
      ContrastRows.Side rest = new ContrastRows.Side(
          w -> corpus.count(w) - target.count(w), corpus.tokens() - target.tokens());
      contrasts += ContrastRows.compute(corpus.terms(), targetSide, rest, corpusSide, options).size();
    }
    nanos[5] += System.nanoTime() - t;

    double total = 0;
    for (long n : nanos) {
      total += n / 1e9;
    }
    System.out.printf("documents=%d words=%d mentions=%d groups=%d contrast_rows=%d%n",
        documents, words, mentions, groups.size(), contrasts);
    System.out.println("stage,seconds,documents_per_s,words_per_s");
    for (int i = 0; i < stages.length; i++) {
      double s = nanos[i] / 1e9;
      System.out.printf("%s,%.2f,%.0f,%.0f%n", stages[i], s, documents / s, words / s);
    }
    System.out.printf("total,%.2f,%.0f,%.0f%n", total, documents / total, words / total);
  }

}
