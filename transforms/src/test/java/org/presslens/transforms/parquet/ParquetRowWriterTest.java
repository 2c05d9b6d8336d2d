package org.presslens.transforms.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.format.ColumnIndex;
import org.apache.parquet.format.PageLocation;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.reports.ReportSpec;

class ParquetRowWriterTest {

  @TempDir Path folder;

  @Test
  void writesTypedRowsThatAnIndependentReaderReadsBack() throws Exception {
    Path tableFolder = Files.createDirectories(folder.resolve("sample"));
    Sample.write(tableFolder.resolve("part.parquet").toString());

    List<List<Object>> rows = ParquetTables.read(tableFolder, "ORDER BY n");
    assertEquals(Sample.ROWS, rows.size());
    assertEquals(Arrays.asList("term 0", 0L, 0.0), rows.get(0));
    // a missing decimal (NaN) and a missing text are null
    assertEquals(Arrays.asList(null, 7L, null), rows.get(7));
    assertEquals(Arrays.asList("term 9", 9L, 4.5), rows.get(9));
  }

  @Test
  void rowsGivenValueByValueAreTheRowsGivenAsLists() throws Exception {
    Path byList = Files.createDirectories(folder.resolve("by-list"));
    Path byValue = Files.createDirectories(folder.resolve("by-value"));
    Sample.write(byList.resolve("part.parquet").toString());
    try (ParquetRowWriter writer = ParquetRowWriter.create(
        FileSystems.matchNewResource(byValue.resolve("part.parquet").toString(), false), Sample.TABLE)) {
      for (int i = 0; i < Sample.ROWS; i++) {
        writer.text(i == 7 ? null : "term " + i).integer(i).decimal(i == 7 ? Double.NaN : i / 2.0);
        writer.endRow();
      }
    }
    assertEquals(ParquetTables.read(byList, "ORDER BY n"), ParquetTables.read(byValue, "ORDER BY n"));
  }

  @Test
  void aValueOfTheWrongKindOrARowOfTheWrongLengthIsAnError() throws Exception {
    try (ParquetRowWriter writer = ParquetRowWriter.create(
        FileSystems.matchNewResource(folder.resolve("wrong.parquet").toString(), false), Sample.TABLE)) {
      IllegalStateException kind = assertThrows(IllegalStateException.class, () -> writer.integer(1));
      assertTrue(kind.getMessage().contains("column 0"), kind.getMessage());
      writer.text("term");
      IllegalStateException shortRow = assertThrows(IllegalStateException.class, writer::endRow);
      assertTrue(shortRow.getMessage().contains("a row of 1 values"), shortRow.getMessage());
      writer.integer(1).decimal(0.5);
      assertThrows(IllegalStateException.class, () -> writer.text("beyond the columns"));
      writer.endRow();
      assertEquals(1, writer.rows());
    }
  }

  /**
   * Pattern columns hold the values the rows would have had as ordinary columns ({@link Patterned}),
   * also when a reader filters on them (row-group statistics), over more than one row group.
   */
  @Test
  void patternColumnsHoldTheValuesTheRowsWouldHaveHadAsOrdinaryColumns() throws Exception {
    Path ordinary = Files.createDirectories(folder.resolve("ordinary"));
    Path patterned = Files.createDirectories(folder.resolve("patterned"));
    Patterned.write(ordinary.resolve("part.parquet"), patterned.resolve("part.parquet"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet groups = statement.executeQuery("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('"
            + patterned.resolve("part.parquet") + "')")) {
      groups.next();
      assertTrue(groups.getLong(1) > 1, "row groups: " + groups.getLong(1));
    }
    assertEquals(Patterned.ROWS, ParquetTables.read(patterned, "").size());
    assertEquals(ParquetTables.read(ordinary, "ORDER BY rank"), ParquetTables.read(patterned, "ORDER BY rank"));
    try (ParquetRowWriter writer = ParquetRowWriter.create(
        FileSystems.matchNewResource(folder.resolve("no-pattern.parquet").toString(), false), Patterned.TABLE,
        List.of(Set.of("count")))) {
      writer.text("a row").integer(1).decimal(1).text("over").integer(1);
      IllegalStateException noPattern = assertThrows(IllegalStateException.class, writer::endRow);
      assertTrue(noPattern.getMessage().contains("without its pattern"), noPattern.getMessage());
    }
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> ParquetRowWriter.create(
        FileSystems.matchNewResource(folder.resolve("twice.parquet").toString(), false), Patterned.TABLE,
        List.of(Set.of("count"), Set.of("rate", "count"))));
    assertTrue(twice.getMessage().contains("column count in two pattern groups"), twice.getMessage());
    for (String filter : List.of("WHERE rate > 3.5 ORDER BY rank", "WHERE rate IS NULL ORDER BY rank",
        "WHERE direction = 'under' AND count = 4 ORDER BY rank")) {
      List<List<Object>> selected = ParquetTables.read(patterned, filter);
      assertTrue(!selected.isEmpty(), filter);
      assertEquals(ParquetTables.read(ordinary, filter), selected, filter);
    }
  }

