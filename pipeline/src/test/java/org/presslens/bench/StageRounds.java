package org.presslens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.presslens.transforms.ner.EntityRecognizer;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.ner.NameFinderModels;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.text.TokenizedDocument;

/**
 * One build's side of {@link AlternatingRounds}: a corpus's first documents, and a round of one
 * stage over them, on the calling thread.
 */
public final class StageRounds {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final boolean entities;
  private final List<String> texts = new ArrayList<>();
  private final List<List<String[]>> sentences = new ArrayList<>();
  private final DocumentTokenizer tokenizer;
  private final EntityRecognizer recognizer;

  public StageRounds(String stage, String corpus, int documents) throws IOException {
    if (!stage.equals("tokenize") && !stage.equals("entities")) {
      throw new IllegalArgumentException("stage: tokenize or entities, not " + stage);
    }
    entities = stage.equals("entities");
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(Path.of(corpus))), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null && texts.size() < documents; line = lines.readLine()) {
        JsonNode text = json.readTree(line).get("text");
        if (text != null) {
          texts.add(text.asText());
        }
      }
    }
    tokenizer = new DocumentTokenizer(OpenNlpModels.shared(), false);
    if (entities) {
      texts.forEach(text -> sentences.add(tokenizer.tokenize(text).surfaces()));
      recognizer = new EntityRecognizer(NameFinderModels.shared(), Gazetteer.english(), tokenizer,
          EntityRecognizer.Layers.BOTH);
    } else {
      recognizer = null;
    }
  }

  /** One round: {CPU seconds of this thread, checksum (tokens and sentences, or mentions)}. */
  public double[] round() {
    long start = THREADS.getCurrentThreadCpuTime();
    long checksum = 0;
    if (entities) {
      for (List<String[]> document : sentences) {
        checksum += recognizer.find(document).size();
      }
    } else {
      for (String text : texts) {
        TokenizedDocument document = tokenizer.tokenize(text);
        for (String[] sentence : document.surfaces()) {
          checksum += 1 + sentence.length;
        }
      }
    }
    return new double[] {(THREADS.getCurrentThreadCpuTime() - start) / 1e9, checksum};
  }
}
