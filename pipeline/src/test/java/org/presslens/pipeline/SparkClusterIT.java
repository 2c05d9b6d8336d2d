package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
  private static LocalCluster cluster;
  private static Path sparkHome;
  private static String master;
  private static Process firstWorker;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new LocalCluster(work, OPENS);
    sparkHome = work.resolve("spark");
    Files.createDirectories(sparkHome.resolve("jars"));
    for (Path jar : LocalCluster.jars(SPARK_CLASSPATH)) {
      Path link = sparkHome.resolve("jars").resolve(jar.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, jar);
      }
    }
    int port = LocalCluster.freePort();
    master = "spark://127.0.0.1:" + port;
    start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(port),
        "--webui-port", Integer.toString(LocalCluster.freePort()));
    cluster.awaitLine("master", "I have been elected leader", 1);
    firstWorker = start("worker-1", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
        "--memory", "2g", "--webui-port", Integer.toString(LocalCluster.freePort()), master);
    start("worker-2", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
        "--memory", "2g", "--webui-port", Integer.toString(LocalCluster.freePort()), master);
    cluster.awaitLine("worker-1", "Successfully registered with master", 1);
    cluster.awaitLine("worker-2", "Successfully registered with master", 1);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.stopAll(); // with the executors the workers started
    }
  }

  @Test
  void theSeedsOnTheClusterGiveTheDirectRunnersReports() throws Exception {
    cluster.assertSeedsAsDirectRun(SparkClusterIT::submit);
  }

  @Test
  void aSharedCorpusOnTheClusterGivesTheDirectRunnersReports() throws Exception {
    cluster.assertSharedCorpusAsDirectRun(SparkClusterIT::submit);
  }

  /** Runs last (by name): the cluster keeps one worker. */
  @Test
  void zKilledWorkerTheJobCompletesWithTheSameReports() throws Exception {
    Path out = work.resolve("fault-out");
    String launch = "Asked to launch executor";
    int before = cluster.occurrences("worker-1", launch);
    Process job = submit("fault", "--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + out);
    cluster.awaitLine("worker-1", launch, before + 1);
    // The first job (a side input) is done: its shuffle outputs on the worker's executor are lost
    // with it, and the job's later stages make Spark compute them again.
    cluster.awaitLine("fault", "Job 0 finished", 1);
    firstWorker.descendants().forEach(ProcessHandle::destroyForcibly);
    firstWorker.destroyForcibly().waitFor();
    assertEquals(0, job.waitFor(), cluster.log("fault"));
    assertTrue(Pattern.compile("(?i)lost executor|executor .* removed|lost task").matcher(cluster.log("fault")).find(),
        "the driver saw the executor go while the job ran:\n" + cluster.log("fault"));
    SeedRun.assertSameFilesAsDirectRun(out);
    // tasks run twice must not count twice: the manifest's rows and counts are the direct run's
    assertEquals(countedLines(SeedRun.output()), countedLines(out), "run_manifest.csv");
  }

  /** The manifest's lines but for those that name the run's time, output folder and runner. */
  private static List<String> countedLines(Path folder) throws IOException {
    return Files.readAllLines(folder.resolve("run_manifest.csv")).stream()
        .filter(line -> !line.matches("run,(started|finished|seconds),.*|parameter,(output|runner),.*")).toList();
  }

  /** Submits the cluster jar in client mode, as {@code spark-submit --master spark://... --class ...} does. */
  private static Process submit(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("--master", master,
        "--class", PressLens.class.getName(), "--conf", "spark.executor.memory=1g", "--conf", "spark.ui.enabled=false",
        JAR.toAbsolutePath().toString(), "--runner=SparkRunner", "--sparkMaster=" + master));
    command.addAll(List.of(args));
    return start(name, "org.apache.spark.deploy.SparkSubmit", command.toArray(String[]::new));
  }

  private static Process start(String name, String mainClass, String... args) throws IOException {
    return cluster.start(name, Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.12"),
        List.of("-Xmx1g"), sparkHome.resolve("jars") + "/*", mainClass, List.of(args));
  }
}
