package org.presslens.pipeline;

import java.util.Arrays;
import java.util.Locale;

/**
 * A benchmark probe, not a test: the same PressLens run several times in one JVM, each into its
 * own output folder ({@code --output} with the run's number appended), printing each run's wall
 * time. The first run pays for loading classes and compiling them; the later ones show what the
 * pipeline costs in a warm JVM (docs/BENCHMARKS.md).
 *
 * <pre>mvn -q -pl pipeline -am test-compile
 * mvn -q -pl pipeline dependency:build-classpath -DincludeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp pipeline/target/test-classes:pipeline/target/classes:$(cat pipeline/target/cp.txt) \
 *   org.presslens.pipeline.WarmRuns 5 --input=../shared/corpora/sotu.jsonl.gz --groupField=party \
 *   --entities=false --maxNgram=1 --output=/tmp/warm</pre>
 */
public final class WarmRuns {

  private WarmRuns() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    String[] given = Arrays.copyOfRange(args, 1, args.length);
    for (int i = 1; i <= runs; i++) {
      String[] run = given.clone();
      for (int a = 0; a < run.length; a++) {
        if (run[a].startsWith("--output=")) {
          run[a] = run[a] + "-" + i;
        }
      }
      long start = System.nanoTime();
      PressLensOptions options = PressLens.parse(run);
      ReportRun.run(options, RunConfig.from(options));
      System.out.printf(Locale.ROOT, "warm-runs: run %d of %d: %.1f s%n", i, runs, (System.nanoTime() - start) / 1e9);
    }
  }
}
