package org.presslens.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;

/**
 * The runner of a run without {@code --runner}: Beam's direct runner for small inputs, which
 * starts fastest, and Apache Spark in local mode (one worker thread per core; in the child JVM of
 * {@link OptimisingJvm} under Maven) for inputs of at least {@link #SPARK_FROM_BYTES}, where the
 * direct runner's per-element bookkeeping dominates (docs/BENCHMARKS.md: the benchmark corpus took
 * 256 s on the direct runner and 108-202 s on Spark in local mode; on the seeds Spark's start-up
 * makes it the slower one).
 */
final class EmbeddedRunner {

  /** Input files (as stored, compressed or not) from this size on run on Spark. */
  static final long SPARK_FROM_BYTES = 1_000_000;

  private EmbeddedRunner() {}

  /** The arguments with Spark local mode added when no runner is given and the input is large. */
  static String[] forInput(String[] args, long inputBytes, int cores) {
    if (RunDefaults.value(List.of(args), "--runner") != null || inputBytes < SPARK_FROM_BYTES) {
      return args;
    }
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--runner=SparkRunner");
    all.add("--sparkMaster=local[" + cores + "]");
    return all.toArray(String[]::new);
  }

  /** Total size of the input files (any Beam filesystem); a file that cannot be sized counts 0. */
  static long inputBytes(List<String> files) {
    long total = 0;
    for (String file : files) {
      try {
        total += FileSystems.matchSingleFileSpec(file).sizeBytes();
      } catch (IOException e) {
        // The reader reports the file as unreadable in rejected.csv.
      }
    }
    return total;
  }
}
