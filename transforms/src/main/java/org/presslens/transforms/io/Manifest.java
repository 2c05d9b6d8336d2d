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

  /**
   * Other names that users give the columns (compared ignoring case, spaces, hyphens and
   * underscores: {@code File_Name} is {@code filename}). A column named as in {@link #COLUMNS} wins over its other names; otherwise the
   * first of them in the header is used.
   */
  static final Map<String, List<String>> OTHER_NAMES = Map.of(
      "file", List.of("path", "filename", "file path"),
      "doc_id", List.of("id", "document id", "identifier"),
      "outlet", List.of("source", "site", "site name", "source name", "media name", "publication", "publisher",
          "newspaper", "media"),
      "published", List.of("date", "pubdate", "publication date", "published at", "published date", "datetime"),
      "author", List.of("authors", "byline", "creator", "writer"),
      "title", List.of("headline", "heading"),
      "url", List.of("link", "href", "uri", "source url"));

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
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(CsvDelimiter.of(decoded.text()))
        .setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
    Map<String, Entry> byFile = new HashMap<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(decoded.text()), format)) {
      Map<String, String> columns = columns(parser.getHeaderNames());
      if (!columns.containsKey("file")) {
        throw new IllegalArgumentException(name + ": manifest needs a column naming each text file ('file', or one of "
            + OTHER_NAMES.get("file") + "); its columns are " + parser.getHeaderNames() + ", PressLens reads " + COLUMNS);
      }
      for (CSVRecord row : parser) {
        Entry entry = new Entry(get(row, columns, "file"), get(row, columns, "doc_id"), get(row, columns, "outlet"),
            get(row, columns, "published"), get(row, columns, "author"), get(row, columns, "title"),
            get(row, columns, "url"));
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

  /** The header's column for each of {@link #COLUMNS} that it has, by PressLens's name. */
  static Map<String, String> columns(List<String> header) {
    Map<String, String> columns = new HashMap<>();
    for (String column : COLUMNS) {
      List<String> others = OTHER_NAMES.get(column).stream().map(Manifest::plain).toList();
      header.stream().filter(given -> plain(given).equals(plain(column))).findFirst()
          .or(() -> header.stream().filter(given -> others.contains(plain(given))).findFirst())
          .ifPresent(given -> columns.put(column, given));
    }
    return columns;
  }

  private static String plain(String column) {
    return column.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]", "");
  }

  private static String get(CSVRecord row, Map<String, String> columns, String column) {
    String given = columns.get(column);
    return given != null && row.isMapped(given) && row.isSet(given) ? row.get(given) : "";
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
