package org.presslens.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.FileSystemRegistrar;
import org.apache.beam.sdk.io.fs.CreateOptions;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * A Beam filesystem with an object store's semantics for tests ({@code objstore://bucket/key}):
 * keys kept as files under {@link #ROOT}, no folders of their own (a key's folders exist while it
 * does), globs with {@code *} within one level and {@code **} across levels, and a failure that a
 * test can arm ({@link #failPublishingAfter}) to stop a run while it publishes. Registered in
 * src/test/resources/META-INF/services.
 */
public final class ObjectStoreFileSystem extends FileSystem<ObjectStoreFileSystem.Key> {

  static final String SCHEME = "objstore";
  private static final Pattern GLOB = Pattern.compile("[*?{\\[]");

  /** Where the keys are kept; a test sets it before it runs. */
  static volatile Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "presslens-objstore");
  /**
   * Moves out of a staging area ({@code .presslens-staging/}, as a run publishes) that succeed
   * before every further one fails; negative: none fails.
   */
  static volatile int failPublishingAfter = -1;

  public static final class Registrar implements FileSystemRegistrar {
    @Override
    public Iterable<FileSystem<?>> fromOptions(PipelineOptions options) {
      return List.of(new ObjectStoreFileSystem());
    }
  }

  /** A key, or a prefix ending in '/' ("folder"). */
  public static final class Key implements ResourceId {
    private final String uri;

    Key(String uri) {
      this.uri = uri;
    }

    Path path() {
      return ROOT.resolve(uri.substring((SCHEME + "://").length()));
    }

    @Override
    public ResourceId resolve(String other, ResolveOptions options) {
      String base = isDirectory() ? uri : uri.substring(0, uri.lastIndexOf('/') + 1);
      return new Key(base + other + (options == ResolveOptions.StandardResolveOptions.RESOLVE_DIRECTORY
          && !other.endsWith("/") ? "/" : ""));
    }

    @Override
    public ResourceId getCurrentDirectory() {
      return isDirectory() ? this : new Key(uri.substring(0, uri.lastIndexOf('/') + 1));
    }

    @Override
    public String getScheme() {
      return SCHEME;
    }

    @Override
    public String getFilename() {
      String trimmed = isDirectory() ? uri.substring(0, uri.length() - 1) : uri;
      return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    @Override
    public boolean isDirectory() {
      return uri.endsWith("/");
    }

    @Override
    public String toString() {
      return uri;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.uri.equals(uri);
    }

    @Override
    public int hashCode() {
      return uri.hashCode();
    }
  }

  @Override
  protected List<MatchResult> match(List<String> specs) throws IOException {
    List<MatchResult> results = new ArrayList<>();
    for (String spec : specs) {
      java.util.regex.Matcher glob = GLOB.matcher(spec);
      if (!glob.find()) {
        Path file = new Key(spec).path();
        results.add(Files.isRegularFile(file) ? MatchResult.create(MatchResult.Status.OK, List.of(metadata(new Key(spec))))
            : MatchResult.create(MatchResult.Status.NOT_FOUND, List.of()));
        continue;
      }
      String prefix = spec.substring(0, spec.lastIndexOf('/', glob.start()) + 1);
      Pattern pattern = Pattern.compile(Pattern.quote(prefix) + toRegex(spec.substring(prefix.length())));
      List<MatchResult.Metadata> found = new ArrayList<>();
      Path folder = new Key(prefix).path();
      if (Files.isDirectory(folder)) {
        try (Stream<Path> walk = Files.walk(folder)) {
          for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
            String uri = prefix + folder.relativize(file).toString().replace('\\', '/');
            if (pattern.matcher(uri).matches()) {
              found.add(metadata(new Key(uri)));
            }
          }
        }
      }
      results.add(MatchResult.create(found.isEmpty() ? MatchResult.Status.NOT_FOUND : MatchResult.Status.OK, found));
    }
    return results;
  }

  private static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  private static MatchResult.Metadata metadata(Key key) throws IOException {
    return MatchResult.Metadata.builder().setResourceId(key).setSizeBytes(Files.size(key.path()))
        .setIsReadSeekEfficient(true).setLastModifiedMillis(Files.getLastModifiedTime(key.path()).toMillis()).build();
  }

  @Override
  protected WritableByteChannel create(Key key, CreateOptions options) throws IOException {
    Files.createDirectories(key.path().getParent());
    return FileChannel.open(key.path(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
  }

  @Override
  protected ReadableByteChannel open(Key key) throws IOException {
    return FileChannel.open(key.path(), StandardOpenOption.READ);
  }

  @Override
  protected void copy(List<Key> from, List<Key> to) throws IOException {
    for (int i = 0; i < from.size(); i++) {
      Files.createDirectories(to.get(i).path().getParent());
      Files.copy(from.get(i).path(), to.get(i).path(), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  protected void rename(List<Key> from, List<Key> to, MoveOptions... options) throws IOException {
    for (int i = 0; i < from.size(); i++) {
      boolean publishing = from.get(i).uri.contains("/.presslens-staging/") && !to.get(i).uri.contains("/.presslens-staging/");
      if (publishing && failPublishingAfter == 0) {
        throw new IOException("the object store failed (armed by the test)");
      }
      if (publishing && failPublishingAfter > 0) {
        failPublishingAfter--;
      }
      Files.createDirectories(to.get(i).path().getParent());
      Files.move(from.get(i).path(), to.get(i).path(), StandardCopyOption.REPLACE_EXISTING);
      removeEmptyFolders(from.get(i).path().getParent());
    }
  }

  @Override
  protected void delete(Collection<Key> keys) throws IOException {
    for (Key key : keys) {
      Path path = key.path();
      if (key.isDirectory()) {
        continue; // prefixes are not objects
      }
      try {
        Files.delete(path);
      } catch (NoSuchFileException e) {
        throw new java.io.FileNotFoundException(key.toString());
      }
      removeEmptyFolders(path.getParent());
    }
  }

  /** Keys have no folders: one with no key left under it is gone. */
  private static void removeEmptyFolders(Path folder) throws IOException {
    while (folder != null && folder.startsWith(ROOT) && !folder.equals(ROOT) && Files.isDirectory(folder)) {
      try (Stream<Path> left = Files.list(folder)) {
        if (left.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(folder);
      folder = folder.getParent();
    }
  }

  @Override
  protected Key matchNewResource(String spec, boolean isDirectory) {
    return new Key(isDirectory && !spec.endsWith("/") ? spec + "/" : spec);
  }

  @Override
  protected String getScheme() {
    return SCHEME;
  }
}
