package org.presslens.transforms.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Document metadata from a manifest CSV with the header
 * {@code file,doc_id,outlet,published,author,title,url}. {@code file} is the path of the text
 * file relative to the input folder (or just its name); every other column may be empty.
 */
public final class Manifest implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final List<String> COLUMNS = List.of("file", "doc_id", "outlet", "published", "author", "title", "url");

  /** One manifest row. */
  public record Entry(String file, String docId, String outlet, String published, String author, String title, String url)
      implements Serializable {}

  private final Map<String, Entry> byFile;

  private Manifest(Map<String, Entry> byFile) {
    this.byFile = byFile;
  }

  public static Manifest empty() {
    return new Manifest(Map.of());
  }

  /**
   * Parses a manifest, read in the charset its bytes show ({@link TextDecoder}, as for texts). A
   * missing {@code file} column, a column named twice, a repeated file, bytes that are no text and
   * a malformed line (an unterminated quote) are errors whose message names the file.
   */
  public static Manifest read(InputStream in, String name) throws IOException {
    TextDecoder.Decoded decoded = TextDecoder.decode(in.readAllBytes());
    if (!decoded.ok()) {
      throw new IllegalArgumentException(name + ": " + decoded.detail());
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
    Map<String, Entry> byFile = new HashMap<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(decoded.text()), format)) {
      if (!parser.getHeaderMap().containsKey("file")) {
        throw new IllegalArgumentException(name + ": manifest needs a 'file' column; columns are " + COLUMNS);
      }
      for (CSVRecord row : parser) {
        Entry entry = new Entry(get(row, "file"), get(row, "doc_id"), get(row, "outlet"), get(row, "published"),
            get(row, "author"), get(row, "title"), get(row, "url"));
        if (entry.file().isEmpty()) {
          throw new IllegalArgumentException(name + " line " + parser.getCurrentLineNumber() + ": empty 'file'");
        }
        if (byFile.put(entry.file(), entry) != null) {
          throw new IllegalArgumentException(name + ": file '" + entry.file() + "' is listed twice");
        }
      }
    } catch (UncheckedIOException | IOException | IllegalStateException e) {
      throw new IllegalArgumentException(name + ": not a readable CSV file (" + e.getMessage() + ")");
    } catch (IllegalArgumentException e) {
      throw e.getMessage() != null && e.getMessage().startsWith(name) ? e
          : new IllegalArgumentException(name + ": " + e.getMessage());
    }
    return new Manifest(byFile);
  }

  private static String get(CSVRecord row, String column) {
    return row.isMapped(column) && row.isSet(column) ? row.get(column) : "";
  }

  /** The entry for a file, looked up by its path relative to the input folder, then by its name. */
  public Optional<Entry> lookup(String relativePath) {
    Entry entry = byFile.get(relativePath);
    if (entry == null) {
      int slash = relativePath.lastIndexOf('/');
      entry = byFile.get(relativePath.substring(slash + 1));
    }
    return Optional.ofNullable(entry);
  }

  /** Rows naming a file that is not among {@code relativePaths} (matched as {@link #lookup} does). */
  public List<Entry> unmatched(Collection<String> relativePaths) {
    Set<String> known = new HashSet<>(relativePaths);
    relativePaths.forEach(p -> known.add(p.substring(p.lastIndexOf('/') + 1)));
    List<Entry> missing = new ArrayList<>();
    byFile.values().stream().filter(e -> !known.contains(e.file()))
        .sorted(java.util.Comparator.comparing(Entry::file)).forEach(missing::add);
    return missing;
  }

}
