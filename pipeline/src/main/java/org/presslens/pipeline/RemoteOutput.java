package org.presslens.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * An output folder on a filesystem other than the local one (an object store, HDFS), reached
 * through Beam's filesystems. Object stores have no atomic folder rename and no locks, so a report
 * set is published instead:
 * <ul>
 *   <li>the run writes everything under {@value #STAGING}{@code /} in the folder;
 *   <li>when the run has succeeded, the marker {@value #MARKER} of the last run is deleted first,
 *       then the files are moved into place, files of the last run that this one did not write are
 *       removed, and the marker is written last, naming every file of the set with its size;
 *   <li>so a folder whose marker is missing holds no complete report set (a run failed or is
 *       publishing), and one whose marker is there holds exactly the files it names.
 * </ul>
 * As in a local folder ({@link OutputFolder}), an ownership list names what the last run wrote, and
 * a folder holding anything else is refused unless the run may write beside other files, which it
 * then never replaces. One run at a time per folder is the scheduler's part: there is no lock.
 */
final class RemoteOutput implements AutoCloseable {

  static final String MARKER = "_SUCCESS";
  static final String STAGING = ".presslens-staging";

  private final ResourceId target;
  private final Set<String> owned;

  private RemoteOutput(ResourceId target, Set<String> owned) {
    this.target = target;
    this.owned = owned;
  }

  /**
   * Checks {@code folder} and clears what a failed run left in its staging area.
   *
   * @param writes the names of every file and folder a run can write at the top of the folder
   * @param besideOtherFiles whether entries PressLens did not write may stay in the folder
   * @throws UsageException if the folder holds files PressLens did not write (see the class comment)
   */
  static RemoteOutput open(String folder, Set<String> writes, boolean besideOtherFiles) throws IOException {
    ResourceId target = FileSystems.matchNewResource(folder, true);
    Set<String> owned = owned(target);
    Set<String> foreign = new TreeSet<>();
    for (String path : relativePaths(target)) {
      String top = top(path);
      if (!top.equals(STAGING) && !top.equals(MARKER) && !top.equals(OutputFolder.OWNED_FILE) && !owned.contains(top)) {
        foreign.add(top);
      }
    }
    OutputFolder.refuseForeign(folder, List.copyOf(foreign), writes, besideOtherFiles);
    RemoteOutput output = new RemoteOutput(target, owned);
    output.clearStaging();
    return output;
  }

  /** Where the run writes its reports: a folder in the output folder, as a URI. */
  String staging() {
    return staged().toString();
  }

  /**
   * Publishes the staged files as the folder's report set (see the class comment). A failure part
   * way leaves the folder without its marker, and the ownership list names the files of both runs
   * so that the next run removes what this one moved.
   */
  void publish() throws IOException {
    Map<String, Long> staged = new TreeMap<>();
    for (MatchResult.Metadata file : files(staged())) {
      staged.put(relative(staged(), file.resourceId()), file.sizeBytes());
    }
    FileSystems.delete(List.of(file(MARKER)), StandardMoveOptions.IGNORE_MISSING_FILES);
    Set<String> written = new TreeSet<>();
    staged.keySet().forEach(path -> written.add(top(path)));
    Set<String> both = new TreeSet<>(owned);
    both.addAll(written);
    writeOwned(both);

    List<ResourceId> from = new ArrayList<>();
    List<ResourceId> to = new ArrayList<>();
    for (String path : staged.keySet()) {
      from.add(staged().resolve(path, StandardResolveOptions.RESOLVE_FILE));
      to.add(file(path));
    }
    FileSystems.rename(from, to);
    List<ResourceId> stale = new ArrayList<>();
    for (String path : relativePaths(target)) {
      if (both.contains(top(path)) && !staged.containsKey(path)) {
        stale.add(file(path));
      }
    }
    FileSystems.delete(stale, StandardMoveOptions.IGNORE_MISSING_FILES);
    writeOwned(written);

    StringBuilder marker = new StringBuilder("# The PressLens report set in this folder is complete: each file with its size in bytes.\n");
    staged.forEach((path, size) -> marker.append(path).append('\t').append(size).append('\n'));
    write(MARKER, marker.toString());
  }

  /** Removes what is left in the staging area (all of it after a failed run). */
  @Override
  public void close() throws IOException {
    clearStaging();
  }

  private void clearStaging() throws IOException {
    List<ResourceId> left = files(staged()).stream().map(MatchResult.Metadata::resourceId).toList();
    FileSystems.delete(left, StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  private ResourceId staged() {
    return target.resolve(STAGING, StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  private ResourceId file(String relativePath) {
    return target.resolve(relativePath, StandardResolveOptions.RESOLVE_FILE);
  }

  private static String top(String path) {
    return path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
  }

  /** Every file under {@code folder}, at any depth. */
  private static List<MatchResult.Metadata> files(ResourceId folder) throws IOException {
    return FileSystems.match(folder.toString() + "**", EmptyMatchTreatment.ALLOW).metadata();
  }

  /** The paths of every file in the folder, relative to it. */
  private static List<String> relativePaths(ResourceId folder) throws IOException {
    List<String> paths = new ArrayList<>();
    for (MatchResult.Metadata file : files(folder)) {
      paths.add(relative(folder, file.resourceId()));
    }
    return paths;
  }

  private static String relative(ResourceId folder, ResourceId file) {
    String prefix = folder.toString();
    String path = file.toString();
    if (!path.startsWith(prefix)) {
      throw new IllegalStateException(path + " is not in " + prefix);
    }
    return path.substring(prefix.length());
  }

  /** The entries the last run wrote, from its ownership list. */
  private static Set<String> owned(ResourceId target) throws IOException {
    ResourceId list = target.resolve(OutputFolder.OWNED_FILE, StandardResolveOptions.RESOLVE_FILE);
    Set<String> owned = new LinkedHashSet<>();
    if (FileSystems.match(list.toString(), EmptyMatchTreatment.ALLOW).metadata().isEmpty()) {
      return owned;
    }
    String text;
    try (InputStream in = Channels.newInputStream(FileSystems.open(list))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#") && !line.contains("/") && !line.startsWith(".")) {
        owned.add(line.strip());
      }
    }
    return owned;
  }

  private void writeOwned(Set<String> names) throws IOException {
    write(OutputFolder.OWNED_FILE, OutputFolder.OWNED_HEADER + "\n" + String.join("\n", names) + "\n");
  }

  private void write(String name, String text) throws IOException {
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(file(name), MimeTypes.TEXT))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