  /**
   * A term column is written plainly, other columns with parquet-java's dictionary: each writer has
   * options of its own, so a table with a term column leaves another table's columns as they are.
   */
  @Test
  void termsAreWrittenWithoutADictionaryAndOtherColumnsWithOne() throws Exception {
    ParquetTable words = ParquetTable.of("words", "terms and labels", List.of(
        ReportSpec.col("term", "a term"), ReportSpec.col("label", "a label")));
    ParquetTable labels = ParquetTable.of("labels", "labels only", List.of(ReportSpec.col("label", "a label")));
    Path wordsFile = folder.resolve("words.parquet");
    Path labelsFile = folder.resolve("labels.parquet");
    try (ParquetRowWriter withTerms = ParquetRowWriter.create(FileSystems.matchNewResource(wordsFile.toString(), false), words);
        ParquetRowWriter without = ParquetRowWriter.create(FileSystems.matchNewResource(labelsFile.toString(), false), labels)) {
      for (int i = 0; i < 1000; i++) {
        withTerms.write(List.of("term " + i % 10, "label " + i % 3));
        without.write(List.of("label " + i % 3));
      }
    }
    assertFalse(dictionaryEncoded(wordsFile, "term"));
    assertTrue(dictionaryEncoded(wordsFile, "label"));
    assertTrue(dictionaryEncoded(labelsFile, "label"));
  }

  /**
   * Ranks and character offsets are written as deltas, other whole numbers with the dictionary, and
   * an independent reader reads every value back, over several pages.
   */
  @Test
  void ranksAndOffsetsAreWrittenAsDeltas() throws Exception {
    ParquetTable mentions = ParquetTable.of("mentions", "ranked mentions", List.of(
        ReportSpec.integer("rank", "a rank"), ReportSpec.integer("start", "an offset"),
        ReportSpec.integer("count", "a count")));
    Path tableFolder = Files.createDirectories(folder.resolve("mentions"));
    Path file = tableFolder.resolve("part.parquet");
    int rows = 300_000;
    try (ParquetRowWriter writer =
        ParquetRowWriter.create(FileSystems.matchNewResource(file.toString(), false), mentions)) {
      for (int i = 0; i < rows; i++) {
        writer.integer(i + 1).integer(i % 1000 * 37L + (i == 5 ? -1_000_000_000_000L : 0)).integer(i % 7);
        writer.endRow();
      }
    }
    assertEquals(Set.of(Encoding.DELTA_BINARY_PACKED), dataEncodings(file, "rank"));
    assertEquals(Set.of(Encoding.DELTA_BINARY_PACKED), dataEncodings(file, "start"));
    assertTrue(dictionaryEncoded(file, "count"));
    List<List<Object>> read = ParquetTables.read(tableFolder, "ORDER BY rank");
    assertEquals(rows, read.size());
    for (int i = 0; i < rows; i++) {
      assertEquals(List.of(i + 1L, i % 1000 * 37L + (i == 5 ? -1_000_000_000_000L : 0), (long) (i % 7)), read.get(i));
    }
  }

