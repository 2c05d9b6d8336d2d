package org.presslens.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A local output folder that scheduled reruns can rely on: one run at a time (a lock file), and
 * reports written to a staging folder beside it that replace the previous reports only when the
 * whole run has succeeded. A killed or failed run leaves the previous reports as they were.
 */
final class OutputFolder implements AutoCloseable {

  static final String LOCK_FILE = ".presslens.lock";

  private final Path target;
  private final Path staging;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private OutputFolder(Path target, Path staging, FileChannel lockChannel, FileLock lock) {
    this.target = target;
    this.staging = staging;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Locks {@code target} and prepares an empty staging folder; refuses if another run holds the lock. */
  static OutputFolder open(Path target) throws IOException {
    Files.createDirectories(target);
    FileChannel channel = FileChannel.open(target.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by another run in this same JVM
    }
    if (lock == null) {
      channel.close();
      throw new OutputBusyException("another PressLens run is writing to " + target + "; try again when it has finished");
    }
    Path staging = target.resolveSibling("." + target.getFileName() + ".staging");
    deleteRecursively(staging); // left behind by a run that was killed
    Files.createDirectories(staging);
    return new OutputFolder(target, staging, channel, lock);
  }

  /** Where the run writes its reports. */
  Path staging() {
    return staging;
  }

  /** Moves every staged file into the output folder, replacing the previous version of each. */
  void commit() throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
      for (Path file : files) {
        Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      deleteRecursively(staging);
    } finally {
      lock.release();
      lockChannel.close();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Another run is writing to the same output folder. */
  static final class OutputBusyException extends RuntimeException {
    OutputBusyException(String message) {
      super(message);
    }
  }
}
