package org.presslens.transforms.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvReportWriterTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "=SUM(A1:A2)|'=SUM(A1:A2)",
      "+cmd|'+cmd",
      "-pacific|'-pacific",
      "@import|'@import",
      "-3.5|-3.5",
      "+1e-9|+1e-9",
      "-0|-0",
      "nato|nato",
      "a=b|a=b"})
  void neutralisesFormulaCellsButNotNumbers(String in, String expected) {
    assertEquals(expected, CsvCells.neutralize(in));
  }

  @Test
  void neutralisesLeadingTabAndCarriageReturn() {
    assertEquals("'\tx", CsvCells.neutralize("\tx"));
    assertEquals("'\rx", CsvCells.neutralize("\rx"));
    assertEquals("", CsvCells.neutralize(null));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "-x|'-x", "'-x|''-x", "''-x|'''-x", "'-3|''-3", "'s|'s", "''|''", "'|'", "'nato|'nato"})
  void distinctValuesNeverShareACellAndEachComesBack(String in, String expected) {
    assertEquals(expected, CsvCells.neutralize(in));
    assertEquals(in, CsvCells.original(CsvCells.neutralize(in)));
  }

  @Test
  void dropsControlCharactersButKeepsTabsAndLineBreaks() {
    assertEquals("ab\tc\nd", CsvCells.neutralize("a\u0000b\tc\nd\u001B"));
    assertEquals("'=x", CsvCells.neutralize("\u0000=x"), "a formula behind a NUL is still neutralised");
  }

  @Test
  void writesBomHeaderAndRfc4180Quoting() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long n = CsvReportWriter.write(out, List.of("a", "b"),
        List.of(List.of("x, y", "say \"hi\""), List.of("line\nbreak", "=1+1")));
    assertEquals(2, n);
    byte[] bytes = out.toByteArray();
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertEquals("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",'=1+1\r\n", text);
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    assertEquals("line\nbreak", records.get(2).get(0));
  }

  @Test
  void headerAndRowPiecesGiveTheBytesOfOneWrite() throws IOException {
    List<String> header = List.of("a", "b");
    List<List<String>> first = List.of(List.of("x, y", "say \"hi\""));
    List<List<String>> second = List.of(List.of("line\nbreak", "=1+1"), List.of("é", ""));
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    CsvReportWriter.write(whole, header, List.of(first.get(0), second.get(0), second.get(1)));
    ByteArrayOutputStream pieces = new ByteArrayOutputStream();
    CsvReportWriter.Lines lines = new CsvReportWriter.Lines(header);
    pieces.write(CsvReportWriter.header(header));
    first.forEach(lines::add);
    pieces.write(lines.take());
    second.forEach(lines::add);
    assertEquals(2, lines.count());
    pieces.write(lines.take());
    assertArrayEquals(whole.toByteArray(), pieces.toByteArray());
    assertThrows(IllegalArgumentException.class, () -> lines.add(List.of("one")));
  }

  @Test
  void rejectsRowsOfTheWrongWidth() {
    assertThrows(IllegalArgumentException.class,
        () -> CsvReportWriter.write(new ByteArrayOutputStream(), List.of("a", "b"), List.of(List.of("only one"))));
  }
}