  /** The encodings of a column's values (not of its levels) in the file's first row group. */
  private static Set<Encoding> dataEncodings(Path parquet, String column) throws Exception {
    Set<Encoding> encodings = new TreeSet<>(chunk(parquet, column).getEncodings());
    encodings.removeAll(Set.of(Encoding.RLE, Encoding.BIT_PACKED));
    return encodings;
  }

  private static boolean dictionaryEncoded(Path parquet, String column) throws Exception {
    return chunk(parquet, column).getEncodings().stream().anyMatch(e -> e.usesDictionary());
  }

  private static ColumnChunkMetaData chunk(Path parquet, String column) throws Exception {
    byte[] file = Files.readAllBytes(parquet);
    int footerLength = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    ParquetMetadata footer = new ParquetMetadataConverter().readParquetMetadata(
        new ByteArrayInputStream(file, file.length - 8 - footerLength, footerLength), ParquetMetadataConverter.NO_FILTER);
    return footer.getBlocks().get(0).getColumns().stream()
        .filter(c -> c.getPath().toDotString().equals(column)).findFirst().orElseThrow();
  }

  /**
   * Each page of a pattern column carries the statistics of its own rows (the page index readers
   * use to skip pages): read back with parquet-java's reader, page by page, against the rows the
   * page holds.
   */
  @Test
  void patternColumnPagesCarryTheStatisticsOfTheirOwnRows() throws Exception {
    Path patterned = folder.resolve("patterned.parquet");
    Patterned.write(folder.resolve("ordinary.parquet"), patterned);
    int pages = 0;
    byte[] file = Files.readAllBytes(patterned);
    int footerLength = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    ParquetMetadata footer = new ParquetMetadataConverter().readParquetMetadata(
        new ByteArrayInputStream(file, file.length - 8 - footerLength, footerLength),
        ParquetMetadataConverter.NO_FILTER);
    long firstRowOfGroup = 0;
    for (BlockMetaData group : footer.getBlocks()) {
      ColumnChunkMetaData rate = group.getColumns().stream()
          .filter(c -> c.getPath().toDotString().equals("rate")).findFirst().orElseThrow();
      ColumnIndex statistics = Util.readColumnIndex(new ByteArrayInputStream(file,
          (int) rate.getColumnIndexReference().getOffset(), rate.getColumnIndexReference().getLength()));
      List<PageLocation> locations = Util.readOffsetIndex(new ByteArrayInputStream(file,
          (int) rate.getOffsetIndexReference().getOffset(), rate.getOffsetIndexReference().getLength()))
          .getPage_locations();
      for (int page = 0; page < locations.size(); page++) {
        long first = locations.get(page).getFirst_row_index();
        long end = page + 1 < locations.size() ? locations.get(page + 1).getFirst_row_index() : group.getRowCount();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        long nulls = 0;
        for (long row = first; row < end; row++) {
          Double value = Patterned.rate((int) (firstRowOfGroup + row));
          if (value == null) {
            nulls++;
          } else {
            min = Math.min(min, value);
            max = Math.max(max, value);
          }
        }
        assertEquals(nulls, statistics.getNull_counts().get(page), "nulls of page " + page);
        // a delta of 0: parquet-java writes a minimum of 0 as -0.0, as its column writers do
        assertEquals(min, littleEndianDouble(statistics.getMin_values().get(page)), 0, "min of page " + page);
        assertEquals(max, littleEndianDouble(statistics.getMax_values().get(page)), 0, "max of page " + page);
        pages++;
      }
      firstRowOfGroup += group.getRowCount();
    }
    assertTrue(pages > 10, "pages: " + pages);
  }

