package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reruns with a cache analyse only what changed and write the reports a run from scratch writes:
 * every CSV byte for byte, every full-detail table row for row, through a sequence of changes to
 * one corpus (new, removed and changed documents, a document that becomes a near copy, a line
 * that becomes boilerplate, nothing new) and damaged cache files.
 */
class CacheRunTest {

  private static final Path SEEDS = SeedRun.ROOT.resolve("seeds");

  @TempDir Path tmp;
  private Path corpus;
  private Path cache;
  private Path reports;
  private int scratchRuns;

  @BeforeEach
  void corpus() throws IOException {
    corpus = tmp.resolve("corpus");
    cache = tmp.resolve("cache");
    reports = tmp.resolve("reports");
    Files.createDirectories(corpus.resolve("a"));
    Files.createDirectories(corpus.resolve("b"));
    copySeed("000_26be9aed4aa0b5b3.txt", "a/000.txt");
    copySeed("001_d1582ae0bff50c52.txt", "a/001.txt");
    copySeed("002_9dfda31df5a5fe6b.txt", "b/002.txt");
    copySeed("003_014d4eb2fc7f5c0c.txt", "b/003.txt");
  }

  @Test
  void rerunsAnalyseWhatChangedAndWriteWhatAScratchRunWrites() throws Exception {
    assertEquals(4, rerunAndCompare(), "the first run analyses every document");

    copySeed("004_1b6d78fd8a170e76.txt", "b/004.txt");
    assertEquals(1, rerunAndCompare(), "a new document");

    Map<Path, FileTime> before = modified(reports.resolve("data/document_terms"));
    forgetLastReports();
    assertEquals(0, rerunAndCompare(), "nothing new, without the last reports: every segment is kept");
    assertEquals(before, modified(reports.resolve("data/document_terms")), "kept segments' document terms are not written again");
    assertEquals(0, rerunAndCompare(), "nothing new: the last reports are reused");
    assertTrue(reusedFrom(reports).isPresent(), "the manifest names the run whose reports were reused");

    Map<Path, FileTime> beforeRemoval = modified(reports.resolve("data/document_terms"));
    Files.delete(corpus.resolve("a/001.txt"));
    assertEquals(0, rerunAndCompare(), "a removed document: its segment is rebuilt from the stored analyses");
    Map<Path, FileTime> afterRemoval = modified(reports.resolve("data/document_terms"));
    assertEquals(1, beforeRemoval.keySet().stream().filter(f -> !afterRemoval.containsKey(f)).count(),
        "the part that held the removed document goes: " + beforeRemoval.keySet() + " " + afterRemoval.keySet());
    beforeRemoval.forEach((file, time) -> {
      if (afterRemoval.containsKey(file)) {
        assertEquals(time, afterRemoval.get(file), file + ", a part without the removed document, is not written again");
      }
    });

    Files.writeString(corpus.resolve("b/002.txt"), "\nNATO and Japan signed a new security pact.\n", StandardOpenOption.APPEND);
    assertEquals(1, rerunAndCompare(), "a changed document");

    // a/005 copies b/003 with one word changed; a/005 sorts first, so b/003 becomes the copy.
    String copy = Files.readString(corpus.resolve("b/003.txt")).replaceFirst("NATO", "Nato");
    Files.writeString(corpus.resolve("a/005.txt"), copy);
    assertEquals(1, rerunAndCompare(), "a new document that makes another one its near copy");
    assertTrue(Files.readString(reports.resolve("duplicates.csv")).contains("b/003"), "b/003 is now a copy");
    Files.delete(corpus.resolve("a/005.txt"));
    assertEquals(0, rerunAndCompare(), "the original removed: its copy counts again, added to its segment");
    assertTrue(!Files.readString(reports.resolve("duplicates.csv")).contains("b/003"), "b/003 is no copy now");
    Files.writeString(corpus.resolve("a/005.txt"), copy);
    assertEquals(1, rerunAndCompare(), "the near copy's original again");

    String line = "\nSubscribe to the Daily Brief for more news like this\n";
    Files.writeString(corpus.resolve("b/002.txt"), line, StandardOpenOption.APPEND);
    Files.writeString(corpus.resolve("b/004.txt"), line, StandardOpenOption.APPEND);
    assertEquals(2, rerunAndCompare(), "a line in two documents is still text");
    Files.writeString(corpus.resolve("b/003.txt"), line, StandardOpenOption.APPEND);
    rerunAndCompare(); // in three documents of b the line is boilerplate: the texts of the two are as before
    assertTrue(Files.readString(reports.resolve("boilerplate.csv")).contains("Subscribe to the Daily Brief"));
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void rerunsWithoutTheFullDetailTierFinishAndWriteWhatAScratchRunWrites() throws Exception {
    run(reports, "--cacheDir=" + cache, "--parquet=false");
    copySeed("004_1b6d78fd8a170e76.txt", "b/004.txt");
    run(reports, "--cacheDir=" + cache, "--parquet=false");
    Path scratch = tmp.resolve("scratch");
    run(scratch, "--parquet=false");
    assertSameReports(scratch, reports);
    assertTrue(Files.notExists(reports.resolve("data")), "no full-detail tier");
  }

  @Test
  void sameInputsAndOptionsReuseTheLastReportsUnlessTheyChanged() throws Exception {
    run(reports, "--cacheDir=" + cache);
    assertTrue(reusedFrom(reports).isEmpty(), "the first run analyses");
    Path elsewhere = tmp.resolve("elsewhere");
    run(elsewhere, "--cacheDir=" + cache);
    String first = reusedFrom(elsewhere).orElseThrow(() -> new AssertionError("the same inputs into another folder reuse the reports"));
    assertSameReports(reports, elsewhere);
    Path kept = onlyFolder(cache).resolve(LastReports.FOLDER_PREFIX + first);
    for (String sideFile : List.of("report.html", "entity_cooccurrence.graphml")) {
      assertTrue(Files.isSameFile(kept.resolve(sideFile), elsewhere.resolve(sideFile)), sideFile + " is put back, not drawn again");
    }

    run(elsewhere, "--cacheDir=" + cache, "--csvTopTerms=7");
    assertTrue(reusedFrom(elsewhere).isEmpty(), "other options give other reports");
    run(reports, "--cacheDir=" + cache);
    assertTrue(reusedFrom(reports).isEmpty(), "the reports kept are those of the last run, which had other options");

    Files.writeString(reports.resolve("term_frequencies.csv"), "edited,in,place\n", StandardOpenOption.APPEND);
    run(tmp.resolve("third"), "--cacheDir=" + cache);
    assertTrue(reusedFrom(tmp.resolve("third")).isEmpty(), "a kept report changed in place is never reused");
    run(reports, "--cacheDir=" + cache);
    assertTrue(reusedFrom(reports).isPresent());
    assertSameReports(tmp.resolve("third"), reports);
    assertTrue(!first.equals(reusedFrom(reports).get()), "the reports of the latest run are the ones kept");
  }

  @Test
  void damagedOrForeignCacheFilesGiveAFreshAnalysisOrAClearMessage() throws Exception {
    assertEquals(4, rerunAndCompare());
    Path segments = onlyFolder(cache).resolve("segments");
    Files.writeString(onlyFolder(cache).resolve("notes.txt"), "not ours");
    Files.writeString(segments.resolve("foreign.members"), "not a segment");
    forgetLastReports();
    assertEquals(0, rerunAndCompare(), "foreign files are never read");

    Path members = anyFile(segments, ".members");
    byte[] bytes = Files.readAllBytes(members);
    Files.write(members, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    forgetLastReports();
    assertTrue(rerunAndCompare() > 0, "the documents of a truncated segment are analysed again");

    // Missing stored totals: the kept segments are summed instead, and the run stores new totals.
    forgetLastReports();
    OutputFolder.deleteRecursively(onlyFolder(cache).resolve("totals"));
    assertEquals(0, rerunAndCompare(), "without the stored totals nothing is analysed again");
    assertTrue(Files.isDirectory(onlyFolder(cache).resolve("totals")), "the run stores new totals");

    // Nothing changed, so the stored totals stand for every kept segment: a changed byte in one stops the run.
    forgetLastReports();
    byte[] documentsBefore = Files.readAllBytes(reports.resolve("documents.csv"));
    flipAByte(anyFile(onlyFolder(cache).resolve("totals"), ".bin"));
    assertDamagedCacheStopsTheRun(documentsBefore);

    // Without totals in the live list the kept segments' tables are read: a changed byte in one stops the run.
    Path live = onlyFolder(cache).resolve("live.txt");
    Files.write(live, Files.readAllLines(live).stream().filter(l -> !l.startsWith("totals-")).toList());
    flipAByte(anyFile(segments, ".tables"));
    assertDamagedCacheStopsTheRun(documentsBefore);
  }

  @Test
  void aRerunWithOnlyNewDocumentsSumsTheStoredTotalsNotTheKeptSegments() throws Exception {
    assertEquals(4, rerunAndCompare());
    // Damaged tables files would stop a run that reads them: with only new documents none is read.
    try (Stream<Path> files = Files.list(onlyFolder(cache).resolve("segments"))) {
      for (Path tables : files.filter(f -> f.toString().endsWith(".tables")).toList()) {
        flipAByte(tables);
      }
    }
    copySeed("004_1b6d78fd8a170e76.txt", "b/004.txt");
    assertEquals(1, rerunAndCompare(), "a new document");
    try (Stream<Path> files = Files.list(onlyFolder(cache).resolve("totals"))) {
      assertEquals(4, files.count(), "two totals files per outlet (tables; dated tables and postings), those of the last run only");
    }
  }

  @Test
  void removalsTakeDocumentsFromTheStoredTotalsAndAnOutletWithoutDocumentsLeaves() throws Exception {
    assertEquals(4, rerunAndCompare());
    Files.move(corpus.resolve("a/001.txt"), corpus.resolve("b/001.txt"));
    assertEquals(1, rerunAndCompare(), "a document moved to another outlet leaves the first and is analysed in the other");
    Files.delete(corpus.resolve("a/000.txt"));
    assertEquals(0, rerunAndCompare(), "outlet a's last document removed");
    assertTrue(PressLensRunTest.readCsv(reports.resolve("documents.csv")).stream().noneMatch(r -> r.get("outlet").equals("a")));
    try (Stream<Path> files = Files.list(onlyFolder(cache).resolve("totals"))) {
      assertEquals(2, files.count(), "the totals of outlet b only");
    }
    copySeed("000_26be9aed4aa0b5b3.txt", "a/000.txt");
    assertEquals(1, rerunAndCompare(), "outlet a back with a document");
  }

  @Test
  void aNewDocumentWithAnotherSpellingOfANameIsCountedUnderItAsAScratchRunCountsIt() throws Exception {
    assertEquals(4, rerunAndCompare());
    Files.writeString(corpus.resolve("a/006.txt"), "Moscow talks\n\nForeign Minister Sergey Lavrov met the envoys in Moscow "
        + "on Monday. The talks were about grain exports and shipping in the Black Sea.\n");
    assertEquals(1, rerunAndCompare(), "a new document");
    List<CSVRecord> variants = PressLensRunTest.readCsv(reports.resolve("entity_variants.csv"));
    assertEquals(List.of("Sergei Lavrov", "person", "gazetteer name", "Sergey Lavrov", "1", "1"),
        variants.stream().map(r -> List.of(r.get("entity"), r.get("type"), r.get("chosen_by"), r.get("variant"),
            r.get("variant_mentions"), r.get("variant_documents"))).findFirst().orElseThrow());
    assertTrue(PressLensRunTest.readCsv(reports.resolve("entities.csv")).stream().noneMatch(r -> r.get("entity").equals("Sergey Lavrov")));
    assertTrue(Files.readString(reports.resolve("report.html")).contains("Spellings counted as one entity: Sergey Lavrov as Sergei Lavrov."),
        "the HTML report names the merge");
  }

  private void assertDamagedCacheStopsTheRun(byte[] documentsBefore) throws IOException {
    Exception damaged = assertThrows(Exception.class, () -> run(reports, "--cacheDir=" + cache));
    String message = PressLens.failure(damaged); // what the command prints after "run failed: "
    assertTrue(message.startsWith("the cache file " + cache) && message.contains("is damaged")
        && message.contains("delete the cache folder " + onlyFolder(cache)) && message.endsWith(" or run without --cacheDir"), message);
    assertArrayEquals(documentsBefore, Files.readAllBytes(reports.resolve("documents.csv")), "the last reports stay");
  }

  private static void flipAByte(Path file) throws IOException {
    byte[] content = Files.readAllBytes(file);
    content[content.length / 2] ^= 0x55;
    Files.write(file, content);
  }

  /** Reruns with the cache and from scratch, compares them, and returns the documents the rerun analysed. */
  private long rerunAndCompare() throws Exception {
    run(reports, "--cacheDir=" + cache);
    Path scratch = tmp.resolve("scratch-" + scratchRuns++);
    run(scratch);
    List<String> compared = new ArrayList<>();
    try (Stream<Path> files = Files.list(scratch)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString();
        // The manifest and the HTML page name the run's time and parameters (the cache folder).
        if (name.equals("run_manifest.csv") || name.equals("report.html") || name.startsWith(".")) {
          continue;
        }
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(reports.resolve(name)), name);
        compared.add(name);
      }
    }
    assertEquals(16, compared.size(), compared.toString());
    DataTables.assertSame(scratch, reports);
    return Long.parseLong(PressLensRunTest.runValue(reports, "analysed")
        .orElseThrow(() -> new AssertionError("the manifest names the documents analysed")));
  }

