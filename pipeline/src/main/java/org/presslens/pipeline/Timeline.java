package org.presslens.pipeline;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a run's wall time went, from the start of the JVM (under Maven: Maven's own start-up and
 * build check) to the reports in place, in consecutive parts that add up to the whole: printed as
 * "presslens: wall time (s): start-up 4.1, options 0.1, ...; total 29.7", which the benchmark reads.
 */
final class Timeline {

  private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
  private final List<String> names = new ArrayList<>();
  private final List<Long> ends = new ArrayList<>();

  /** A new timeline whose first part, start-up, ends now. */
  Timeline() {
    mark("start-up");
  }

  /** Ends the part {@code name} now; the next part starts here. */
  void mark(String name) {
    names.add(name);
    ends.add(System.currentTimeMillis());
  }

  String line() {
    StringBuilder line = new StringBuilder("wall time (s):");
    long from = jvmStart;
    for (int i = 0; i < names.size(); i++) {
      line.append(String.format(Locale.ROOT, " %s %.1f%s", names.get(i), (ends.get(i) - from) / 1000.0,
          i < names.size() - 1 ? "," : ";"));
      from = ends.get(i);
    }
    return line.append(String.format(Locale.ROOT, " total %.1f", (from - jvmStart) / 1000.0)).toString();
  }
}
