package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutOfMemoryTest {

  @Test
  void anOutOfMemoryErrorIsFoundBehindTheRunnersWrappers() {
    assertTrue(OutOfMemory.causedBy(new PipelineExecutionException(new RuntimeException(new OutOfMemoryError("Java heap space")))));
    assertTrue(OutOfMemory.causedBy(new OutOfMemoryError()));
    assertFalse(OutOfMemory.causedBy(new UncheckedIOException(new IOException("disk full"))));
  }

  @Test
  void anOutOfMemoryErrorBehindAnOptionsErrorEndsTheRunAsOutOfMemory() {
    // Beam wraps what fails while it serializes the options, an OutOfMemoryError too, in an IllegalArgumentException
    assertEquals(OutOfMemory.EXIT_CODE, PressLens.exitCode(new IllegalArgumentException(
        "PipelineOptions specified failed to serialize to JSON.", new RuntimeException(new OutOfMemoryError("Java heap space")))));
    assertEquals(2, PressLens.exitCode(new IllegalArgumentException("--minCount must be at least 1")));
    assertEquals(1, PressLens.exitCode(new IllegalStateException("disk full")));
  }

  @Test
  void theAdviceNamesTheHeapAndTwiceItInGigabytes() {
    String advice = OutOfMemory.advice(600L << 20);
    assertTrue(advice.contains("(600 MB)"), advice);
    assertTrue(advice.contains("MAVEN_OPTS=-Xmx2g"), advice); // 1.2 GB rounded up
    assertTrue(OutOfMemory.advice(6L << 30).contains("MAVEN_OPTS=-Xmx12g"), OutOfMemory.advice(6L << 30));
    assertTrue(advice.contains("--maxNgram=1"), advice);
  }

  @Test
  void aRunInMavensJvmThatRunsOutOfHeapEndsWithAdviceAndNoStackTrace(@TempDir Path dir) throws Exception {
    String console = run(dir, OutOfMemory.EXIT_CODE, "-Xmx80m", "--input=" + SeedRun.ROOT.resolve("seeds"));
    assertTrue(console.contains("presslens: out of memory: the Java heap (80 MB) is too small"), console);
    assertTrue(console.lines().noneMatch(line -> line.strip().startsWith("at ")), console);
  }

  /** Runs PressLens in a JVM of its own with this heap; asserts the exit code, returns the console. */
  private static String run(Path dir, int exitCode, String heap, String... args) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        heap, "-cp", classpath, PressLens.class.getName(), "--output=" + dir.resolve("out")));
    command.addAll(List.of(args));
    Path log = dir.resolve("console.log");
    int code = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
    String console = Files.readString(log);
    assertEquals(exitCode, code, console);
    return console;
  }
}