  /** Removes the cache's pointer to the last run's reports, so that a rerun with nothing new goes through the segments. */
  private void forgetLastReports() throws IOException {
    Files.delete(onlyFolder(cache).resolve(LastReports.CURRENT));
  }

  /** The run whose reports the run that wrote {@code output} reused, from its manifest. */
  private static java.util.Optional<String> reusedFrom(Path output) throws IOException {
    return PressLensRunTest.runValue(output, "reports reused from run");
  }

  /** Every file but the manifest and report.html (they name the output folder) the same, byte for byte. */
  private static void assertSameReports(Path expected, Path actual) throws IOException {
    try (Stream<Path> walk = Files.walk(expected)) {
      List<Path> files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
          .filter(f -> !f.getFileName().toString().equals("run_manifest.csv"))
          .toList();
      assertTrue(files.size() > 11, files.toString());
      for (Path file : files) {
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(actual.resolve(expected.relativize(file))), file.toString());
      }
    }
  }

  private void run(Path output, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("--input=" + corpus, "--output=" + output));
    args.addAll(List.of(more));
    SeedRun.run(args.toArray(String[]::new));
  }

  private void copySeed(String seed, String to) throws IOException {
    Files.copy(SEEDS.resolve(seed), corpus.resolve(to));
  }

  private static Path onlyFolder(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  private static Path anyFile(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(suffix) && !f.getFileName().toString().startsWith("foreign"))
          .sorted().findFirst().orElseThrow();
    }
  }

  /** The files of a folder with their times of last change. */
  private static Map<Path, FileTime> modified(Path folder) throws IOException {
    Map<Path, FileTime> times = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        times.put(file, Files.getLastModifiedTime(file));
      }
    }
    return times;
  }
}
