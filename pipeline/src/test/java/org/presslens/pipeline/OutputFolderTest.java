package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

  private static final Path ROOT = Path.of(System.getProperty("presslens.root", ".."));

  @TempDir Path dir;

  @Test
  void stagedFilesReplaceTheOldOnesOnlyOnCommit() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("documents.csv"), "old");
    try (OutputFolder folder = OutputFolder.open(out)) {
      Files.writeString(folder.staging().resolve("documents.csv"), "new");
      assertEquals("old", Files.readString(out.resolve("documents.csv")));
      folder.commit();
    }
    assertEquals("new", Files.readString(out.resolve("documents.csv")));
    assertFalse(Files.exists(dir.resolve(".out.staging")), "staging is removed");
  }

  @Test
  void aSecondRunOnTheSameFolderIsRefused() throws IOException {
    Path out = dir.resolve("out");
    try (OutputFolder first = OutputFolder.open(out)) {
      OutputFolder.OutputBusyException e = assertThrows(OutputFolder.OutputBusyException.class, () -> OutputFolder.open(out));
      assertTrue(e.getMessage().contains("another PressLens run is writing to"), e.getMessage());
    }
    OutputFolder.open(out).close(); // free again once the first run is done
  }

  @Test
  void aKilledRunLeavesThePreviousReportsUnchanged() throws Exception {
    Path out = dir.resolve("out");
    PressLensOptions options = PressLensRunTest.options("--input=" + ROOT.resolve("seeds"), "--output=" + out);
    PressLens.run(options, RunSetup.from(options));
    Map<String, byte[]> before = contents(out);
    assertTrue(before.containsKey("term_frequencies.csv"));

    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, PressLens.class.getName(), "--input=" + ROOT.resolve("seeds"), "--output=" + out,
        "--minCount=2"));
    Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
    Path staging = dir.resolve(".out.staging");
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
    PressLens.run(options, RunSetup.from(options));
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
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        contents.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    return contents;
  }

}
