package org.presslens.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time in a local folder: an operating-system lock on a file in it, held until the
 * run closes it (the system releases it when the process ends, also when it is killed). The
 * output folder is locked so that two runs do not replace each other's reports; the cache folder
 * so that a run does not remove the files another run is building on.
 */
final class FolderLock implements AutoCloseable {

  static final String FILE = ".presslens.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code folder} (created if missing).
   *
   * @param busy what to tell the user when another run holds it
   * @throws BusyException if another run, in this or another process, holds the lock
   */
  static FolderLock take(Path folder, String busy) throws IOException {
    Files.createDirectories(folder);
    FileChannel channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by another run in this same JVM
    }
    if (lock == null) {
      channel.close();
      throw new BusyException(busy);
    }
    return new FolderLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  /** Another run holds the lock. */
  static final class BusyException extends RuntimeException {
    BusyException(String message) {
      super(message);
    }
  }
}
