package org.presslens.transforms.reports;

import java.io.Serializable;
import java.util.List;

/** A report's file name, purpose and columns: the single source for CSV headers and the data dictionary. */
public record ReportSpec(String fileName, String description, List<Column> columns) implements Serializable {

  /** One column and what it means. */
  public record Column(String name, String description) implements Serializable {}

  public static Column col(String name, String description) {
    return new Column(name, description);
  }

  public List<String> header() {
    return columns.stream().map(Column::name).toList();
  }
}
