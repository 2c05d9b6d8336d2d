package org.presslens.transforms.reports;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * Up to {@link #MAX_ROWS} rows of a report in final order, already rendered as CSV lines (UTF-8),
 * with the report's file name and the sort key and part number that place them in it
 * ({@link WriteReports}).
 * Reports travel as blocks rather than one element per row (the direct runner pays per element),
 * and as bytes rather than lists of strings, which take about ten times the heap of the CSV
 * bytes: scopes of millions of rows must not be held as strings. {@link ReportBlocks} makes them.
 */
@DefaultCoder(ReportBlockCoder.class)
public final class ReportBlock implements Serializable {

  /**
   * Rows per block at most: keeps every element a runner sorts, shuffles or buffers small (Flink's
   * batch runner fails on a record larger than its sort buffer; an outlet's contrast rows are tens
   * of megabytes).
   */
  public static final int MAX_ROWS = 5_000;

  private final String report;
  private final SortKey sortKey;
  private final int part;
  private final int rows;
  private final byte[] csv;

  /**
   * @param report the file name of the report the rows belong to
   * @param sortKey places the block's scope (a document, an outlet, the corpus) in the file
   * @param part the block's number within its scope, from 0
   * @param rows number of CSV lines in {@code csv}
   */
  public ReportBlock(String report, SortKey sortKey, int part, int rows, byte[] csv) {
    this.report = Objects.requireNonNull(report);
    this.sortKey = Objects.requireNonNull(sortKey);
    this.part = part;
    this.rows = rows;
    this.csv = Objects.requireNonNull(csv);
  }

  public String report() {
    return report;
  }

  public SortKey sortKey() {
    return sortKey;
  }

  public int part() {
    return part;
  }

  public int rows() {
    return rows;
  }

  /** The CSV lines (the array itself: not to be changed). */
  public byte[] csv() {
    return csv;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportBlock b && report.equals(b.report) && sortKey.equals(b.sortKey) && part == b.part
        && rows == b.rows && Arrays.equals(csv, b.csv);
  }

  @Override
  public int hashCode() {
    return Objects.hash(report, sortKey, part, rows, Arrays.hashCode(csv));
  }

  @Override
  public String toString() {
    return "ReportBlock[" + report + " " + sortKey + " #" + part + ", " + rows + " rows]\n"
        + new String(csv, StandardCharsets.UTF_8);
  }
}
