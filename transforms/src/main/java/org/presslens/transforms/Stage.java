package org.presslens.transforms;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The stages of a run, each timed by a Beam counter of the CPU time (thread CPU time, in
 * nanoseconds) its DoFns spend on their own work, summed over all worker threads; time spent
 * handing outputs on is not counted, because on some runners that runs the next DoFn. Whatever a
 * run's CPU time exceeds their sum by is the runner's own work (encoding, shuffling, scheduling),
 * JIT compilation and garbage collection.
 */
public enum Stage {
  /** Reading and decoding inputs, input checks, boilerplate lines, fingerprints. */
  INGEST("ingest"),
  /** Sentence detection, tokenization, n-gram counting per document. */
  TOKENIZE("tokenize"),
  /** Named-entity recognition. */
  ENTITIES("entities"),
  /** Summing per-document tables into outlet and corpus tables (terms, entities, pairs, lines, fingerprints). */
  COUNTING("counting"),
  /** Statistics and report rows, rendered as CSV lines: frequencies, contrasts, concordance, entity tables. */
  STATISTICS("statistics"),
  /** Writing the rendered rows to part files and the part files, in order, to the reports. */
  WRITING("writing");

  public static final String NAMESPACE = "presslens.stages";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The counter of CPU nanoseconds spent in this stage. */
  public Counter nanos() {
    return Metrics.counter(NAMESPACE, label);
  }

  /** The current thread's CPU time in nanoseconds (its elapsed time where the JVM cannot tell). */
  public static long cpuNow() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** Adds the CPU time since {@code start} (from {@link #cpuNow()}) to this stage. */
  public void addSince(long start) {
    nanos().inc(cpuNow() - start);
  }

  /** Runs {@code work} and adds its CPU time to this stage. */
  public <T> T time(Supplier<T> work) {
    long start = cpuNow();
    try {
      return work.get();
    } finally {
      addSince(start);
    }
  }
}
