package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

  private static final Path ROOT = Path.of(System.getProperty("presslens.root", ".."));

  private static final Set<String> WRITES = ReportPipeline.outputNames();

  @TempDir Path dir;

  @Test
  void anOutputFolderThatIsOrHoldsTheInputIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path corpus = copyOfSeeds();
    Map<String, byte[]> before = contents(corpus);
    for (String output : List.of(corpus.toString(), corpus.resolve("reports").toString(), corpus.getParent().toString(),
        corpus.resolve("../" + corpus.getFileName()).toString())) {
      UsageException e = assertThrows(UsageException.class, () -> setup("--input=" + corpus, "--output=" + output));
      assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }
    Path link = Files.createSymbolicLink(dir.resolve("link"), corpus);
    assertThrows(UsageException.class, () -> setup("--input=" + corpus, "--output=" + link));
    assertEquals(before.keySet(), contents(corpus).keySet(), "no reports folder was created in the corpus");

    Path csv = dir.resolve("d/documents.csv");
    Files.createDirectories(csv.getParent());
    Files.writeString(csv, "doc_id,text\na,Some words here.\n");
    assertThrows(UsageException.class, () -> setup("--input=" + csv, "--output=" + csv.getParent()));
    assertThrows(UsageException.class, () -> setup("--input=" + dir.resolve("d/*.csv"), "--output=" + csv.getParent()));
    assertThrows(UsageException.class, () -> setup("--input=" + dir.resolve("d/**.csv"), "--output=" + dir.resolve("d/out")));
    assertEquals("doc_id,text\na,Some words here.\n", Files.readString(csv));
    // A single file or a one-level glob in a folder beside the reports is fine.
    setup("--input=" + csv, "--output=" + dir.resolve("d/out"));
    setup("--input=" + dir.resolve("d/*.csv"), "--output=" + dir.resolve("d/out"));
  }

  @Test
  void aCacheFolderInTheInputOrSharingTheReportsFolderIsRefusedBeforeItIsCreated() throws IOException {
    Path corpus = copyOfSeeds();
    Path out = dir.resolve("out");
    Path cacheInCorpus = corpus.resolve("cache");
    UsageException inInput = assertThrows(UsageException.class,
        () -> setup("--input=" + corpus, "--output=" + out, "--cacheDir=" + cacheInCorpus));
    assertTrue(inInput.getMessage().startsWith("--cacheDir " + cacheInCorpus + " and --input"), inInput.getMessage());
    assertFalse(Files.exists(cacheInCorpus), "the cache folder was not created in the corpus");
    assertThrows(UsageException.class, () -> setup("--input=" + corpus, "--output=" + out, "--cacheDir=" + dir));
    for (Path cache : List.of(out, out.resolve("cache"))) {
      UsageException e = assertThrows(UsageException.class,
          () -> setup("--input=" + corpus, "--output=" + out, "--cacheDir=" + cache));
      assertTrue(e.getMessage().contains("--output " + out + " overlap"), e.getMessage());
    }
    assertFalse(Files.exists(out.resolve("cache")), "no cache folder was created in the reports folder");
    assertEquals(dir.resolve("cache").toString(),
        setup("--input=" + corpus, "--output=" + out, "--cacheDir=" + dir.resolve("cache")).cacheDir());
    assertTrue(Files.isDirectory(dir.resolve("cache")), "a cache folder apart from both is created");
  }

  @Test
  void anEmptyOutputOptionIsRefused() {
    UsageException e = assertThrows(UsageException.class,
        () -> setup("--input=" + ROOT.resolve("seeds"), "--output="));
    assertTrue(e.getMessage().startsWith("--output is empty"), e.getMessage());
  }

  @Test
  void aFolderWithFilesPressLensDidNotWriteIsRefusedAndLeftAsItWas() throws IOException {
    Path out = dir.resolve("project");
    Files.createDirectories(out);
    Files.writeString(out.resolve("README.md"), "the user's own readme");
    UsageException e = assertThrows(UsageException.class, () -> run("--output=" + out));
    assertTrue(e.getMessage().contains("README.md"), e.getMessage());
    e = assertThrows(UsageException.class, () -> run("--output=" + out, "--allowOtherFiles=true"));
    assertTrue(e.getMessage().contains("would replace"), "a file with a report's name is never replaced: " + e.getMessage());
    assertEquals("the user's own readme", Files.readString(out.resolve("README.md")));
    assertEquals(List.of("README.md"), names(out), "nothing was written");

    Path notes = dir.resolve("notes");
    Files.createDirectories(notes);
    Files.writeString(notes.resolve("notes.txt"), "mine");
    assertThrows(UsageException.class, () -> run("--output=" + notes));
    run("--output=" + notes, "--allowOtherFiles=true");
    assertEquals("mine", Files.readString(notes.resolve("notes.txt")));
    assertTrue(Files.exists(notes.resolve("documents.csv")));
    run("--output=" + notes, "--allowOtherFiles=true"); // the reports are its own now; notes.txt still is not
    assertEquals("mine", Files.readString(notes.resolve("notes.txt")));
  }

  @Test
  void aRerunRemovesTheReportsItNoLongerWrites() throws IOException {
    Path out = dir.resolve("out");
    run("--output=" + out);
    assertTrue(Files.exists(out.resolve("entities.csv")));
    assertTrue(Files.exists(out.resolve("entity_cooccurrence.graphml")));
    run("--output=" + out, "--entities=false");
    List<String> files = names(out);
    assertFalse(files.contains("entities.csv"), files.toString());
    assertFalse(files.contains("entity_cooccurrence.csv"), files.toString());
    assertFalse(files.contains("entity_cooccurrence.graphml"), files.toString());
    assertTrue(files.contains("term_frequencies.csv"), files.toString());
    List<String> owned = Files.readAllLines(out.resolve(OutputFolder.OWNED_FILE)).stream()
        .filter(l -> !l.startsWith("#")).toList();
    assertEquals(files, owned, "the ownership list names exactly the run's files");
  }

  @Test
  void anOutputFolderOnAnotherFilesystemThanItsParentIsCommitted() throws IOException {
    Path shm = Path.of("/dev/shm");
    assumeTrue(Files.isDirectory(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(dir)),
        "needs /dev/shm on a filesystem of its own");
    Path elsewhere = Files.createTempDirectory(shm, "presslens-out");
    try {
      Path link = Files.createSymbolicLink(dir.resolve("out"), elsewhere);
      try (OutputFolder folder = OutputFolder.open(link, WRITES, false)) {
        Files.writeString(folder.staging().resolve("documents.csv"), "new");
        folder.commit(Set.of());
      }
      assertEquals("new", Files.readString(elsewhere.resolve("documents.csv")));
    } finally {
      try (Stream<Path> paths = Files.walk(elsewhere)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static RunConfig setup(String... args) {
    return RunConfig.from(PressLensRunTest.options(args));
  }

  private static void run(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(0, "--input=" + ROOT.resolve("seeds"));
    PressLensOptions options = PressLensRunTest.options(all.toArray(String[]::new));
    ReportRun.run(options, RunConfig.from(options));
  }

  private Path copyOfSeeds() throws IOException {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    try (Stream<Path> seeds = Files.list(ROOT.resolve("seeds"))) {
      for (Path seed : seeds.toList()) {
        Files.copy(seed, corpus.resolve(seed.getFileName()));
      }
    }
    return corpus;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  @Test
  void stagedFilesReplaceTheOldOnesOnlyOnCommit() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("documents.csv"), "old");
    Files.createFile(out.resolve(OutputFolder.LOCK_FILE)); // a folder an earlier run wrote
    try (OutputFolder folder = OutputFolder.open(out, WRITES, false)) {
      Files.writeString(folder.staging().resolve("documents.csv"), "new");
      assertEquals("old", Files.readString(out.resolve("documents.csv")));
      folder.commit(Set.of());
    }
    assertEquals("new", Files.readString(out.resolve("documents.csv")));
    assertFalse(Files.exists(out.resolve(OutputFolder.STAGING)), "staging is removed");
  }

  @Test
  void aSecondRunOnTheSameFolderIsRefused() throws IOException {
    Path out = dir.resolve("out");
    try (OutputFolder first = OutputFolder.open(out, WRITES, false)) {
      FolderLock.BusyException e = assertThrows(FolderLock.BusyException.class,
          () -> OutputFolder.open(out, WRITES, false));
      assertTrue(e.getMessage().contains("another PressLens run is writing to"), e.getMessage());
    }
    OutputFolder.open(out, WRITES, false).close(); // free again once the first run is done
  }

  @Test
  void aRunIsRefusedWhileAnotherUsesTheSameCacheFolder() throws IOException {
    Path cache = dir.resolve("cache");
    PressLensOptions options = PressLensRunTest.options("--input=" + ROOT.resolve("seeds"), "--output=" + dir.resolve("b"),
        "--cacheDir=" + cache);
    try (FolderLock other = FolderLock.take(cache, "held by the test")) {
      FolderLock.BusyException e = assertThrows(FolderLock.BusyException.class,
          () -> ReportRun.run(options, RunConfig.from(options)));
      assertEquals("another PressLens run is using the cache folder " + cache + "; try again when it has finished",
          e.getMessage());
    }
    assertFalse(Files.exists(dir.resolve("b").resolve("documents.csv")), "the refused run wrote no report");
  }

  @Test
  void aKilledRunLeavesThePreviousReportsUnchanged() throws Exception {
    Path out = dir.resolve("out");
    PressLensOptions options = PressLensRunTest.options("--input=" + ROOT.resolve("seeds"), "--output=" + out);
    ReportRun.run(options, RunConfig.from(options));
    Map<String, byte[]> before = contents(out);
    assertTrue(before.containsKey("term_frequencies.csv"));

    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, PressLens.class.getName(), "--input=" + ROOT.resolve("seeds"), "--output=" + out,
        "--minCount=2"));
    Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
    Path staging = out.resolve(OutputFolder.STAGING);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && run.isAlive() && !hasFiles(staging)) {
      Thread.sleep(20);
    }
    assertTrue(run.isAlive(), "the run ended before it could be killed: " + Files.readString(dir.resolve("run.log")));
    assertTrue(hasFiles(staging), "the run had staged new reports before it was killed");
    run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    Map<String, byte[]> after = contents(out);
    assertEquals(before.keySet(), after.keySet());
    for (String file : before.keySet()) {
      assertArrayEquals(before.get(file), after.get(file), file);
    }
    // The next run cleans up what the killed one left and succeeds.
    ReportRun.run(options, RunConfig.from(options));
    assertArrayEquals(before.get("documents.csv"), Files.readAllBytes(out.resolve("documents.csv")));
  }

  private static boolean hasFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.findAny().isPresent();
    }
  }

  private static Map<String, byte[]> contents(Path folder) throws IOException {
    Map<String, byte[]> contents = new HashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".") && Files.isRegularFile(f)).toList()) {
        contents.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    return contents;
  }

}
