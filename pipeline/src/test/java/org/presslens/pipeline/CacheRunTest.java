package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analysis cache: a rerun after adding a document analyses only that document and writes the
 * same reports as a run from scratch without a cache; a rerun with nothing new adds no cache file.
 */
class CacheRunTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "entities={0}")
  @ValueSource(booleans = {true, false})
  void rerunAnalysesOnlyNewDocumentsAndWritesTheSameReports(boolean entities) throws Exception {
    Path corpus = tmp.resolve("corpus");
    Path seeds = SeedRun.ROOT.resolve("seeds");
    Files.createDirectories(corpus.resolve("a"));
    Files.createDirectories(corpus.resolve("b"));
    Files.copy(seeds.resolve("000_26be9aed4aa0b5b3.txt"), corpus.resolve("a/000.txt"));
    Files.copy(seeds.resolve("001_d1582ae0bff50c52.txt"), corpus.resolve("a/001.txt"));
    Files.copy(seeds.resolve("002_9dfda31df5a5fe6b.txt"), corpus.resolve("b/002.txt"));
    Files.copy(seeds.resolve("003_014d4eb2fc7f5c0c.txt"), corpus.resolve("b/003.txt"));
    Path cache = tmp.resolve("cache");

    String withEntities = "--entities=" + entities;
    SeedRun.run("--input=" + corpus, "--output=" + tmp.resolve("first"), "--cacheDir=" + cache, withEntities);
    Set<Path> firstFiles = cacheFiles(cache);
    assertEquals(4, records(firstFiles), "the first run caches the analysis of each of its 4 documents");

    Files.copy(seeds.resolve("004_1b6d78fd8a170e76.txt"), corpus.resolve("b/004.txt"));
    SeedRun.run("--input=" + corpus, "--output=" + tmp.resolve("rerun"), "--cacheDir=" + cache, withEntities);
    Set<Path> added = cacheFiles(cache);
    added.removeAll(firstFiles);
    assertEquals(1, records(added), "the rerun analyses and caches only the new document");

    Set<Path> beforeUnchanged = cacheFiles(cache);
    SeedRun.run("--input=" + corpus, "--output=" + tmp.resolve("unchanged"), "--cacheDir=" + cache, withEntities);
    assertEquals(beforeUnchanged, cacheFiles(cache), "a rerun with nothing new leaves no (empty) cache file");

    SeedRun.run("--input=" + corpus, "--output=" + tmp.resolve("scratch"), withEntities);
    List<String> compared = new ArrayList<>();
    try (Stream<Path> files = Files.list(tmp.resolve("scratch"))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        // The manifest and the HTML page name the run's time and parameters (the cache folder).
        if (name.equals("run_manifest.csv") || name.equals("report.html") || name.startsWith(".")
            || Files.isDirectory(file)) {
          continue;
        }
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(tmp.resolve("rerun").resolve(name)), name);
        compared.add(name);
      }
    }
    // Without entities there is no entities.csv, entity_cooccurrence.csv or GraphML file.
    assertEquals(entities ? 11 : 8, compared.size(), compared.toString());
    DataTables.assertSame(tmp.resolve("scratch"), tmp.resolve("rerun"));
  }

  private static Set<Path> cacheFiles(Path cache) throws IOException {
    try (Stream<Path> files = Files.walk(cache)) {
      return new HashSet<>(files.filter(f -> f.toString().endsWith(".avro")).toList());
    }
  }

  private static long records(Set<Path> files) throws IOException {
    long n = 0;
    for (Path file : files) {
      try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
        for (GenericRecord ignored : reader) {
          n++;
        }
      }
    }
    return n;
  }
}
