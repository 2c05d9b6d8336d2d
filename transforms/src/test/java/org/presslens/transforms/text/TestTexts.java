package org.presslens.transforms.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Real texts for tests that compare two ways of doing one thing: the seeds always, and every
 * document of the corpora in {@code ../shared/corpora} when that folder is there (beside the
 * project, as for the benchmarks).
 */
public final class TestTexts {

  private static final Path ROOT = Path.of(System.getProperty("presslens.root", ".."));
  private static final Path CORPORA = ROOT.resolve("../shared/corpora");

  private TestTexts() {}

  /** The seed files, and the shared corpora when they are there. */
  public static List<Path> sources() throws IOException {
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> seeds = Files.list(ROOT.resolve("seeds"))) {
      seeds.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(sources::add);
    }
    if (Files.isDirectory(CORPORA)) {
      try (Stream<Path> corpora = Files.list(CORPORA)) {
        corpora.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().forEach(sources::add);
      }
    }
    return sources;
  }

  /** The texts of a seed file (one) or of a JSON Lines corpus (its "text" fields). */
  public static List<String> texts(Path source) throws IOException {
    if (source.toString().endsWith(".txt")) {
      return List.of(Files.readString(source, StandardCharsets.UTF_8));
    }
    List<String> texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(source)), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode text = json.readTree(line).get("text");
        if (text != null) {
          texts.add(text.asText());
        }
      }
    }
    return texts;
  }
}
