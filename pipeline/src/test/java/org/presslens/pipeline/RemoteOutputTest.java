package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports on a filesystem other than the local one (an object store, simulated by
 * {@link ObjectStoreFileSystem}): staged, published with a marker naming every file, never a
 * half-written set that looks complete, and no file PressLens did not write replaced.
 */
class RemoteOutputTest {

  @TempDir Path store;

  @BeforeEach
  void useStore() {
    ObjectStoreFileSystem.ROOT = store;
    ObjectStoreFileSystem.failPublishingAfter = -1;
  }

  @AfterEach
  void disarm() {
    ObjectStoreFileSystem.failPublishingAfter = -1;
  }

  private static String[] seeds(String output, String... more) {
    String[] args = new String[2 + more.length];
    args[0] = "--input=" + SeedRun.ROOT.resolve("seeds");
    args[1] = "--output=" + output;
    System.arraycopy(more, 0, args, 2, more.length);
    return args;
  }

  @Test
  void aPublishedSetHasTheDirectRunsReportsAndAMarkerNamingEachFile() throws IOException {
    SeedRun.run(seeds("objstore://bucket/reports"));
    Path out = store.resolve("bucket/reports");
    SeedRun.assertSameFilesAsDirectRun(out);
    assertFalse(Files.exists(out.resolve(RemoteOutput.STAGING)), "the staging area is cleared");
    assertEquals(filesIn(out), marked(out));
  }

  @Test
  void aRunThatFailsWhilePublishingLeavesNoMarkerAndTheNextRunCleansUp() throws IOException {
    SeedRun.run(seeds("objstore://bucket/reports"));
    Path out = store.resolve("bucket/reports");
    assertTrue(Files.exists(out.resolve("entities.csv")));

    ObjectStoreFileSystem.failPublishingAfter = 3;
    assertThrows(IOException.class, () -> SeedRun.run(seeds("objstore://bucket/reports", "--entities=false")));
    assertFalse(Files.exists(out.resolve(RemoteOutput.MARKER)), "a half-published set has no marker");

    ObjectStoreFileSystem.failPublishingAfter = -1;
    SeedRun.run(seeds("objstore://bucket/reports", "--entities=false"));
    assertFalse(Files.exists(out.resolve("entities.csv")), "the reports of the earlier run are removed");
    assertEquals(filesIn(out), marked(out));
  }

  @Test
  void aFolderWithFilesPressLensDidNotWriteIsRefused() throws IOException {
    Files.createDirectories(store.resolve("bucket/shared/notes"));
    Files.writeString(store.resolve("bucket/shared/notes/today.txt"), "not a report");
    UsageException refused = assertThrows(UsageException.class, () -> SeedRun.run(seeds("objstore://bucket/shared")));
    assertTrue(refused.getMessage().contains("notes"), refused.getMessage());

    SeedRun.run(seeds("objstore://bucket/shared", "--allowOtherFiles=true"));
    assertEquals("not a report", Files.readString(store.resolve("bucket/shared/notes/today.txt")));
    assertEquals(filesIn(store.resolve("bucket/shared")).keySet().stream().filter(f -> !f.startsWith("notes/")).toList(),
        marked(store.resolve("bucket/shared")).keySet().stream().toList());
  }

  /** Every file of the folder with its size, but the marker and the ownership list. */
  private static Map<String, Long> filesIn(Path folder) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        if (!name.equals(RemoteOutput.MARKER) && !name.equals(OutputFolder.OWNED_FILE)) {
          files.put(name, Files.size(file));
        }
      }
    }
    return files;
  }

  /** The files the marker names, with their sizes. */
  private static Map<String, Long> marked(Path folder) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    for (String line : Files.readAllLines(folder.resolve(RemoteOutput.MARKER))) {
      if (!line.startsWith("#")) {
        String[] cells = line.split("\t");
        files.put(cells[0], Long.parseLong(cells[1]));
      }
    }
    return files;
  }
}
