package org.presslens.pipeline;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs a Spark run in a child JVM that has HotSpot's optimising compiler. Maven's JVM, in which
 * the README command runs PressLens, has only the quick compiler ({@code -XX:TieredStopAtLevel=1}
 * in {@code .mvn/jvm.config}): a short run such as the seeds then needs half the CPU, because the
 * optimising compiler would spend more time compiling Maven's, Beam's and OpenNLP's code than the
 * run takes. A long run is the other way round (docs/BENCHMARKS.md: the 4x benchmark corpus took
 * 600.7 s with the quick compiler only), so a run on Spark (a large input, or {@code --runner}
 * given) gets a JVM of its own: the same JVM options without the limit, the same classpath and
 * arguments.
 *
 * <p>The child's optimising compiler starts later than HotSpot's default ({@link #LATE_OPTIMISATION}):
 * with the default thresholds it compiled about 3,000 methods of a 1x benchmark run, 41 s of CPU
 * on a 2-core machine, most of them run too rarely to pay back. Ten times the thresholds leave the
 * hot loops (name finders, tokenizer, coders) optimised and took 10-13 % less CPU and 5-9 % less
 * wall time (docs/BENCHMARKS.md, seventh session). It also ends at its first OutOfMemoryError
 * ({@link OutOfMemory#EXIT_FLAG}), which its parent reports with advice.
 */
final class OptimisingJvm {

  private static final String LIMIT_FLAG = "-XX:TieredStopAtLevel";

  /**
   * Ten times HotSpot's thresholds for the move from profiled quick code to optimised code; the
   * Flink and Spark profiles pass the same ({@code presslens.jvmArgs} in pipeline/pom.xml).
   */
  static final List<String> LATE_OPTIMISATION = List.of("-XX:Tier4InvocationThreshold=50000",
      "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");

  private OptimisingJvm() {}

  /**
   * Runs PressLens with these arguments in a child JVM when this one has the quick compiler only
   * and its classpath is known; returns the child's exit code, or empty when nothing was run.
   */
  static OptionalInt runIfQuickCompilerOnly(String[] args) throws IOException, InterruptedException {
    Optional<List<String>> command = quickCompilerOnly() ? command(args) : Optional.empty();
    return command.isPresent() ? OptionalInt.of(run(command.get())) : OptionalInt.empty();
  }

  /** True when this JVM compiles with the quick compiler only. */
  static boolean quickCompilerOnly() {
    try {
      HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return Integer.parseInt(hotSpot.getVMOption("TieredStopAtLevel").getValue()) < 4;
    } catch (RuntimeException e) {
      return false; // not HotSpot: nothing to gain
    }
  }

  /** The child JVM's command line, or empty when this JVM's classpath cannot be found. */
  static Optional<List<String>> command(String[] args) {
    return classpath().map(classpath -> command(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        ManagementFactory.getRuntimeMXBean().getInputArguments(), classpath, args));
  }

  static List<String> command(String java, List<String> jvmOptions, String classpath, String[] args) {
    List<String> command = new ArrayList<>(List.of(java, OutOfMemory.EXIT_FLAG));
    boolean ownThresholds = jvmOptions.stream()
        .anyMatch(option -> option.matches("-XX:(Tier\\d|CompileThreshold).*"));
    if (!ownThresholds) {
      command.addAll(LATE_OPTIMISATION);
    }
    for (String option : jvmOptions) {
      boolean debugger = option.startsWith("-agentlib:jdwp") || option.startsWith("-Xrunjdwp");
      if (!option.startsWith(LIMIT_FLAG) && !debugger) { // a second debugger could not take the port
        command.add(option);
      }
    }
    // Spark reads spark.* system properties; those given to Maven (-Dspark.x=y) are not JVM options.
    System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("spark.")).sorted()
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.addAll(List.of("-cp", classpath, PressLens.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Runs the command with this process's standard streams and returns its exit code; the child
   * is stopped if this JVM is stopped first.
   */
  static int run(List<String> command) throws IOException, InterruptedException {
    return run(new ProcessBuilder(command).inheritIO());
  }

  static int run(ProcessBuilder builder) throws IOException, InterruptedException {
    Process child = builder.start();
    Thread stopChild = new Thread(child::destroy, "presslens-stop-child-jvm");
    Runtime.getRuntime().addShutdownHook(stopChild);
    int code = child.waitFor();
    try {
      Runtime.getRuntime().removeShutdownHook(stopChild);
    } catch (IllegalStateException e) {
      // This JVM is shutting down already; the hook has stopped the child.
    }
    return code;
  }

  /** The classpath PressLens was loaded from: exec:java's class loader, or the JVM's own. */
  private static Optional<String> classpath() {
    if (PressLens.class.getClassLoader() instanceof URLClassLoader loader) {
      List<String> entries = new ArrayList<>();
      for (URL url : loader.getURLs()) {
        try {
          entries.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
          return Optional.empty(); // not a local file: stay in this JVM
        }
      }
      return Optional.of(String.join(File.pathSeparator, entries));
    }
    boolean own = PressLens.class.getClassLoader() == ClassLoader.getSystemClassLoader();
    return own ? Optional.of(System.getProperty("java.class.path")) : Optional.empty();
  }
}
