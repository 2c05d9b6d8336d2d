package org.presslens.pipeline.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.presslens.transforms.csv.CsvCells;

/** Reads back the CSV reports of a run folder (on any Beam filesystem) for the HTML page and graph export. */
final class ReportTables {

  private final String directory;

  ReportTables(String directory) {
    this.directory = directory.endsWith("/") ? directory : directory + "/";
  }

  List<CSVRecord> read(String fileName) throws IOException {
    InputStream raw = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(directory + fileName, false)));
    try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(raw).get(), StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
  }

  /** A cell as the analyst typed it: the apostrophe that neutralised a formula is removed for display. */
  static String text(CSVRecord record, String column) {
    return CsvCells.original(record.get(column));
  }

  static double number(CSVRecord record, String column) {
    String value = record.get(column);
    return value.isEmpty() ? 0 : Double.parseDouble(value);
  }
}
