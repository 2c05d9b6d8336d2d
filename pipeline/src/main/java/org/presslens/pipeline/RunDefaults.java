package org.presslens.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Runner options a PressLens run sets unless the user gives them. Tests build pipelines without
 * these (TestPipeline keeps Beam's defaults).
 */
final class RunDefaults {

  private RunDefaults() {}

  /**
   * The arguments with the defaults added for the runner they name (none named: the direct
   * runner).
   * <ul>
   *   <li>Direct runner: {@code --enforceImmutability=false} and {@code --enforceEncodability=false}
   *       (these checks re-encode every element to catch DoFns that mutate their input, a test-time
   *       check that more than halves the speed of a real run), and {@code --blockOnRun=false} so
   *       the main thread can print progress while the runner works.
   *   <li>Spark: {@code --storageLevel=DISK_ONLY}. Beam's Spark runner keeps every collection
   *       read by more than one step. At its default level, MEMORY_ONLY, it keeps them as Java
   *       objects, and the 4x benchmark corpus ran out of heap; serialized in memory
   *       (MEMORY_AND_DISK_SER) they still filled some 4 GB of a 6 GB heap at 16x, which ran out of
   *       heap, and at 4x and 8x the collector's work made the runs 30-45 % slower than with the
   *       collections on local disk (docs/BENCHMARKS.md, tenth session; at 1x the two levels are
   *       within the machine's variation).
   * </ul>
   */
  static String[] forArgs(String[] args) {
    List<String> all = new ArrayList<>(List.of(args));
    String runner = value(all, "--runner");
    if (runner == null || runner.endsWith("DirectRunner")) {
      for (String flag : List.of("--enforceImmutability", "--enforceEncodability", "--blockOnRun")) {
        addUnlessGiven(all, flag, "false");
      }
    } else if (runner.endsWith("SparkRunner")) {
      addUnlessGiven(all, "--storageLevel", "DISK_ONLY");
    }
    return all.toArray(String[]::new);
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
