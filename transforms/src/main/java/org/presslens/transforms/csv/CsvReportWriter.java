package org.presslens.transforms.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one report as RFC 4180 CSV (comma, double-quote escaping, CRLF) in UTF-8 with a byte
 * order mark, which Excel needs to read UTF-8. Every cell passes through {@link CsvCells}.
 */
public final class CsvReportWriter {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private CsvReportWriter() {}

  /** Writes header and rows to {@code out}; closes {@code out}. Returns the number of data rows. */
  public static long write(OutputStream out, List<String> header, Iterable<List<String>> rows)
      throws IOException {
    long n = 0;
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
      writer.write('\uFEFF');
      printer.printRecord(header);
      for (List<String> row : rows) {
        if (row.size() != header.size()) {
          throw new IllegalArgumentException(
              "Row has " + row.size() + " cells, header has " + header.size() + ": " + row);
        }
        printer.printRecord(row.stream().map(CsvCells::neutralize).toList());
        n++;
      }
    }
    return n;
  }
}
