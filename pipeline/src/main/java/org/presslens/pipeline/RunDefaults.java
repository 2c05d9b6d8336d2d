package org.presslens.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Runner options a PressLens run sets unless the user gives them. Tests build pipelines without
 * these (TestPipeline keeps Beam's defaults).
 */
final class RunDefaults {

  /**
   * Spark keeps its collections in memory while the heap is at least this many times the input
   * (as stored): with the default heap of a 24 GB machine (6 GB) up to about 12 MB, which covers
   * SOTU and the 1x benchmark corpus (8.2 MB of gzip) but not 2x (16.4 MB).
   */
  static final long HEAP_PER_INPUT_IN_MEMORY = 512;

  private RunDefaults() {}

  /**
   * The arguments with the defaults added for the direct runner when they name no other runner:
   * {@code --enforceImmutability=false} and {@code --enforceEncodability=false} (these checks
   * re-encode every element to catch DoFns that mutate their input, a test-time check that more
   * than halves the speed of a real run), and {@code --blockOnRun=false} so the main thread can
   * print progress while the runner works. Spark's defaults depend on the input: {@link #forSpark}.
   */
  static String[] forArgs(String[] args) {
    List<String> all = new ArrayList<>(List.of(args));
    String runner = value(all, "--runner");
    if (runner == null || runner.endsWith("DirectRunner")) {
      for (String flag : List.of("--enforceImmutability", "--enforceEncodability", "--blockOnRun")) {
        addUnlessGiven(all, flag, "false");
      }
    }
    return all.toArray(String[]::new);
  }

  /**
   * Arguments that run on Spark get a {@code --storageLevel} unless they give one (others are
   * returned as they are). Beam's Spark runner keeps every collection that more than one step
   * reads, at Spark's MEMORY_ONLY by default: as Java objects, which ran the 4x benchmark corpus
   * out of heap. When the heap is less than {@link #HEAP_PER_INPUT_IN_MEMORY} times the input,
   * they get {@code DISK_ONLY}: serialized in memory (MEMORY_AND_DISK_SER) the collections filled
   * some 4 GB of a 6 GB heap at 16x, which ran out of heap, and on disk it completes; at 2x, 4x
   * and 8x the two levels took about the same time. Smaller inputs get {@code MEMORY_AND_DISK_SER},
   * which was 4-13 % faster on SOTU (3.6 MB) in five pairs (docs/BENCHMARKS.md, tenth session).
   *
   * @param inputBytes the input files' size as stored ({@link EmbeddedRunner#inputBytes})
   * @param maxHeapBytes the heap of the JVM that runs Spark
   */
  static String[] forSpark(String[] args, long inputBytes, long maxHeapBytes) {
    if (!onSpark(args) || value(List.of(args), "--storageLevel") != null) {
      return args;
    }
    boolean inMemory = maxHeapBytes >= HEAP_PER_INPUT_IN_MEMORY * inputBytes;
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--storageLevel=" + (inMemory ? "MEMORY_AND_DISK_SER" : "DISK_ONLY"));
    return all.toArray(String[]::new);
  }

  /** Whether these arguments run on Spark (given with {@code --runner} or added by {@link EmbeddedRunner#forInput}). */
  static boolean onSpark(String[] args) {
    String runner = value(List.of(args), "--runner");
    return runner != null && runner.endsWith("SparkRunner");
  }

  /** The value of {@code --flag=value} in the arguments, or null when it is not given. */
  static String value(List<String> args, String flag) {
    for (String arg : args) {
      if (arg.startsWith(flag + "=")) {
        return arg.substring(flag.length() + 1);
      }
    }
    return null;
  }

  private static void addUnlessGiven(List<String> args, String flag, String value) {
    if (args.stream().noneMatch(a -> a.startsWith(flag + "=") || a.equals(flag))) {
      args.add(flag + "=" + value);
    }
  }
}
