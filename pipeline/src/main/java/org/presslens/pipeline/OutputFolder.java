package org.presslens.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A local output folder that scheduled reruns can rely on, and that never loses a file PressLens
 * did not write:
 * <ul>
 *   <li>one run at a time (a lock file);
 *   <li>reports are written to a staging folder inside the output folder (so on the same
 *       filesystem, whatever is mounted or linked there) and replace the previous reports only
 *       when the whole run has succeeded: a killed or failed run leaves them as they were;
 *   <li>an ownership list ({@link #OWNED_FILE}) names what the last run wrote. A folder holding
 *       anything else is refused unless the run is told to write beside other files, and even
 *       then no such file is ever replaced; files of the last run that this run does not write
 *       (entity reports after {@code --entities=false}) are removed, so no report of an earlier
 *       corpus stays beside the new ones.
 * </ul>
 */
final class OutputFolder implements AutoCloseable {

  static final String LOCK_FILE = FolderLock.FILE;
  static final String OWNED_FILE = ".presslens-files";
  static final String STAGING = ".presslens-staging";

  static final String OWNED_HEADER = "# Files in this folder written by the last PressLens run; "
      + "a rerun replaces or removes only these.";

  private final Path target;
  private final Path staging;
  private final Set<String> owned;
  private final FolderLock lock;

  private OutputFolder(Path target, Path staging, Set<String> owned, FolderLock lock) {
    this.target = target;
    this.staging = staging;
    this.owned = owned;
    this.lock = lock;
  }

  /**
   * Locks {@code target} and prepares an empty staging folder in it.
   *
   * @param writes the names of every file and folder a run can write at the top of the folder
   * @param besideOtherFiles whether entries PressLens did not write may stay in the folder
   * @throws UsageException if the folder holds files PressLens did not write (see the class comment)
   * @throws FolderLock.BusyException if another run holds the lock
   */
  static OutputFolder open(Path target, Set<String> writes, boolean besideOtherFiles) throws IOException {
    Files.createDirectories(target);
    Set<String> owned = owned(target, writes);
    refuseForeign(target.toString(), foreign(target, owned), writes, besideOtherFiles);
    FolderLock lock = FolderLock.take(target,
        "another PressLens run is writing to " + target + "; try again when it has finished");
    Path staging = target.resolve(STAGING);
    deleteRecursively(staging); // left behind by a run that was killed
    Files.createDirectories(staging);
    return new OutputFolder(target, staging, owned, lock);
  }

  /** Where the run writes its reports. */
  Path staging() {
    return staging;
  }

  /**
   * Moves every staged file into the output folder, replacing the previous version of each, and
   * removes the files of the last run that this one did not write, except {@code keep}: files (paths
   * relative to the folder, inside a staged folder such as {@code data/}) that this run left as the
   * last run wrote them. The ownership list names both sets while files move, so a run killed here
   * leaves nothing that the next run cannot clean up.
   */
  void commit(Set<String> keep) throws IOException {
    Set<String> written = new TreeSet<>();
    try (Stream<Path> files = Files.list(staging)) {
      files.forEach(f -> written.add(f.getFileName().toString()));
    }
    Set<String> both = new TreeSet<>(owned);
    both.addAll(written);
    writeOwned(both);
    for (String name : written) {
      Path staged = staging.resolve(name);
      Path old = target.resolve(name);
      if (Files.isDirectory(staged)) {
        if (Files.exists(old, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(old);
        }
        mergeFolder(staged, old, keep);
      } else {
        if (Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
          deleteRecursively(old);
        }
        Files.move(staged, old, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    for (String name : owned) {
      if (!written.contains(name)) {
        deleteRecursively(target.resolve(name));
      }
    }
    writeOwned(written);
  }

  /** Moves the staged folder's files into {@code into}; its other files go unless kept. */
  private void mergeFolder(Path staged, Path into, Set<String> keep) throws IOException {
    Files.createDirectories(into);
    List<Path> stagedFiles;
    try (Stream<Path> walk = Files.walk(staged)) {
      stagedFiles = walk.filter(Files::isRegularFile).toList();
    }
    Set<Path> arrived = new java.util.HashSet<>();
    for (Path file : stagedFiles) {
      Path destination = into.resolve(staged.relativize(file).toString());
      Files.createDirectories(destination.getParent());
      Files.move(file, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      arrived.add(destination);
    }
    List<Path> old;
    try (Stream<Path> walk = Files.walk(into)) {
      old = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : old) {
      boolean kept = keep.contains(target.relativize(path).toString().replace('\\', '/'));
      if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && !arrived.contains(path) && !kept) {
        Files.delete(path);
      } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && !path.equals(into)) {
        try (Stream<Path> left = Files.list(path)) {
          if (left.findAny().isEmpty()) {
            Files.delete(path);
          }
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      deleteRecursively(staging);
    } finally {
      lock.close();
    }
  }

  /**
   * What the last run wrote: the ownership list, or in a folder written before there was one (it
   * has the lock file) the entries whose names a run writes.
   */
  private static Set<String> owned(Path target, Set<String> writes) throws IOException {
    Path list = target.resolve(OWNED_FILE);
    Set<String> owned = new LinkedHashSet<>();
    if (Files.exists(list)) {
      for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#") && !line.contains("/") && !line.startsWith(".")) {
          owned.add(line);
        }
      }
    } else if (Files.exists(target.resolve(LOCK_FILE))) {
      owned.addAll(writes);
    }
    return owned;
  }

  /** Entries of the folder that PressLens did not write, sorted. */
  private static List<String> foreign(Path target, Set<String> owned) throws IOException {
    List<String> foreign = new ArrayList<>();
    try (Stream<Path> entries = Files.list(target)) {
      entries.map(p -> p.getFileName().toString())
          .filter(name -> !name.equals(LOCK_FILE) && !name.equals(OWNED_FILE) && !name.equals(STAGING))
          .filter(name -> !owned.contains(name))
          .sorted()
          .forEach(foreign::add);
    }
    return foreign;
  }

  /**
   * Stops a run whose output folder holds entries PressLens did not write ({@code foreign}, sorted):
   * always when one is named like an entry a run writes, otherwise unless {@code besideOtherFiles}.
   */
  static void refuseForeign(String folder, List<String> foreign, Set<String> writes, boolean besideOtherFiles) {
    List<String> clashing = foreign.stream().filter(writes::contains).toList();
    if (!clashing.isEmpty()) {
      throw new UsageException("--output " + folder + " holds " + String.join(", ", clashing)
          + ", which PressLens did not write and would replace: choose another folder");
    }
    if (!foreign.isEmpty() && !besideOtherFiles) {
      throw new UsageException("--output " + folder + " holds files PressLens did not write (" + sample(foreign)
          + "): choose a new or empty folder, or add --allowOtherFiles=true to write beside them (they are left untouched)");
    }
  }

  private static String sample(List<String> names) {
    return names.size() <= 3 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
  }

  private void writeOwned(Set<String> names) throws IOException {
    Path temporary = staging.resolve(OWNED_FILE);
    Files.writeString(temporary, OWNED_HEADER + "\n" + String.join("\n", names) + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, target.resolve(OWNED_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Deletes a file, or a folder with everything in it, without following links; nothing if it is not there. */
  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(path);
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
