package org.presslens.transforms.parquet;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a full-detail table back with DuckDB, an independent Parquet reader, as an analyst would. */
public final class ParquetTables {

  private ParquetTables() {}

  /** Every row of the table in {@code folder}, values as DuckDB returns them (String, Long, Double, null). */
  public static List<List<Object>> read(Path folder, String orderBy) throws SQLException {
    return query("SELECT * FROM read_parquet('" + folder + "/*.parquet') " + orderBy);
  }

  /** The rows of a query, e.g. of one file: {@code SELECT doc_id FROM read_parquet('<file>')}. */
  public static List<List<Object>> query(String sql) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
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
}
