package org.presslens.pipeline;

import java.util.List;
import java.util.Locale;

/**
 * How a run that runs out of Java heap ends: one line of advice and exit code {@link #EXIT_CODE},
 * never a runner's stack traces. Maven's own JVM (direct runner) catches the error; the JVMs that
 * run Spark or Flink get {@link #EXIT_FLAG}, because Spark's handler for a fatal error in a task
 * logs two stack traces and ends the JVM with its own code before PressLens can say anything: with
 * the flag HotSpot ends the JVM at the first OutOfMemoryError ("Terminating due to
 * java.lang.OutOfMemoryError: Java heap space") with code 3, and {@link PressLens} adds the advice
 * when the child JVM of {@link OptimisingJvm} ends so.
 */
final class OutOfMemory {

  /** HotSpot's exit code under {@link #EXIT_FLAG}; PressLens uses it for every out-of-memory end. */
  static final int EXIT_CODE = 3;

  static final String EXIT_FLAG = "-XX:+ExitOnOutOfMemoryError";

  /**
   * The least heap Spark starts with: 1.5 times the 300 MiB it reserves for itself
   * (Spark's UnifiedMemoryManager); below it Spark fails with a stack trace of its own.
   */
  static final long SPARK_MIN_HEAP_BYTES = 3 * 150L * 1024 * 1024;

  private OutOfMemory() {}

  /** True when the error or one of its causes is an OutOfMemoryError. */
  static boolean causedBy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** What to do about it, for this JVM's heap (the child JVM's is the same: it inherits the options). */
  static String advice(String[] runArgs) {
    return advice(Runtime.getRuntime().maxMemory(), runArgs);
  }

  /**
   * What to do about it, for a JVM whose heap is at most maxHeapBytes (runs from Maven) and a run
   * with these arguments: a Spark run that kept its collections in memory is also told to put
   * them on disk.
   */
  static String advice(long maxHeapBytes, String[] runArgs) {
    long twiceInGigabytes = Math.max(1, (2 * maxHeapBytes + (1L << 30) - 1) >> 30);
    boolean sparkInMemory = RunDefaults.onSpark(runArgs)
        && !"DISK_ONLY".equals(RunDefaults.value(List.of(runArgs), "--storageLevel"));
    return String.format(Locale.ROOT, "out of memory: the Java heap (%,d MB) is too small for this input; "
        + "give Java more, e.g. MAVEN_OPTS=-Xmx%dg, or keep fewer terms in memory with --maxNgram=1%s",
        maxHeapBytes >> 20, twiceInGigabytes, sparkInMemory ? " or --storageLevel=DISK_ONLY" : "");
  }

  /** Refuses a run on Spark when this JVM's heap is below what Spark starts with. */
  static void requireSparkHeap(String runner, long maxHeapBytes) {
    if (runner.equals("SparkRunner") && maxHeapBytes < SPARK_MIN_HEAP_BYTES) {
      throw new UsageException(String.format(Locale.ROOT, "Spark needs a Java heap of at least %d MB; this one has %d MB: "
          + "give Java more, e.g. MAVEN_OPTS=-Xmx2g, or use --runner=DirectRunner", SPARK_MIN_HEAP_BYTES >> 20, maxHeapBytes >> 20));
    }
  }
}
