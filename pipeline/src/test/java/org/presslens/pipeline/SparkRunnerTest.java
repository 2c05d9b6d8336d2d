package org.presslens.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds on Apache Spark in local mode, the runner large inputs get by default
 * ({@link EmbeddedRunner}), give byte for byte the direct runner's reports.
 */
class SparkRunnerTest {

  @TempDir Path out;

  @Test
  void sparkWritesTheDirectRunnersBytes() throws IOException {
    // with the defaults a PressLens run on Spark gets for a small input and for a large one
    for (long inputBytes : new long[] {1, 1L << 30}) { // MEMORY_AND_DISK_SER, DISK_ONLY with a 1 GB heap
      Path runOut = out.resolve("input-" + inputBytes);
      SeedRun.run(RunDefaults.forSpark(new String[] {"--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + runOut,
          "--runner=SparkRunner", "--sparkMaster=local[2]"}, inputBytes, 1L << 30));
      SeedRun.assertSameFilesAsDirectRun(runOut);
    }
  }
}
