package org.presslens.transforms;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * Beam counters that tell how far a run has got, which the command line prints during long runs,
 * and one it notes in the summary: records that named no outlet.
 */
public final class Progress {

  public static final String NAMESPACE = "presslens.progress";
  public static final String READ = "documents read";
  public static final String ANALYSED = "documents analysed";
  /** Running words of the analysed documents (all copies included). */
  public static final String WORDS = "words analysed";
  /** JSON Lines and CSV records whose group field (and page metadata) named no outlet. */
  public static final String NO_OUTLET = "records without an outlet";

  private Progress() {}

  static Counter read() {
    return Metrics.counter(NAMESPACE, READ);
  }

  static Counter analysed() {
    return Metrics.counter(NAMESPACE, ANALYSED);
  }

  static Counter words() {
    return Metrics.counter(NAMESPACE, WORDS);
  }

  public static Counter noOutlet() {
    return Metrics.counter(NAMESPACE, NO_OUTLET);
  }
}