  private static double littleEndianDouble(ByteBuffer bytes) {
    return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).getDouble(0);
  }

  /**
   * 200,000 rows whose count, rate and direction come from their pattern, one of 37 in no order
   * (the rows of a pattern far apart), the rate missing for one; written with those as pattern
   * columns and as ordinary ones. Three pattern groups: count and rate by the pattern, the term by
   * the row (a pattern of its own: its dictionary holds every row's term), the direction by the
   * pattern's half. The long terms make more than one row group (in the patterned file, only if
   * the dictionaries' sizes are counted) and many pages.
   */
  private static final class Patterned {
    static final int ROWS = 200_000;
    static final ParquetTable TABLE = ParquetTable.of("patterned", "rows with patterns", List.of(
        ReportSpec.col("term", "per row"), ReportSpec.integer("count", "per pattern"),
        ReportSpec.decimal("rate", 4, "per pattern, missing for one"), ReportSpec.col("direction", "per pattern"),
        ReportSpec.integer("rank", "per row")));

    static final List<Set<String>> GROUPS = List.of(Set.of("count", "rate"), Set.of("term"), Set.of("direction"));

    static int pattern(int row) {
      return (row * 7919) % 37;
    }

    static Double rate(int row) {
      return pattern(row) == 3 ? null : pattern(row) / 8.0;
    }

    static void write(Path ordinary, Path patterned) throws Exception {
      try (ParquetRowWriter plain = ParquetRowWriter.create(
              FileSystems.matchNewResource(ordinary.toString(), false), TABLE);
          ParquetRowWriter withPatterns = ParquetRowWriter.create(
              FileSystems.matchNewResource(patterned.toString(), false), TABLE, GROUPS)) {
        for (int i = 0; i < ROWS; i++) {
          int pattern = pattern(i);
          Double rate = rate(i);
          withPatterns.rowPattern(0, pattern);
          withPatterns.rowPattern(1, i);
          withPatterns.rowPattern(2, pattern < 20 ? 0 : 1);
          for (ParquetRowWriter writer : List.of(plain, withPatterns)) {
            writer.text(term(i)).integer(pattern % 5).decimal(rate == null ? Double.NaN : rate)
                .text(pattern < 20 ? "over" : "under").integer(i);
            writer.endRow();
          }
        }
      }
    }
  }

  /** A term of 108 characters that no other row has and that compression cannot shorten much. */
  private static String term(int row) {
    String seed = Integer.toString(row);
    return UUID.nameUUIDFromBytes(seed.getBytes()) + "-" + UUID.nameUUIDFromBytes((seed + "b").getBytes()) + "-"
        + UUID.nameUUIDFromBytes((seed + "c").getBytes());
  }

  /**
   * The writer compresses its pages without Parquet's codec factory, which reaches Snappy through
   * Hadoop's classes and loads Hadoop's configuration first: it writes from a class loader that
   * has every jar of the tests but Hadoop's.
   */
  @Test
  void needsNoHadoopClass() throws Exception {
    List<URL> withoutHadoop = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.replace(File.separatorChar, '/').contains("/org/apache/hadoop/")) { // parquet-hadoop stays
        withoutHadoop.add(Path.of(entry).toUri().toURL());
      }
    }
    Path tableFolder = Files.createDirectories(folder.resolve("isolated"));
    try (URLClassLoader loader = new URLClassLoader(withoutHadoop.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      assertTrue(isMissing(loader, "org.apache.hadoop.conf.Configuration"), "the loader must not see Hadoop");
      loader.loadClass(Sample.class.getName()).getMethod("write", String.class)
          .invoke(null, tableFolder.resolve("part.parquet").toString());
    }
    assertEquals(Sample.ROWS, ParquetTables.read(tableFolder, "").size());
  }

  private static boolean isMissing(ClassLoader loader, String name) {
    try {
      loader.loadClass(name);
      return false;
    } catch (ClassNotFoundException e) {
      return true;
    }
  }

  /** Writes a small table; public, so that a test can call it in a class loader of its own. */
  public static final class Sample {
    static final int ROWS = 10;
    static final ParquetTable TABLE = ParquetTable.of("sample", "rows of three types", List.of(
        ReportSpec.col("term", "a text"), ReportSpec.integer("n", "a whole number"),
        ReportSpec.decimal("half", 1, "a decimal")));

    public static void write(String file) throws Exception {
      try (ParquetRowWriter writer = ParquetRowWriter.create(FileSystems.matchNewResource(file, false), TABLE)) {
        for (int i = 0; i < ROWS; i++) {
          writer.write(i == 7 ? Arrays.asList(null, 7L, Double.NaN) : List.of("term " + i, (long) i, i / 2.0));
        }
      }
    }
  }
}
