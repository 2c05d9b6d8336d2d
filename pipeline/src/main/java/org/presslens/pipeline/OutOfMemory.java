package org.presslens.pipeline;

import java.util.Locale;

/**
 * How a run that runs out of Java heap ends: one line of advice and exit code {@link #EXIT_CODE},
 * never a runner's stack traces.
 */
final class OutOfMemory {

  static final int EXIT_CODE = 3;
  /** Heap kept free until the advice is printed. */
  static final int RESERVE_BYTES = 8 << 20;

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

  /** What to do about it, for a JVM whose heap is at most maxHeapBytes. */
  static String advice(long maxHeapBytes) {
    long twiceInGigabytes = Math.max(1, (2 * maxHeapBytes + (1L << 30) - 1) >> 30);
    return String.format(Locale.ROOT, "out of memory: the Java heap (%,d MB) is too small for this input; "
        + "give Java more, e.g. MAVEN_OPTS=-Xmx%dg, or keep fewer terms in memory with --maxNgram=1",
        maxHeapBytes >> 20, twiceInGigabytes);
  }
}
