package org.presslens.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.codec.digest.DigestUtils;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.reports.ReportTiers;

/**
 * The reports of the last run with a cache, kept in the cache folder of its settings, so that a
 * rerun on exactly the same inputs gives them back without running the pipeline. The pipeline is
 * deterministic: the same input bytes, options and PressLens code give the same reports, so when
 * the {@link #key run key} (SHA-256 of all three) equals the kept one, the run only puts the kept
 * files in place (the reports, report.html and the GraphML file) and writes its run manifest and
 * data dictionary.
 *
 * <p>The files are hard links to the reports as the run wrote them (a copy where the cache is on
 * another filesystem), so keeping them costs no space. Reports are only ever replaced, never
 * changed in place, by a run; a file changed by someone else no longer has the size and time the
 * listing recorded, and the kept reports are then not used.
 */
final class LastReports {

  static final String FOLDER_PREFIX = "reports-";
  static final String CURRENT = "reports.current";
  private static final String LISTING = ".listing";
  private static final String COUNTERS = ".counters";
  private static final String FORMAT = "presslens reports 1";

  private final Path cache;
  private final String key;

  private LastReports(Path cache, String key) {
    this.cache = cache;
    this.key = key;
  }

  /**
   * @param cache the cache folder of the run's settings (a local folder)
   * @param inputs SHA-256 of each input file by path, as the run manifest lists them
   */
  static LastReports in(Path cache, RunConfig config, Map<String, String> inputs) {
    return new LastReports(cache, key(config, inputs));
  }

  /** Kept reports and the counters of the run that wrote them. */
  record Kept(String runId, Path folder, List<String> files, Map<String, Long> counters) {}

  /** What the run key says about the run: everything that decides its reports, and nothing else. */
  static String key(RunConfig config, Map<String, String> inputs) {
    StringBuilder text = new StringBuilder(FORMAT).append("\ncode=").append(codeFingerprint());
    config.parameters().forEach((name, value) -> {
      if (!name.equals("output")) { // the same reports, wherever they go
        text.append("\nparameter ").append(name).append('=').append(value);
      }
    });
    inputs.forEach((file, hash) -> text.append("\ninput ").append(file).append('=').append(hash));
    if (!config.manifestPath().isEmpty()) {
      text.append("\nmanifest=").append(sha256(Path.of(config.manifestPath())));
    }
    for (RejectedInput problem : config.setupRejects()) {
      text.append("\nsetup ").append(problem);
    }
    return DigestUtils.sha256Hex(text.toString());
  }

  /** The kept reports when they are those of this run's key and nobody changed them since. */
  Optional<Kept> matching() {
    try {
      Path pointer = cache.resolve(CURRENT);
      if (!Files.isRegularFile(pointer)) {
        return Optional.empty();
      }
      String[] current = Files.readString(pointer, StandardCharsets.UTF_8).split("\n");
      if (current.length < 3 || !current[0].equals(FORMAT) || !current[2].equals(key)
          || !current[1].matches("[A-Za-z0-9_-]+")) {
        return Optional.empty();
      }
      Path folder = cache.resolve(FOLDER_PREFIX + current[1]);
      List<String> files = new ArrayList<>();
      for (String line : Files.readAllLines(folder.resolve(LISTING), StandardCharsets.UTF_8)) {
        String[] f = line.split("\t");
        Path file = folder.resolve(f[0]).normalize();
        if (f.length != 3 || !file.startsWith(folder) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            || Files.size(file) != Long.parseLong(f[1])
            || Files.getLastModifiedTime(file).toMillis() != Long.parseLong(f[2])) {
          return Optional.empty();
        }
        files.add(f[0]);
      }
      Properties counters = new Properties();
      try (InputStream in = Files.newInputStream(folder.resolve(COUNTERS))) {
        counters.load(in);
      }
      Map<String, Long> byName = new TreeMap<>();
      counters.stringPropertyNames().forEach(n -> byName.put(n, Long.parseLong(counters.getProperty(n))));
      return Optional.of(new Kept(current[1], folder, files, byName));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // damaged or foreign: the run analyses as usual
    }
  }

