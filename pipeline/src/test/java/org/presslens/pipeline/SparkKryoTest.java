package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark serializes a cached block with Kryo when it moves the block from memory to disk, and on
 * Java 17 Kryo then needs {@code java.nio} opened (a 16x benchmark run with less memory for Spark
 * failed there with "module java.base does not opens java.nio"). The spark profile's JVM gets the
 * packages of property {@code java17.opens}, as this test's JVM does (Surefire's argLine):
 * the probe runs with this JVM's options.
 */
class SparkKryoTest {

  @TempDir Path dir;

  @Test
  void theSparkProfilesJvmOptionsLetSparkSerializeWithKryo() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens")).forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        SparkKryoProbe.class.getName()));
    Path log = dir.resolve("probe.log");
    int exit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
    assertEquals(0, exit, Files.readString(log));
  }
}
