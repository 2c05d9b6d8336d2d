package org.presslens.transforms.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
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
