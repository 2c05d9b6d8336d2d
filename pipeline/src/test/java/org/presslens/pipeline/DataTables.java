package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The full-detail tables of a run folder, read with DuckDB (an independent Parquet reader), as an analyst would. */
final class DataTables {

  private DataTables() {}

  /** Rows of a query over the run folder's tables, written as {@code data/<table>} in the SQL. */
  static List<List<Object>> query(Path output, String sql) throws SQLException {
    return run(sql.replaceAll("data/([a-z_]+)", "read_parquet('" + output.resolve("data") + "/$1/*.parquet')"));
  }

  /** Rows of a query as it is. */
  static List<List<Object>> run(String resolved) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet rows = statement.executeQuery(resolved)) {
      List<List<Object>> all = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(rows.getObject(i));
        }
        all.add(row);
      }
      return all;
    }
  }

  /** Every table of the run folder, by name, its rows sorted. */
  static Map<String, List<List<Object>>> all(Path output) throws IOException, SQLException {
    Map<String, List<List<Object>>> tables = new TreeMap<>();
    try (Stream<Path> folders = Files.list(output.resolve("data"))) {
      for (Path folder : folders.sorted().toList()) {
        String table = folder.getFileName().toString();
        tables.put(table, query(output, "SELECT * FROM data/" + table + " ORDER BY ALL"));
      }
    }
    return tables;
  }

  /** Both run folders hold the same tables with the same rows (in any order within a table). */
  static void assertSame(Path expected, Path actual) throws IOException, SQLException {
    Map<String, List<List<Object>>> want = all(expected);
    Map<String, List<List<Object>>> got = all(actual);
    assertEquals(want.keySet(), got.keySet(), "tables");
    for (String table : want.keySet()) {
      assertEquals(want.get(table), got.get(table), "rows of data/" + table);
    }
  }
}
