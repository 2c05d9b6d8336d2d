package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole pipeline on the seed corpus with the direct runner, as the README command does. */
class PressLensRunTest {

  private static final Path ROOT = SeedRun.ROOT;

  private static Path first;
  @TempDir static Path second;
  private static Map<String, Long> rows;

  static PressLensOptions options(String... args) {
    return SeedRun.options(args);
  }

  /** The shared seed run, and a second run for the determinism check. */
  @BeforeAll
  static void runTwice() throws IOException {
    first = SeedRun.output();
    rows = SeedRun.rows();
    SeedRun.run("--input=" + ROOT.resolve("seeds"), "--output=" + second);
  }

  /** The value of {@code key} in the "run" section of the manifest in {@code output}, if it names one. */
  static java.util.Optional<String> runValue(Path output, String key) throws IOException {
    return readCsv(output.resolve("run_manifest.csv")).stream()
        .filter(r -> r.get("section").equals("run") && r.get("key").equals(key))
        .map(r -> r.get("value")).findFirst();
  }

  static List<CSVRecord> readCsv(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), file + " has a UTF-8 BOM");
    try (Reader reader = new java.io.InputStreamReader(
        BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get(), StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
  }

  @Test
  void writesEveryReportWithTheFiveOutlets() throws IOException {
    Set<String> files = Files.list(first).map(p -> p.getFileName().toString())
        .filter(name -> !name.startsWith(".")) // the run's lock file
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("README.md", "report.html", "entity_cooccurrence.graphml", "documents.csv", "rejected.csv",
        "duplicates.csv", "boilerplate.csv",
        "run_manifest.csv", "term_frequencies.csv",
        "outlet_contrasts.csv", "keyword_in_context.csv", "entities.csv", "entity_variants.csv", "entity_mentions.csv",
        "entity_cooccurrence.csv",
        "emerging.csv",
        "term_trends.csv", "entity_trends.csv", "data"), files);
    List<CSVRecord> docs = readCsv(first.resolve("documents.csv"));
    assertEquals(Set.of("unknown", "Tehran Times", "China-US Focus", "RT", "Global Times"),
        docs.stream().map(r -> r.get("outlet")).collect(Collectors.toSet()));
    assertEquals(5L, rows.get("documents.csv"));
    assertEquals(0L, rows.get("rejected.csv"));
    assertEquals(readCsv(first.resolve("term_frequencies.csv")).size(), rows.get("term_frequencies.csv"));
  }

  @Test
  void natoIsTheTopNonStopWordTermOfTheCorpus() throws IOException {
    CSVRecord top = readCsv(first.resolve("term_frequencies.csv")).get(0);
    assertEquals(List.of("corpus", "", "nato", "1", "108", "1"),
        List.of(top.get("scope"), top.get("scope_key"), top.get("term"), top.get("n"), top.get("count"), top.get("rank")));
  }

  @Test
  void everyOutletsTopOverusedTermsHaveConcordanceLines() throws IOException {
    List<CSVRecord> contrasts = readCsv(first.resolve("outlet_contrasts.csv"));
    Set<String> withLines = readCsv(first.resolve("keyword_in_context.csv")).stream()
        .map(r -> r.get("outlet") + "|" + r.get("term")).collect(Collectors.toSet());
    // The CSV rows are the listed terms in rank order (echoes folded into them): the first ten of each outlet.
    List<String> top = contrasts.stream()
        .filter(r -> r.get("reference").equals("rest") && r.get("direction").equals("over"))
        .collect(Collectors.groupingBy(r -> r.get("outlet"))).values().stream()
        .flatMap(rows -> rows.stream().limit(10))
        .map(r -> r.get("outlet") + "|" + r.get("term")).toList();
    assertEquals(50, top.size(), "ten over-used terms for each of the five outlets");
    assertEquals(List.of(), top.stream().filter(t -> !withLines.contains(t)).toList());
    // Counts in the contrasts agree with the outlet rows of term_frequencies.csv.
    Map<String, String> outletCounts = readCsv(first.resolve("term_frequencies.csv")).stream()
        .filter(r -> r.get("scope").equals("outlet"))
        .collect(Collectors.toMap(r -> r.get("scope_key") + "|" + r.get("term"), r -> r.get("count")));
    for (CSVRecord r : contrasts.subList(0, 50)) {
      assertEquals(outletCounts.getOrDefault(r.get("outlet") + "|" + r.get("term"), "0"), r.get("count_target"), r.toString());
    }
  }

  @Test
  void entityReportsShowTheNamesAndPairsAnalystsLookFor() throws IOException {
    Map<String, String> types = readCsv(first.resolve("entities.csv")).stream()
        .collect(Collectors.toMap(r -> r.get("entity"), r -> r.get("type")));
    Map<String, String> expected = Map.of("NATO", "organization", "United States", "location", "China", "location",
        "Russia", "location", "Ukraine", "location", "Japan", "location", "Jens Stoltenberg", "person",
        "Liz Truss", "person", "Sergei Lavrov", "person", "ASEAN", "organization");
    expected.forEach((name, type) -> assertEquals(type, types.get(name), name));
    Set<String> corpusPairs = readCsv(first.resolve("entity_cooccurrence.csv")).stream()
        .filter(r -> r.get("scope").equals("corpus") && r.get("window").equals("sentence"))
        .map(r -> r.get("entity_a") + "|" + r.get("entity_b")).collect(Collectors.toSet());
    assertTrue(corpusPairs.contains("China|NATO"), "NATO-China");
    assertTrue(corpusPairs.contains("Asia-Pacific|NATO"), "NATO-Asia-Pacific");
  }

  @Test
  void runManifestRecordsInputsVersionsAndReportRows() throws IOException {
    List<CSVRecord> manifest = readCsv(first.resolve("run_manifest.csv"));
    Map<String, String> values = manifest.stream().collect(Collectors.toMap(r -> r.get("section") + "/" + r.get("key"), r -> r.get("value")));
    assertEquals("2.70.0", values.get("version/apache-beam"));
    assertTrue(values.get("model/en/name.yml").endsWith("net.datafaker:datafaker:2.7.0"), values.get("model/en/name.yml"));
    assertTrue(values.get("model/opennlp-langdetect-20210413.bin").endsWith("tika-langdetect-opennlp:2.9.1"),
        values.get("model/opennlp-langdetect-20210413.bin"));
    assertEquals("5", values.get("run/documents"));
    assertEquals(5, manifest.stream().filter(r -> r.get("section").equals("input")).count());
    assertEquals(rows.get("term_frequencies.csv").toString(), values.get("report/term_frequencies.csv"));
  }

  @Test
  void dataDictionaryMatchesTheCommittedOne() throws IOException {
    assertEquals(Files.readString(ROOT.resolve("docs/data-dictionary.md")), Files.readString(first.resolve("README.md")),
        "docs/data-dictionary.md is the committed copy of the generated output/README.md: copy the new one");
  }

  @Test
  void twoRunsGiveIdenticalReports() throws IOException {
    for (String file : List.of("documents.csv", "rejected.csv", "duplicates.csv", "boilerplate.csv",
        "term_frequencies.csv", "outlet_contrasts.csv",
        "keyword_in_context.csv", "entities.csv", "entity_cooccurrence.csv", "emerging.csv", "term_trends.csv",
        "entity_trends.csv", "README.md", "report.html", "entity_cooccurrence.graphml")) {
      assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
    }
  }

  @Test
  void withoutEntitiesTheEntityReportsAreLeftOutAndTheOthersAreUnchanged(@TempDir Path dir) throws IOException {
    Map<String, Long> rowsWithout = SeedRun.run("--input=" + ROOT.resolve("seeds"), "--output=" + dir, "--entities=false");
    Set<String> files = Files.list(dir).map(p -> p.getFileName().toString())
        .filter(name -> !name.startsWith(".")).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("README.md", "report.html", "documents.csv", "rejected.csv", "duplicates.csv",
        "boilerplate.csv", "run_manifest.csv", "term_frequencies.csv", "outlet_contrasts.csv",
        "keyword_in_context.csv", "emerging.csv", "term_trends.csv", "data"), files);
    assertEquals(Set.copyOf(files.stream().filter(f -> f.endsWith(".csv") && !f.equals("run_manifest.csv")).toList()),
        rowsWithout.keySet());
    try (Stream<Path> tables = Files.list(dir.resolve("data"))) {
      assertEquals(List.of("boilerplate", "document_terms", "documents", "duplicates", "emerging", "outlet_contrasts",
          "rejected", "term_frequencies", "term_trends"), tables.map(t -> t.getFileName().toString()).sorted().toList(), "no entity tables");
    }
    for (String file : List.of("documents.csv", "rejected.csv", "duplicates.csv", "boilerplate.csv",
        "term_frequencies.csv", "outlet_contrasts.csv", "keyword_in_context.csv")) {
      assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(dir.resolve(file)), file);
    }
    assertTrue(readCsv(dir.resolve("run_manifest.csv")).stream()
        .anyMatch(r -> r.get("key").equals("entities") && r.get("value").equals("false")));
    assertTrue(Files.readString(dir.resolve("report.html")).contains("Not recognised in this run"));
  }

  @Test
  void jsonLinesCorporaGroupByAnyField(@TempDir Path dir) throws IOException {
    StringBuilder lines = new StringBuilder();
    List<String> places = List.of("Ohio", "Texas", "Maine", "Utah", "Iowa", "Idaho", "Ohio");
    for (int i = 0; i < 7; i++) {
      String party = i % 2 == 0 ? "Democratic" : "Republican";
      String text = "Speech " + i + " was given in " + places.get(i) + ". "
          + (i % 2 == 0 ? "Jobs and more jobs for working families. Jobs now." : "Taxes are too high. Cut taxes and spending.");
      lines.append("{\"doc_id\":\"d").append(i).append("\",\"party\":\"").append(party)
          .append("\",\"text\":\"").append(i == 6 ? text.replace("6", "0") : text).append("\"}\n");
    }
    lines.append("{broken\n");
    Path corpus = dir.resolve("speeches.jsonl");
    Files.writeString(corpus, lines);
    Path out = dir.resolve("out");
    PressLensOptions options = options("--input=" + corpus, "--groupField=party", "--output=" + out);
    Map<String, Long> counts = ReportRun.run(options, RunConfig.from(options));

    assertEquals(7L, counts.get("documents.csv"));
    assertEquals(1L, counts.get("rejected.csv"));
    // d6 repeats d0 word for word: listed as a copy, and its jobs are not counted again.
    assertEquals(1L, counts.get("duplicates.csv"));
    List<CSVRecord> contrasts = readCsv(out.resolve("outlet_contrasts.csv"));
    CSVRecord top = contrasts.stream()
        .filter(r -> r.get("outlet").equals("Democratic") && r.get("direction").equals("over")).findFirst().orElseThrow();
    assertEquals(List.of("rest", "jobs", "9", "0", "1"),
        List.of(top.get("reference"), top.get("term"), top.get("count_target"), top.get("count_reference"), top.get("rank")));
    assertTrue(readCsv(out.resolve("keyword_in_context.csv")).stream().anyMatch(r -> r.get("outlet").equals("Republican")
        && r.get("term").equals("taxes")));
  }

  @Test
  void aManifestRowForAMissingFileIsReportedAndTheRunCompletes(@TempDir Path dir) throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "NATO met in Madrid. Japan joined the talks.");
    Files.writeString(corpus.resolve("manifest.csv"), "file,doc_id,outlet\na.txt,a,RT\ngone.txt,gone,RT\n");
    Path out = dir.resolve("out");
    PressLensOptions options = options("--input=" + corpus, "--output=" + out);
    Map<String, Long> counts = ReportRun.run(options, RunConfig.from(options));
    assertEquals(1L, counts.get("documents.csv"));
    assertEquals(1L, counts.get("rejected.csv"));
    CSVRecord row = readCsv(out.resolve("rejected.csv")).get(0);
    assertEquals(List.of("manifest.csv", "file gone.txt", "missing-file"), List.of(row.get("source"), row.get("item"), row.get("reason")));
  }

  @Test
  void aFolderOfJsonLinesFilesIsAnsweredWithHowToReadThem(@TempDir Path dir) throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("feeds"));
    Files.writeString(corpus.resolve("monday.jsonl.gz"), "");
    UsageException auto = assertThrows(UsageException.class,
        () -> RunConfig.from(options("--input=" + corpus, "--output=" + dir.resolve("out"))));
    assertTrue(auto.getMessage().contains("1 JSON Lines or CSV file, such as monday.jsonl.gz")
        && auto.getMessage().contains("--input='" + corpus.resolve("*.jsonl.gz") + "'"), auto.getMessage());
    UsageException jsonLines = assertThrows(UsageException.class,
        () -> RunConfig.from(options("--input=" + corpus, "--output=" + dir.resolve("out"), "--format=jsonl")));
    assertTrue(jsonLines.getMessage().contains("is a folder"), jsonLines.getMessage());
    Path export = Files.writeString(dir.resolve("export.json"), "[{\"text\": \"One record.\"}]");
    assertEquals(List.of(export.toString()),
        RunConfig.from(options("--input=" + export, "--output=" + dir.resolve("out"))).input().files(),
        "a .json file is read as JSON records");
    Path text = Files.writeString(corpus.resolve("story.txt"), "A story.");
    UsageException file = assertThrows(UsageException.class,
        () -> RunConfig.from(options("--input=" + text, "--output=" + dir.resolve("out"))));
    assertTrue(file.getMessage().contains("is a file; PressLens reads a folder") && file.getMessage().contains(corpus.toString()),
        file.getMessage());
  }

  @Test
  void userGazetteerFilesAreReadAndCheckedBeforeAnyWork(@TempDir Path dir) throws IOException {
    Path good = Files.writeString(dir.resolve("names.tsv"), "organization\tPressLens Institute\n");
    Path bad = Files.writeString(dir.resolve("bad.tsv"), "animal\tCat\n");
    RunConfig setup = RunConfig.from(options("--input=" + ROOT.resolve("seeds"), "--output=" + second, "--gazetteer=" + good));
    assertEquals("organization", setup.gazetteer().typeOf("PressLens Institute"));
    UsageException e = assertThrows(UsageException.class,
        () -> RunConfig.from(options("--input=" + ROOT.resolve("seeds"), "--output=" + second, "--gazetteer=" + bad)));
    assertTrue(e.getMessage().contains("type must be one of"), e.getMessage());
    assertThrows(UsageException.class, () -> RunConfig.from(
        options("--input=" + ROOT.resolve("seeds"), "--output=" + second, "--aliases=" + dir.resolve("missing.tsv"))));
  }

  @Test
  void invalidOptionsStopBeforeAnyWork(@TempDir Path emptyCorpus) {
    UsageException missing = assertThrows(UsageException.class,
        () -> RunConfig.from(options("--input=" + ROOT.resolve("no-such-folder"), "--output=" + second)));
    assertTrue(missing.getMessage().startsWith("--input "), missing.getMessage());
    assertThrows(UsageException.class,
        () -> RunConfig.from(options("--input=" + ROOT.resolve("seeds"), "--output=" + second, "--maxNgram=0")));
    assertThrows(UsageException.class,
        () -> RunConfig.from(options("--input=" + ROOT.resolve("seeds"), "--output=/proc/presslens")));
    assertThrows(UsageException.class,
        () -> RunConfig.from(options("--input=" + ROOT.resolve("missing.jsonl.gz"), "--output=" + second)));
    assertThrows(UsageException.class,
        () -> RunConfig.from(options("--input=" + ROOT.resolve("seeds"), "--output=" + second, "--format=xml")));
    UsageException empty = assertThrows(UsageException.class,
        () -> RunConfig.from(options("--input=" + emptyCorpus, "--output=" + second)));
    assertTrue(empty.getMessage().contains("no .txt or .html files found"), empty.getMessage());
  }

  @Test
  void everyNumericOptionIsCheckedAgainstItsRangeBeforeAnyWork() {
    String seeds = "--input=" + ROOT.resolve("seeds");
    for (String bad : List.of("--priorScale=Infinity", "--priorScale=0", "--duplicateSimilarity=NaN",
        "--boilerplateMinShare=NaN", "--kwicWindow=2147483647", "--maxNgram=6", "--csvMaxRows=2000000", "--minCount=0")) {
      UsageException e = assertThrows(UsageException.class, () -> RunConfig.from(options(seeds, "--output=" + second, bad)), bad);
      String option = bad.substring(0, bad.indexOf('='));
      assertTrue(e.getMessage().startsWith(option + " must be "), e.getMessage());
    }
    assertEquals("--maxNgram must be between 1 and 5, was 6",
        assertThrows(UsageException.class, () -> RunConfig.from(options(seeds, "--output=" + second, "--maxNgram=6"))).getMessage());
    assertEquals("--priorScale must be above 0 and at most 1,000,000, was 0.0",
        assertThrows(UsageException.class, () -> RunConfig.from(options(seeds, "--output=" + second, "--priorScale=0"))).getMessage());
    assertEquals("--minCount must be at least 1, was 0",
        assertThrows(UsageException.class, () -> RunConfig.from(options(seeds, "--output=" + second, "--minCount=0"))).getMessage());
    RunConfig config = RunConfig.from(options(seeds, "--output=" + second, "--kwicWindow=100", "--priorScale=0.5"));
    assertEquals(100, config.contrastOptions().kwicWindow());
    assertEquals("0.5", config.parameters().get("priorScale"), "parameters list the run's values");
    assertEquals(second.toString(), config.parameters().get("output"), "and resolved paths");
  }
}
