package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster jar ({@code mvn -Pspark-cluster verify} builds {@code presslens-spark.jar} first) on
 * a real Spark standalone cluster on localhost: a master and two workers, each a JVM of its own
 * started from Spark's jars as a distribution holds them, the job submitted with SparkSubmit as
 * {@code spark-submit} does. The reports must be the direct runner's, also when a worker is killed
 * while the job runs. Every process started here is stopped, also when a test fails.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class SparkClusterIT {

  private static final Path JAR = Path.of(System.getProperty("presslens.sparkJar", "target/presslens-spark.jar"));
  /** Files listing Spark's jars (as a distribution's jars folder holds them), separated by ':'. */
  private static final String SPARK_CLASSPATH = System.getProperty("presslens.sparkClasspath",
      "target/spark-classpath.txt:target/spark-classpath-runtime.txt");
  private static final List<String> OPENS = List.of(System.getProperty("presslens.javaOpens", "").split(" "));

  @TempDir static Path work;
  private static final List<Process> started = new ArrayList<>();
  private static Path sparkHome;
  private static String master;
  private static Process firstWorker;

  @BeforeAll
  static void startCluster() throws Exception {
    sparkHome = work.resolve("spark");
    Files.createDirectories(sparkHome.resolve("jars"));
    for (String list : SPARK_CLASSPATH.split(":")) {
      for (String jar : Files.readString(Path.of(list)).strip().split(":")) {
        Path link = sparkHome.resolve("jars").resolve(Path.of(jar).getFileName());
        if (!jar.isBlank() && !Files.exists(link)) {
          Files.createSymbolicLink(link, Path.of(jar));
        }
      }
    }
    int port = freePort();
    master = "spark://127.0.0.1:" + port;
    start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(port),
        "--webui-port", Integer.toString(freePort()));
    awaitLine(work.resolve("master.log"), "I have been elected leader");
    firstWorker = start("worker-1", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
        "--memory", "2g", "--webui-port", Integer.toString(freePort()), master);
    start("worker-2", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
        "--memory", "2g", "--webui-port", Integer.toString(freePort()), master);
    awaitLine(work.resolve("worker-1.log"), "Successfully registered with master");
    awaitLine(work.resolve("worker-2.log"), "Successfully registered with master");
  }

  @AfterAll
  static void stopCluster() {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly); // the executors the workers started
      p.destroyForcibly();
    }
  }

  @Test
  void theSeedsOnTheClusterGiveTheDirectRunnersReports() throws Exception {
    Path out = work.resolve("seeds-out");
    assertEquals(0, submit("seeds", "--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + out).waitFor(),
        log("seeds"));
    SeedRun.assertSameFilesAsDirectRun(out);
  }

  @Test
  void aSharedCorpusOnTheClusterGivesTheDirectRunnersReports() throws Exception {
    Path corpus = SeedRun.ROOT.resolve("../shared/corpora/reuters_tm_acq_crude.jsonl.gz");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(corpus), "../shared is not beside the project");
    List<String> args = List.of("--input=" + corpus, "--groupField=topic", "--dateField=datetime", "--titleField=heading");
    Path direct = work.resolve("reuters-direct");
    List<String> directArgs = new ArrayList<>(args);
    directArgs.add("--output=" + direct);
    SeedRun.run(directArgs.toArray(String[]::new));
    Path out = work.resolve("reuters-cluster");
    List<String> clusterArgs = new ArrayList<>(args);
    clusterArgs.add("--output=" + out);
    assertEquals(0, submit("reuters", clusterArgs.toArray(String[]::new)).waitFor(), log("reuters"));
    assertSameReports(direct, out);
  }

  /** Runs last (by name): the cluster keeps one worker. */
  @Test
  void zKilledWorkerTheJobCompletesWithTheSameReports() throws Exception {
    Path out = work.resolve("fault-out");
    String launch = "Asked to launch executor";
    int before = occurrences(work.resolve("worker-1.log"), launch);
    Process job = submit("fault", "--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + out);
    awaitLine(work.resolve("worker-1.log"), launch, before + 1);
    Thread.sleep(15_000); // the executor is at work on the first stage's tasks
    firstWorker.descendants().forEach(ProcessHandle::destroyForcibly);
    firstWorker.destroyForcibly().waitFor();
    assertEquals(0, job.waitFor(), log("fault"));
    assertTrue(Pattern.compile("(?i)lost executor|executor .* removed|lost task").matcher(log("fault")).find(),
        "the driver saw the executor go while the job ran:\n" + log("fault"));
    SeedRun.assertSameFilesAsDirectRun(out);
  }

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

  /** Submits the cluster jar in client mode, as {@code spark-submit --master spark://... --class ...} does. */
  private static Process submit(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", master,
        "--class", PressLens.class.getName(), "--conf", "spark.executor.memory=1g", "--conf", "spark.ui.enabled=false",
        JAR.toAbsolutePath().toString(), "--runner=SparkRunner", "--sparkMaster=" + master));
    command.addAll(List.of(args));
    return start(name, command.get(0), command.subList(1, command.size()).toArray(String[]::new));
  }

  private static Process start(String name, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    OPENS.stream().filter(o -> !o.isBlank()).forEach(command::add);
    command.addAll(List.of("-Xmx1g", "-cp", sparkHome.resolve("jars") + "/*", mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve(name + ".log").toFile());
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.12");
    Process process = builder.start();
    started.add(process);
    return process;
  }

  private static void awaitLine(Path log, String text) throws Exception {
    awaitLine(log, text, 1);
  }

  /** Waits until the log holds {@code text} {@code times} times. */
  private static void awaitLine(Path log, String text, int times) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (occurrences(log, text) >= times) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(log.getFileName() + " never said \"" + text + "\":\n" + Files.readString(log));
  }

  private static int occurrences(Path log, String text) throws IOException {
    return Files.exists(log) ? Files.readString(log).split(Pattern.quote(text), -1).length - 1 : 0;
  }

  private static String log(String name) {
    try {
      return Files.readString(work.resolve(name + ".log"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
