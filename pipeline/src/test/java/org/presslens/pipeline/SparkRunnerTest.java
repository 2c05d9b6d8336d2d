package org.presslens.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds on Apache Spark in local mode (the spark profile) give byte for byte the direct runner's reports. */
class SparkRunnerTest {

  @TempDir Path out;

  @Test
  void sparkWritesTheDirectRunnersBytes() throws IOException {
    SeedRun.run("--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + out, "--runner=SparkRunner",
        "--sparkMaster=local[2]");
    SeedRun.assertSameFilesAsDirectRun(out);
  }
}
