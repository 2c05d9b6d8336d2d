package org.presslens.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds on Apache Flink's embedded local cluster give byte for byte the direct runner's reports. */
class FlinkRunnerTest {

  @TempDir Path out;

  @Test
  void flinkWritesTheDirectRunnersBytes() throws IOException {
    SeedRun.run("--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + out,
        "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2", "--fasterCopy=true");
    SeedRun.assertSameFilesAsDirectRun(out);
  }
}
