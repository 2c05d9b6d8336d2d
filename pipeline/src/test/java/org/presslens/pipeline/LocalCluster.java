package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import java.util.stream.Stream;

/**
 * The processes of a cluster on localhost that a test starts (each a JVM of its own, its output
 * in {@code <name>.log} in the work folder), and what the cluster tests check: every process is
 * stopped by {@link #stopAll}, also when a test fails.
 */
final class LocalCluster {

  private final Path work;
  private final List<String> javaOptions;
  private final List<Process> started = new ArrayList<>();

  /** @param javaOptions options of every JVM started (module opens, heap) */
  LocalCluster(Path work, List<String> javaOptions) {
    this.work = work;
    this.javaOptions = javaOptions.stream().filter(o -> !o.isBlank()).toList();
  }

  /** Starts {@code java <options> <jvmArgs> -cp classpath mainClass args}, output to {@code <name>.log}. */
  Process start(String name, Map<String, String> env, List<String> jvmArgs, String classpath, String mainClass,
      List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(javaOptions);
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", classpath, mainClass));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile(name).toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    started.add(process);
    return process;
  }

  /** Stops every process started, and the processes they started. */
  void stopAll() {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  Path logFile(String name) {
    return work.resolve(name + ".log");
  }

  /** The output of a process so far. */
  String log(String name) {
    try {
      return Files.readString(logFile(name));
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** Waits until the log of {@code name} holds {@code text} {@code times} times. */
  void awaitLine(String name, String text, int times) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (occurrences(name, text) >= times) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + ".log never said \"" + text + "\":\n" + log(name));
  }

  int occurrences(String name, String text) throws IOException {
    Path log = logFile(name);
    return Files.exists(log) ? Files.readString(log).split(Pattern.quote(text), -1).length - 1 : 0;
  }

  /** Submits a job to the cluster: a process named {@code name} running PressLens with {@code args}. */
  interface Submit {
    Process submit(String name, String... args) throws IOException;
  }

  /** The seeds on the cluster give the direct runner's reports and full-detail tables. */
  void assertSeedsAsDirectRun(Submit submit) throws Exception {
    Path out = work.resolve("seeds-out");
    assertEquals(0, submit.submit("seeds", "--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + out).waitFor(),
        log("seeds"));
    SeedRun.assertSameFilesAsDirectRun(out);
  }

  /**
   * The Reuters sample of {@code ../shared/corpora} (skipped when it is not beside the project) on
   * the cluster gives the direct runner's reports.
   */
  void assertSharedCorpusAsDirectRun(Submit submit) throws Exception {
    Path corpus = SeedRun.ROOT.resolve("../shared/corpora/reuters_tm_acq_crude.jsonl.gz");
    Assumptions.assumeTrue(Files.exists(corpus), "../shared is not beside the project");
    List<String> args = List.of("--input=" + corpus, "--groupField=topic", "--dateField=datetime", "--titleField=heading");
    Path direct = work.resolve("reuters-direct");
    List<String> directArgs = new ArrayList<>(args);
    directArgs.add("--output=" + direct);
    SeedRun.run(directArgs.toArray(String[]::new));
    Path out = work.resolve("reuters-cluster");
    List<String> clusterArgs = new ArrayList<>(args);
    clusterArgs.add("--output=" + out);
    assertEquals(0, submit.submit("reuters", clusterArgs.toArray(String[]::new)).waitFor(), log("reuters"));
    assertSameReports(direct, out);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The jars listed in files of {@code dependency:build-classpath} (the files separated by ':'). */
  static List<Path> jars(String listFiles) throws IOException {
    List<Path> jars = new ArrayList<>();
    for (String list : listFiles.split(":")) {
      for (String jar : Files.readString(Path.of(list)).strip().split(":")) {
        if (!jar.isBlank()) {
          jars.add(Path.of(jar));
        }
      }
    }
    return jars;
  }

  /** Every report file of {@code expected} (not the manifest, which holds times) is byte for byte in {@code actual}. */
  private static void assertSameReports(Path expected, Path actual) throws IOException {
    try (Stream<Path> files = Files.list(expected)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (!name.equals("run_manifest.csv") && !name.startsWith(".")) {
          assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(actual.resolve(name)), name);
        }
      }
    }
  }
}
