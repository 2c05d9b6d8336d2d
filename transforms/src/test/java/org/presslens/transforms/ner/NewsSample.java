package org.presslens.transforms.ner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * News text of ../shared/corpora for the tests that score or digest news: the Reuters sample (70
 * business and oil news stories) and Brown's press stories.
 */
public final class NewsSample {

  private static final Path CORPORA = Path.of(System.getProperty("presslens.root", "..")).resolve("../shared/corpora");

  private NewsSample() {}

  /** The Reuters stories' texts by doc_id, in doc_id order; empty when the sample is not beside the project. */
  public static Map<String, String> texts() throws IOException {
    return texts("reuters_tm_acq_crude.jsonl.gz");
  }

  /** The texts of one corpus of ../shared/corpora by doc_id, in doc_id order; empty when it is not there. */
  public static Map<String, String> texts(String corpus) throws IOException {
    Path file = CORPORA.resolve(corpus);
    Map<String, String> texts = new TreeMap<>();
    if (!Files.exists(file)) {
      return texts;
    }
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode doc = json.readTree(line);
        texts.put(doc.get("doc_id").asText(), doc.get("text").asText());
      }
    }
    return texts;
  }
}
