package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRunnerTest {

  @Test
  void smallInputsKeepTheDirectRunnerLargeOnesGetSparkLocal() {
    String[] args = {"--input=corpus.jsonl"};
    assertArrayEquals(args, EmbeddedRunner.forInput(args, EmbeddedRunner.SPARK_FROM_BYTES - 1, 2));
    assertArrayEquals(new String[] {"--input=corpus.jsonl", "--runner=SparkRunner", "--sparkMaster=local[4]"},
        EmbeddedRunner.forInput(args, EmbeddedRunner.SPARK_FROM_BYTES, 4));
  }

  @Test
  void aRunnerTheUserChoseIsKept() {
    String[] args = {"--input=corpus.jsonl", "--runner=DirectRunner"};
    assertArrayEquals(args, EmbeddedRunner.forInput(args, 50 * EmbeddedRunner.SPARK_FROM_BYTES, 2));
  }

  @Test
  void inputBytesSumsTheFilesAndCountsMissingOnesAsZero(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("a.txt"), new byte[300]);
    Files.write(dir.resolve("b.txt"), new byte[45]);
    assertEquals(345, EmbeddedRunner.inputBytes(List.of(
        dir.resolve("a.txt").toString(), dir.resolve("b.txt").toString(), dir.resolve("gone.txt").toString())));
  }
}
