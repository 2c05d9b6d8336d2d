package org.presslens.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TermCounter;

/**
 * Compares PressLens corpus unigram counts on the seeds (stop words kept) with R quanteda's
 * {@code textstat_frequency} (reference/quanteda-seeds/freq_all.csv). Terms on which the two
 * tokenizers deliberately differ are listed, with both counts and the reason, in
 * expected_differences.csv; every other term must have the same count.
 */
class QuantedaAgreementTest {

  private static final Set<String> REASONS = Set.of(
      "clitic", "backtick", "clitic+backtick", "abbreviation-period", "hyphen-compound", "clock-time", "dash", "symbol");

  private static Map<String, Integer> ours;
  private static Map<String, Integer> quanteda;

  @BeforeAll
  static void count() throws IOException {
    DocumentTokenizer tokenizer = new DocumentTokenizer(OpenNlpModels.shared(), false);
    TermCounter unigrams = new TermCounter(StopWords.none(), 1, true);
    ours = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("presslens.seeds", "../seeds")))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        unigrams.count(tokenizer.tokenize(Files.readString(file)).terms()).forEach((t, n) -> ours.merge(t, n, Integer::sum));
      }
    }
    quanteda = new HashMap<>();
    for (CSVRecord row : csv("freq_all.csv")) {
      quanteda.put(row.get("feature"), Integer.parseInt(row.get("frequency")));
    }
  }

  private static List<CSVRecord> csv(String name) throws IOException {
    try (Reader reader = new InputStreamReader(
        QuantedaAgreementTest.class.getResourceAsStream("/quanteda/" + name), StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
  }

  @Test
  void everyTermOutsideTheDocumentedDifferencesHasTheSameCount() throws IOException {
    Map<String, CSVRecord> explained = new HashMap<>();
    for (CSVRecord row : csv("expected_differences.csv")) {
      assertTrue(REASONS.contains(row.get("reason")), "undocumented reason " + row.get("reason"));
      explained.put(row.get("term"), row);
    }
    Set<String> terms = new TreeSet<>(ours.keySet());
    terms.addAll(quanteda.keySet());
    List<String> mismatches = new ArrayList<>();
    int agreed = 0;
    for (String term : terms) {
      int q = quanteda.getOrDefault(term, 0);
      int p = ours.getOrDefault(term, 0);
      CSVRecord expected = explained.get(term);
      if (expected == null) {
        if (q != p) {
          mismatches.add(term + ": quanteda " + q + ", PressLens " + p + " (not a documented difference)");
        } else {
          agreed++;
        }
      } else if (q != Integer.parseInt(expected.get("quanteda")) || p != Integer.parseInt(expected.get("presslens"))) {
        mismatches.add(term + ": quanteda " + q + ", PressLens " + p + ", documented " + expected.get("quanteda")
            + " vs " + expected.get("presslens"));
      }
    }
    assertEquals(List.of(), mismatches);
    assertTrue(agreed > 1300, "only " + agreed + " terms agree");
  }

  @Test
  void topContentWordsAgreeExactlyAndNatoLeads() {
    for (String term : List.of("security", "asia", "countries", "military", "region", "china", "collective")) {
      assertEquals(quanteda.get(term), ours.get(term), term);
    }
    // quanteda's 88 (which already include the "nato" of nato ` s) plus its 20 possessive tokens.
    assertEquals(quanteda.get("nato") + quanteda.get("nato's") + quanteda.get("nato’s"), ours.get("nato"));
  }
}
