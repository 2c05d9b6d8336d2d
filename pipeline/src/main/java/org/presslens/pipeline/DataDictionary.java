package org.presslens.pipeline;

import java.util.List;
import java.util.Map;
import org.presslens.transforms.parquet.ParquetTable;
import org.presslens.transforms.reports.ReportSpec;

/**
 * The data dictionary written to {@code output/README.md}: every report and every column, how each
 * CSV file selects its rows, and every full-detail table with its column types, generated from the
 * same {@link ReportSpec}s that produce the CSV headers and Parquet schemas, so they cannot drift apart.
 */
final class DataDictionary {

  static final String FILE_NAME = "README.md";

  private DataDictionary() {}

  /**
   * @param selections how each CSV file selects its rows, by file name
   * @param maxRows the row limit of every CSV file
   * @param tables the full-detail tables written (none without the tier)
   */
  static String markdown(List<ReportSpec> reports, Map<String, String> selections, long maxRows, List<ParquetTable> tables) {
    StringBuilder md = new StringBuilder();
    md.append("# PressLens reports\n\n")
        .append("This folder is written by the PressLens pipeline (see the project README for how to run it).\n")
        .append("A rerun replaces or removes only the files the last run wrote (listed in .presslens-files) and\n")
        .append("refuses a folder holding anything else. Every report is a CSV file: RFC 4180, UTF-8 with a\n")
        .append("byte order mark (so Excel detects UTF-8), comma-separated, one header row. Text cells that a\n")
        .append("spreadsheet would run as a formula (starting with = + - @, tab or CR, after any apostrophes)\n")
        .append("are prefixed with an apostrophe, so '-x stands for -x and ''-x for '-x; numbers are never\n")
        .append("changed. Rows are in a fixed order, so two runs on the same\n")
        .append("input give identical files (times appear only in run_manifest.csv).\n");
    md.append("\nThe CSV files are the spreadsheet tier: each holds at most ").append(String.format("%,d", maxRows))
        .append(" rows (the first in\nreport order), and the larger reports keep the rows a reader looks at first, ")
        .append("as each section says.\n");
    md.append(tables.isEmpty() ? "This run wrote no full-detail tables (--parquet=false).\n"
        : "The full-detail tier, in data/, holds every row as Parquet tables (see the end of this file).\n");
    md.append("\nBesides the CSV files: report.html, a self-contained page drawn from these reports (open it\n")
        .append("first), and entity_cooccurrence.graphml, the corpus sentence-level entity network for Gephi.\n");
    for (ReportSpec report : reports) {
      md.append("\n## ").append(report.fileName()).append("\n\n").append(report.description()).append("\n\n");
      String selection = selections.get(report.fileName());
      if (selection != null) {
        md.append("Rows in this file: ").append(selection).append(".\n\n");
      }
      columns(md, report.columns(), false);
    }
    if (!tables.isEmpty()) {
      md.append("\n## Full-detail tables (data/)\n\n")
          .append("Each table is a folder of Parquet files (Snappy-compressed) under data/, read as one table by\n")
          .append("DuckDB (`SELECT * FROM 'data/term_frequencies/*.parquet'`), pandas (`pd.read_parquet('data/term_frequencies')`),\n")
          .append("R arrow (`open_dataset('data/term_frequencies')`) and Spark 3.3 or later (`spark.read.parquet(...)`). A table holds\n")
          .append("every row of the report of the same name, before the spreadsheet selection; columns are typed\n")
          .append("(text: string, whole numbers: int64, decimals: double, unrounded), and a decimal the CSV file\n")
          .append("leaves empty is null. Row order within a table is not meaningful.\n");
      for (ParquetTable table : tables) {
        md.append("\n### data/").append(table.name()).append("/\n\n").append(table.description()).append("\n\n");
        columns(md, table.columns(), true);
      }
    }
    return md.toString();
  }

  private static void columns(StringBuilder md, List<ReportSpec.Column> columns, boolean withTypes) {
    md.append(withTypes ? "| column | type | meaning |\n|---|---|---|\n" : "| column | meaning |\n|---|---|\n");
    for (ReportSpec.Column column : columns) {
      md.append("| ").append(column.name()).append(" | ");
      if (withTypes) {
        md.append(switch (column.kind()) {
          case TEXT -> "string";
          case INTEGER -> "int64";
          case DECIMAL, SIGNIFICANT -> "double";
        }).append(" | ");
      }
      md.append(column.description().replace("|", "\\|")).append(" |\n");
    }
  }
}
