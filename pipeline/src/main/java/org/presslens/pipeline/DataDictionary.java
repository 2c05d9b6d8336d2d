package org.presslens.pipeline;

import java.util.List;
import org.presslens.transforms.reports.ReportSpec;

/**
 * The data dictionary written to {@code output/README.md}: every report and every column, generated
 * from the same {@link ReportSpec}s that produce the CSV headers, so the two cannot drift apart.
 */
final class DataDictionary {

  static final String FILE_NAME = "README.md";

  private DataDictionary() {}

  static String markdown(List<ReportSpec> reports) {
    StringBuilder md = new StringBuilder();
    md.append("# PressLens reports\n\n")
        .append("This folder is written by the PressLens pipeline (see the project README for how to run it).\n")
        .append("A rerun replaces or removes only the files the last run wrote (listed in .presslens-files) and\n")
        .append("refuses a folder holding anything else. Every report is a CSV file: RFC 4180, UTF-8 with a\n")
        .append("byte order mark (so Excel detects UTF-8), comma-separated, one header row. Text cells that a\n")
        .append("spreadsheet would run as a formula (starting with = + - @, tab or CR) are prefixed with an\n")
        .append("apostrophe; numbers are never changed. Rows are in a fixed order, so two runs on the same\n")
        .append("input give identical files (times appear only in run_manifest.csv).\n");
    md.append("\nBesides the CSV files: report.html, a self-contained page drawn from these reports (open it\n")
        .append("first), and entity_cooccurrence.graphml, the corpus sentence-level entity network for Gephi.\n");
    for (ReportSpec report : reports) {
      md.append("\n## ").append(report.fileName()).append("\n\n").append(report.description()).append("\n\n");
      md.append("| column | meaning |\n|---|---|\n");
      for (ReportSpec.Column column : report.columns()) {
        md.append("| ").append(column.name()).append(" | ").append(column.description().replace("|", "\\|")).append(" |\n");
      }
    }
    return md.toString();
  }
}
