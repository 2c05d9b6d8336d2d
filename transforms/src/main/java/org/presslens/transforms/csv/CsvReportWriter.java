package org.presslens.transforms.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
        print(printer, header, row);
        n++;
      }
    }
    return n;
  }

  /**
   * Renders rows one at a time into CSV lines, UTF-8 without byte order mark or header, handed over
   * in pieces: a report written as {@link #header} followed by the pieces has the bytes
   * {@link #write} gives.
   */
  public static final class Lines {
    private final List<String> header;
    private final StringBuilder text = new StringBuilder();
    private final CSVPrinter printer;
    private int count;

    public Lines(List<String> header) {
      this.header = header;
      try {
        printer = new CSVPrinter(text, FORMAT);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a StringBuilder does not throw
      }
    }

    public void add(List<String> row) {
      try {
        print(printer, header, row);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      count++;
    }

    /** Rows added since the last {@link #take}. */
    public int count() {
      return count;
    }

    /** The lines added since the last call, in UTF-8; starts afresh. */
    public byte[] take() {
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      text.setLength(0);
      count = 0;
      return bytes;
    }
  }

  /** The first {@code rows} CSV lines of {@code csv} (lines as {@link Lines} renders them). */
  public static byte[] firstRows(byte[] csv, int rows) {
    if (rows == 0) {
      return new byte[0];
    }
    String text = new String(csv, StandardCharsets.UTF_8);
    try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
      int seen = 0;
      for (CSVRecord record : parser) {
        if (seen++ == rows) {
          return text.substring(0, (int) record.getCharacterPosition()).getBytes(StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string does not throw
    }
    return csv;
  }

  /** The byte order mark and the header line. */
  public static byte[] header(List<String> header) {
    StringBuilder text = new StringBuilder("\uFEFF");
    try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
      printer.printRecord(header);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void print(CSVPrinter printer, List<String> header, List<String> row) throws IOException {
    if (row.size() != header.size()) {
      throw new IllegalArgumentException("Row has " + row.size() + " cells, header has " + header.size() + ": " + row);
    }
    printer.printRecord(row.stream().map(CsvCells::neutralize).toList());
  }
}
