package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** One run of the pipeline on the seeds with default options, shared by the test classes of a test JVM. */
public final class SeedRun {

  public static final Path ROOT = Path.of(System.getProperty("presslens.root", ".."));
  private static Path output;
  private static Map<String, Long> rows;

  private SeedRun() {}

  /** The output folder of the shared seed run (made on first use). */
  public static synchronized Path output() {
    if (output == null) {
      try {
        Path dir = Files.createTempDirectory("presslens-seeds");
        rows = run("--input=" + ROOT.resolve("seeds"), "--output=" + dir);
        output = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return output;
  }

  /** Rows per report of the shared seed run. */
  public static synchronized Map<String, Long> rows() {
    output();
    return rows;
  }

  static PressLensOptions options(String... args) {
    PipelineOptionsFactory.register(PressLensOptions.class);
    return PipelineOptionsFactory.fromArgs(args).withValidation().as(PressLensOptions.class);
  }

  /**
   * Asserts that a run of the seeds wrote byte for byte the files of the shared direct-runner run
   * (all 16 but the manifest, which names the runner and the time), and the same rows in every full-detail table.
   */
  static void assertSameFilesAsDirectRun(Path out) throws IOException {
    Path direct = output();
    List<String> files;
    try (Stream<Path> listing = Files.list(direct)) {
      files = listing.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith(".") && !name.equals("run_manifest.csv")).sorted().toList();
    }
    assertEquals(17, files.size(), files.toString());
    for (String file : files) {
      assertArrayEquals(Files.readAllBytes(direct.resolve(file)), Files.readAllBytes(out.resolve(file)), file);
    }
    try {
      DataTables.assertSame(direct, out);
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
  }

  public static Map<String, Long> run(String... args) throws IOException {
    PressLensOptions options = options(args);
    return ReportRun.run(options, RunConfig.from(options));
  }
}
