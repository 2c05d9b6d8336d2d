package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster jar ({@code mvn -Pflink-cluster verify} builds {@code presslens-flink.jar} first) on
 * a real Flink session cluster on localhost: a JobManager and two TaskManagers, each a JVM of its
 * own started from Flink's jars with the entry points and memory settings that Flink's own
 * start scripts use, the job submitted with Flink's command-line client as {@code flink run -c}
 * does. The reports must be the direct runner's, also when a TaskManager is killed while the job
 * runs. Every process started here is stopped, also when a test fails.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class FlinkClusterIT {

  private static final Path JAR = Path.of(System.getProperty("presslens.flinkJar", "target/presslens-flink.jar"));
  /** A file listing Flink's jars, as a distribution's lib folder holds them. */
  private static final String FLINK_CLASSPATH = System.getProperty("presslens.flinkClasspath", "target/flink-classpath.txt");
  private static final List<String> OPENS = List.of(System.getProperty("presslens.javaOpens", "").split(" "));
  private static final String RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";

  @TempDir static Path work;
  private static LocalCluster cluster;
  private static String classpath;
  private static Path conf;
  private static int restPort;
  private static Process firstTaskManager;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new LocalCluster(work, OPENS);
    classpath = LocalCluster.jars(FLINK_CLASSPATH).stream().map(Path::toString).collect(Collectors.joining(":"));
    conf = Files.createDirectories(work.resolve("conf"));
    restPort = LocalCluster.freePort();
    Files.writeString(conf.resolve("flink-conf.yaml"), String.join("\n",
        "jobmanager.rpc.address: localhost",
        "jobmanager.rpc.port: " + LocalCluster.freePort(),
        "jobmanager.bind-host: localhost",
        "rest.address: localhost",
        "rest.bind-address: localhost",
        "rest.port: " + restPort,
        "taskmanager.bind-host: localhost",
        "taskmanager.host: localhost",
        "taskmanager.numberOfTaskSlots: 2",
        "taskmanager.memory.process.size: 3584m",
        "taskmanager.memory.managed.fraction: 0.2",
        // both subtasks of every operator on one TaskManager after the other is lost
        "taskmanager.memory.network.min: 768mb",
        "taskmanager.memory.network.max: 768mb",
        "jobmanager.memory.process.size: 1024m",
        "parallelism.default: 2",
        // the TaskManagers' working files under the test's folder, deleted with it, not in /tmp
        "io.tmp.dirs: " + Files.createDirectories(work.resolve("flink-tmp")),
        "cluster.evenly-spread-out-slots: true",
        // a batch job restarts when a TaskManager is lost (without checkpoints Flink would not);
        // the attempts outlast the heartbeat timeout: until it, the JobManager still offers the
        // lost TaskManager's slots, and every attempt deployed there fails at once
        "restart-strategy.type: fixed-delay",
        "restart-strategy.fixed-delay.attempts: 10",
        "restart-strategy.fixed-delay.delay: 2 s",
        "heartbeat.interval: 2000",
        "heartbeat.timeout: 10000",
        "") );
    cluster.start("jobmanager", Map.of(), List.of("-Xmx768m"), classpath,
        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", List.of("--configDir", conf.toString()));
    List<String> resources = taskManagerResources();
    List<String> jvm = Arrays.asList(resources.get(0).split(" "));
    List<String> dynamic = new ArrayList<>(List.of("--configDir", conf.toString()));
    dynamic.addAll(Arrays.asList(resources.get(1).split(" ")));
    firstTaskManager = cluster.start("taskmanager-1", Map.of(), jvm, classpath,
        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", dynamic);
    cluster.start("taskmanager-2", Map.of(), jvm, classpath, "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", dynamic);
    awaitRest("/overview", "\"taskmanagers\":2");
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.stopAll();
    }
  }

  @Test
  void theSeedsOnTheClusterGiveTheDirectRunnersReports() throws Exception {
    cluster.assertSeedsAsDirectRun(FlinkClusterIT::submit);
    assertTrue(rest("/jobs/overview").contains("\"state\":\"FINISHED\""), "the job ran on the cluster");
  }

  @Test
  void aSharedCorpusOnTheClusterGivesTheDirectRunnersReports() throws Exception {
    cluster.assertSharedCorpusAsDirectRun(FlinkClusterIT::submit);
  }

  /** Runs last (by name): the cluster keeps one TaskManager, whose two slots take the restarted job. */
  @Test
  void zKilledTaskManagerTheJobRestartsWithTheSameReports() throws Exception {
    Path out = work.resolve("fault-out");
    int running = Pattern.compile("\"state\":\"RUNNING\"").matcher(rest("/jobs/overview")).results().mapToInt(m -> 1).sum();
    Process job = submit("fault", "--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + out);
    awaitRest("/jobs/overview", "\"state\":\"RUNNING\"", running + 1);
    Thread.sleep(5_000); // the tasks are at work
    firstTaskManager.destroyForcibly().waitFor();
    assertEquals(0, job.waitFor(), cluster.log("fault"));
    assertTrue(cluster.log("jobmanager").contains("to RESTARTING"), "the job restarted after the loss:\n"
        + cluster.log("jobmanager"));
    SeedRun.assertSameFilesAsDirectRun(out);
  }

  /** The JVM options and dynamic settings Flink's start scripts compute for a TaskManager. */
  private static List<String> taskManagerResources() throws Exception {
    Process utils = cluster.start("resources", Map.of(), List.of(), classpath,
        "org.apache.flink.runtime.util.bash.BashJavaUtils", List.of("GET_TM_RESOURCE_PARAMS", "--configDir", conf.toString()));
    assertEquals(0, utils.waitFor(), cluster.log("resources"));
    List<String> results = cluster.log("resources").lines().filter(l -> l.startsWith(RESULT))
        .map(l -> l.substring(RESULT.length()).strip()).toList();
    assertEquals(2, results.size(), cluster.log("resources"));
    return results;
  }

  /** Submits the cluster jar as {@code flink run -c PressLens presslens-flink.jar ...} does. */
  private static Process submit(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("run", "-c", PressLens.class.getName(), JAR.toAbsolutePath().toString(),
        "--runner=FlinkRunner", "--fasterCopy=true"));
    command.addAll(List.of(args));
    return cluster.start(name, Map.of("FLINK_CONF_DIR", conf.toString()), List.of("-Xmx1g"), classpath,
        "org.apache.flink.client.cli.CliFrontend", command);
  }

  private static String rest(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + path))
        .timeout(Duration.ofSeconds(5)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void awaitRest(String path, String text) throws Exception {
    awaitRest(path, text, 1);
  }

  /** Waits until the REST answer at {@code path} holds {@code text} {@code times} times. */
  private static void awaitRest(String path, String text, int times) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      try {
        last = rest(path);
        if (last.split(Pattern.quote(text), -1).length - 1 >= times) {
          return;
        }
      } catch (IOException e) {
        last = e.toString(); // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(path + " never held " + text + " " + times + " times: " + last + "\n"
        + cluster.log("jobmanager"));
  }
}
