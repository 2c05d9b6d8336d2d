package org.presslens.transforms.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.RejectedInput.Reason;

/**
 * Reads CSV files (RFC 4180 with a header row; {@code .gz} is decompressed, the charset is
 * detected like for text files, and a header row without a comma makes the semicolon or the tab
 * the delimiter, {@link CsvDelimiter}) through Beam's {@link FileIO}: one document per row, columns
 * chosen by {@link RecordFields}. Rows are numbered as a spreadsheet shows them (the header is
 * row 1). A row with a different number of cells than the header, or with an empty text, is
 * rejected; a file without the text column, or without data rows, is rejected as a whole. A row
 * that cannot be parsed (a quote that is never closed, text after a closing quote) is rejected
 * and reading goes on at the next line, so one bad row costs only itself and the lines its open
 * quote took in; after {@value #MAX_RESUMES} such rows the rest of the file is rejected at once.
 */
public final class ReadCsvFiles extends PTransform<PBegin, PCollectionTuple> {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).get();

  /** Unparseable rows per file after which the rest of the file is rejected as one item. */
  static final int MAX_RESUMES = 100;

  private final String filePattern;
  private final String root;
  private final RecordFields fields;
  private final HtmlText html;

  private ReadCsvFiles(String filePattern, String root, RecordFields fields, HtmlText html) {
    this.filePattern = filePattern;
    this.root = root;
    this.fields = fields;
    this.html = html;
  }

  /**
   * @param filePattern a file or glob
   * @param root prefix removed from file names in reports (the folder of the input)
   */
  public static ReadCsvFiles from(String filePattern, String root, RecordFields fields) {
    return new ReadCsvFiles(filePattern, root, fields, HtmlText.of(HtmlText.Mode.AUTO));
  }

  /** Which texts are read as HTML (default: {@link HtmlText.Mode#AUTO}). */
  public ReadCsvFiles html(HtmlText.Mode mode) {
    return new ReadCsvFiles(filePattern, root, fields, HtmlText.of(mode));
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple rows = begin
        .apply("MatchFiles", FileIO.match().filepattern(filePattern).withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("ReadMatches", FileIO.readMatches())
        .apply("ParseRows", ParDo.of(new ParseRowsFn(root, fields))
            .withOutputTags(RECORDS, TupleTagList.of(CorpusTags.REJECTED)));
    PCollectionTuple read = RecordDocuments.spreadAndRead(rows.get(RECORDS), html);
    PCollection<RejectedInput> rejected = PCollectionList.of(rows.get(CorpusTags.REJECTED))
        .and(read.get(CorpusTags.REJECTED)).apply("AllRejected", Flatten.pCollections());
    return PCollectionTuple.of(CorpusTags.DOCUMENTS, read.get(CorpusTags.DOCUMENTS)).and(CorpusTags.REJECTED, rejected);
  }

  private static final TupleTag<RecordDocuments.Record> RECORDS = new TupleTag<>() {};

  /** Parses each file's rows into records; their texts are read as pages after they are spread. */
  static final class ParseRowsFn extends DoFn<FileIO.ReadableFile, RecordDocuments.Record> {
    private final String root;
    private final RecordFields fields;

    ParseRowsFn(String root, RecordFields fields) {
      this.root = root;
      this.fields = fields;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String source = SourceNames.of(file, root);
      TextDecoder.Decoded decoded;
      try {
        decoded = TextDecoder.decodeRecords(file.readFullyAsBytes());
      } catch (IOException e) {
        reject(out, source, "", Reason.UNREADABLE, ReadFailure.detail(e, ""));
        return;
      }
      if (!decoded.ok()) {
        reject(out, source, "", decoded.failure(), decoded.detail());
        return;
      }
      String text = decoded.text();
      CSVFormat format = FORMAT.builder().setDelimiter(CsvDelimiter.of(text)).get();
      try (CSVParser parser = format.parse(new StringReader(text))) {
        Map<String, Integer> header = parser.getHeaderMap();
        if (header == null || header.isEmpty()) {
          reject(out, source, "", Reason.EMPTY, "file has no header row");
          return;
        }
        if (!header.containsKey(fields.text())) {
          reject(out, source, "", Reason.MISSING_FIELD,
              "no column '" + fields.text() + "' in the header (" + String.join(", ", parser.getHeaderNames()) + ")");
          return;
        }
        CSVFormat body = format.builder().setHeader(parser.getHeaderNames().toArray(String[]::new))
            .setSkipHeaderRecord(false).get();
        long[] lineStarts = lineStarts(text);
        long row = 1; // the header
        CSVParser current = parser;
        long firstLine = 0; // physical line (from 0) where current's input starts
        int resumes = 0;
        while (current != null) {
          CSVParser next = null;
          Iterator<CSVRecord> rows = current.iterator();
          long line = current.getCurrentLineNumber(); // line where the next record starts, relative to firstLine
          while (true) {
            CSVRecord record;
            try {
              if (!rows.hasNext()) {
                break;
              }
              record = rows.next();
            } catch (UncheckedIOException | IllegalStateException e) {
              row++;
              long resumeAt = firstLine + line + 1;
              if (resumes++ == MAX_RESUMES || resumeAt >= lineStarts.length) {
                reject(out, source, "row " + row, Reason.MALFORMED_CSV, "cannot parse the rest of the file: " + e.getMessage());
                break;
              }
              reject(out, source, "row " + row, Reason.MALFORMED_CSV,
                  "cannot parse this row (a quote not closed, or text after a closing quote?); reading goes on at the next line: "
                      + e.getMessage());
              firstLine = resumeAt;
              next = body.parse(new StringReader(text.substring((int) lineStarts[(int) resumeAt])));
              break;
            }
            row++;
            emit(out, source, row, header.size(), format.getDelimiterString().charAt(0), record, decoded.charset());
            line = current.getCurrentLineNumber();
          }
          if (current != parser) {
            current.close();
          }
          current = next;
        }
        if (row == 1) {
          reject(out, source, "", Reason.EMPTY, "file has a header row but no data rows");
        }
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        reject(out, source, "", Reason.MALFORMED_CSV, e.getMessage());
      }
    }

    /** Where each physical line starts (line breaks: CR LF, LF or CR, as the CSV parser counts them). */
    static long[] lineStarts(String text) {
      long[] starts = new long[16];
      int n = 1;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          if (n == starts.length) {
            starts = java.util.Arrays.copyOf(starts, 2 * n);
          }
          starts[n++] = i + 1;
        }
      }
      return java.util.Arrays.copyOf(starts, n);
    }

    private void emit(MultiOutputReceiver out, String source, long row, int columns, char delimiter, CSVRecord record,
        String charset) {
      String item = "row " + row;
      if (record.size() != columns) {
        reject(out, source, item, Reason.MALFORMED_CSV,
            "row has " + record.size() + " cells, the header has " + columns + " (unquoted " + CsvDelimiter.name(delimiter)
                + " or line break?)");
        return;
      }
      String text = record.get(fields.text());
      if (text.isBlank()) {
        reject(out, source, item, Reason.EMPTY, "column '" + fields.text() + "' is empty");
        return;
      }
      if (text.indexOf('\u0000') >= 0) {
        reject(out, source, item, Reason.BINARY, "column '" + fields.text() + "' holds NUL characters: not text");
        return;
      }
      out.get(RECORDS).output(new RecordDocuments.Record(source, item, row, new RecordDocuments.RecordValues(text,
          cell(record, fields.id()), cell(record, fields.group()), cell(record, fields.date()), cell(record, fields.title()),
          cell(record, fields.author())), charset));
    }

    private static String cell(CSVRecord record, String column) {
      return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
    }

    private static void reject(MultiOutputReceiver out, String source, String item, Reason reason, String detail) {
      out.get(CorpusTags.REJECTED).output(RejectedInput.of(source, item, reason, detail));
    }
  }

}
