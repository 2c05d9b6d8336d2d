package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
    SeedRun.run("--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + out,
        "--runner=SparkRunner", "--sparkMaster=local[2]");
    Path direct = SeedRun.output();
    List<String> files;
    try (Stream<Path> listing = Files.list(direct)) {
      files = listing.map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith(".") && !name.equals("run_manifest.csv")).sorted().toList();
    }
    assertEquals(12, files.size(), files.toString());
    for (String file : files) {
      assertArrayEquals(Files.readAllBytes(direct.resolve(file)), Files.readAllBytes(out.resolve(file)), file);
    }
  }
}
