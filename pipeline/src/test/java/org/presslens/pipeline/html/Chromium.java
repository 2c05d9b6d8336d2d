package org.presslens.pipeline.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's Chromium and its driver, installed with apt-get when the machine does not have them. */
final class Chromium {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  static synchronized void install() throws IOException {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return;
    }
    try {
      if (apt("install", "-y", "--no-install-recommends", "chromium", "chromium-driver") != 0
          && (apt("update") != 0 || apt("install", "-y", "--no-install-recommends", "chromium", "chromium-driver") != 0)) {
        throw new IOException("apt-get install chromium chromium-driver failed: see target/apt-chromium.log");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while installing chromium", e);
    }
  }

  private static int apt(String... args) throws IOException, InterruptedException {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("apt-get", "-q"));
    command.addAll(java.util.List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "apt-chromium.log").toFile())).start().waitFor();
  }
}
