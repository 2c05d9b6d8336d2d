package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimisingJvmTest {

  @Test
  void theChildGetsThisJvmsOptionsWithoutTheCompilerLimit() {
    String before = System.getProperty("spark.driver.maxResultSize");
    System.setProperty("spark.driver.maxResultSize", "2g");
    List<String> command;
    try {
      command = OptimisingJvm.command("/jdk/bin/java", List.of("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
              "-XX:TieredStopAtLevel=1", "-agentlib:jdwp=transport=dt_socket,server=y,address=8000", "-Xmx12g"),
          "a.jar:b.jar", new String[] {"--input=big.jsonl.gz", "--runner=SparkRunner"});
    } finally {
      if (before == null) {
        System.clearProperty("spark.driver.maxResultSize");
      } else {
        System.setProperty("spark.driver.maxResultSize", before);
      }
    }
    List<String> start = new ArrayList<>(List.of("/jdk/bin/java", OutOfMemory.EXIT_FLAG));
    start.addAll(OptimisingJvm.LATE_OPTIMISATION);
    start.addAll(List.of("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-Xmx12g"));
    assertEquals(start, command.subList(0, start.size()));
    List<String> end = List.of("-cp", "a.jar:b.jar", PressLens.class.getName(), "--input=big.jsonl.gz", "--runner=SparkRunner");
    assertEquals(end, command.subList(command.size() - end.size(), command.size()));
    assertTrue(command.contains("-Dspark.driver.maxResultSize=2g"), command.toString());
    assertTrue(command.stream().noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel")), command.toString());
    assertTrue(command.stream().noneMatch(option -> option.contains("jdwp")), command.toString());
  }

  @Test
  void compilerThresholdsGivenToMavenReplaceTheChildsDefaults() {
    List<String> command = OptimisingJvm.command("/jdk/bin/java",
        List.of("-XX:TieredStopAtLevel=1", "-XX:Tier4InvocationThreshold=7000"), "a.jar", new String[0]);
    assertEquals(List.of("/jdk/bin/java", OutOfMemory.EXIT_FLAG, "-XX:Tier4InvocationThreshold=7000", "-cp", "a.jar", PressLens.class.getName()),
        command.stream().filter(option -> !option.startsWith("-Dspark.")).toList());
  }

  @Test
  void theChildWritesTheSameReportsAndPassesOnItsExitCode(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    List<String> run = OptimisingJvm.command(new String[] {"--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + out})
        .orElseThrow(() -> new AssertionError("the test JVM's classpath was not found"));
    Path log = dir.resolve("child.log"); // not this JVM's own streams, which Surefire reads
    assertEquals(0, OptimisingJvm.run(new ProcessBuilder(run).redirectErrorStream(true).redirectOutput(log.toFile())));
    SeedRun.assertSameFilesAsDirectRun(out);
    assertTrue(Files.readString(log).contains("presslens: 5 documents"), Files.readString(log));

    List<String> bad = OptimisingJvm.command(new String[] {"--input=" + dir.resolve("missing"), "--output=" + out}).orElseThrow();
    assertEquals(2, OptimisingJvm.run(new ProcessBuilder(bad).redirectErrorStream(true).redirectOutput(log.toFile())));
    assertTrue(Files.readString(log).contains("no such folder"), Files.readString(log));
  }

  @Test
  void theChildEndsAtItsFirstOutOfMemoryErrorWithoutStackTraces(@TempDir Path dir) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> run = OptimisingJvm.command(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        List.of("-Xmx24m"), classpath, new String[] {"--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + dir.resolve("out")});
    Path log = dir.resolve("child.log");
    assertEquals(OutOfMemory.EXIT_CODE, OptimisingJvm.run(new ProcessBuilder(run).redirectErrorStream(true).redirectOutput(log.toFile())));
    String console = Files.readString(log);
    assertTrue(console.contains("Terminating due to java.lang.OutOfMemoryError"), console);
    assertTrue(console.lines().noneMatch(line -> line.strip().startsWith("at ")), console);
  }
}
