package org.presslens.transforms;

import java.util.function.Supplier;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The stages of a run, each timed by a Beam counter of the nanoseconds its DoFns spend on their
 * own work (summed over all worker threads; time spent handing outputs on is not counted, because
 * on some runners that runs the next DoFn). Whatever a run's CPU time exceeds their sum by is the
 * runner's own work: encoding, shuffling, scheduling, garbage collection.
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
  /** Statistics and report rows: frequencies, contrasts, concordance, entity tables. */
  STATISTICS("statistics"),
  /** Sorting report rows and writing the CSV files. */
  WRITING("writing");

  public static final String NAMESPACE = "presslens.stages";

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The counter of nanoseconds spent in this stage. */
  public Counter nanos() {
    return Metrics.counter(NAMESPACE, label);
  }

  /** Runs {@code work} and adds its duration to this stage. */
  public <T> T time(Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      nanos().inc(System.nanoTime() - start);
    }
  }
}
