package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark serializes a cached block with Kryo when it moves the block from memory to disk, and on
 * Java 17 Kryo then needs {@code java.nio} opened (a 16x benchmark run with less memory for Spark
 * failed there with "module java.base does not opens java.nio"). The JVM options of the README
 * command, {@code .mvn/jvm.config}, which the child JVM of large inputs inherits, must allow it.
 */
class SparkKryoTest {

  @TempDir Path dir;

  @Test
  void theReadmeCommandsJvmOptionsLetSparkSerializeWithKryo() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    for (String line : Files.readAllLines(Path.of("../.mvn/jvm.config"))) {
      command.addAll(List.of(line.trim().split("\\s+")));
    }
    command.removeIf(String::isEmpty);
    command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        SparkKryoProbe.class.getName()));
    Path log = dir.resolve("probe.log");
    int exit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
    assertEquals(0, exit, Files.readString(log));
  }
}