  /** Puts the kept reports into {@code into} (links, or copies where links cannot be made). */
  static void restore(Kept kept, Path into) throws IOException {
    for (String file : kept.files()) {
      Path target = into.resolve(file);
      Files.createDirectories(target.getParent());
      linkOrCopy(kept.folder().resolve(file), target);
    }
  }

  /**
   * Keeps the files a run has just put in {@code output} (those named, and the full-detail folder;
   * the run manifest and data dictionary are written by every run) with its counters, and removes
   * the reports kept before. A run killed while keeping them leaves a folder that no pointer names,
   * removed by the next run that keeps its own.
   */
  void keep(String runId, Path output, List<String> reports, Map<String, Long> counters) throws IOException {
    Path folder = cache.resolve(FOLDER_PREFIX + runId);
    Files.createDirectories(folder);
    List<String> files = new ArrayList<>();
    for (String name : reports) {
      if (Files.isRegularFile(output.resolve(name))) {
        files.add(name);
      }
    }
    Path data = output.resolve(ReportTiers.DATA_FOLDER);
    if (Files.isDirectory(data)) {
      try (Stream<Path> walk = Files.walk(data)) {
        walk.filter(Files::isRegularFile).map(p -> output.relativize(p).toString().replace('\\', '/')).sorted()
            .forEach(files::add);
      }
    }
    StringBuilder listing = new StringBuilder();
    for (String file : files) {
      Path kept = folder.resolve(file);
      Files.createDirectories(kept.getParent());
      linkOrCopy(output.resolve(file), kept);
      listing.append(file).append('\t').append(Files.size(kept)).append('\t')
          .append(Files.getLastModifiedTime(kept).toMillis()).append('\n');
    }
    Files.writeString(folder.resolve(LISTING), listing, StandardCharsets.UTF_8);
    Properties saved = new Properties();
    counters.forEach((name, value) -> saved.setProperty(name, Long.toString(value)));
    try (OutputStream out = Files.newOutputStream(folder.resolve(COUNTERS))) {
      saved.store(out, null);
    }
    Path pointer = cache.resolve(CURRENT + ".new");
    Files.writeString(pointer, FORMAT + "\n" + runId + "\n" + key + "\n", StandardCharsets.UTF_8);
    Files.move(pointer, cache.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    try (Stream<Path> entries = Files.list(cache)) {
      for (Path old : entries.filter(p -> p.getFileName().toString().startsWith(FOLDER_PREFIX) && !p.equals(folder)).toList()) {
        OutputFolder.deleteRecursively(old);
      }
    }
  }

  private static void linkOrCopy(Path from, Path to) throws IOException {
    Files.deleteIfExists(to);
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException | IOException e) { // another filesystem, or one without links
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /**
   * A fingerprint of PressLens's own classes and resources (development builds share a version
   * number): their bytes in a class folder, the entries' checksums in a jar. Model files are left
   * out; their versions are part of the cache folder's settings.
   */
  static String codeFingerprint() {
    StringBuilder text = new StringBuilder();
    for (Class<?> c : List.of(LastReports.class, AnalyzeDocuments.class)) {
      try {
        Path source = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(source)) {
          try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".bin"))
                .sorted(Comparator.comparing(Path::toString)).toList()) {
              text.append(source.relativize(file)).append('=').append(sha256(file)).append('\n');
            }
          }
        } else {
          try (ZipFile jar = new ZipFile(source.toFile())) {
            jar.stream().filter(e -> e.getName().startsWith("org/presslens/")).sorted(Comparator.comparing(ZipEntry::getName))
                .forEach(e -> text.append(e.getName()).append('=').append(e.getCrc()).append('\n'));
          }
        }
      } catch (IOException | URISyntaxException | RuntimeException e) {
        text.append("unknown code ").append(System.nanoTime()); // never matches: the run analyses as usual
      }
    }
    return DigestUtils.sha256Hex(text.toString());
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return DigestUtils.sha256Hex(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
