package org.presslens.transforms.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FooterOrderingStreamTest {

  @TempDir Path folder;

  /**
   * parquet-java lists a chunk's encodings in the order of a hash set, which changes from JVM to
   * JVM: the end of a file written with those lists in the opposite order comes out as the writer
   * wrote it, every list sorted.
   */
  @Test
  void theFooterComesOutTheSameWhateverOrderItsEncodingsWereCollectedIn() throws Exception {
    Path file = folder.resolve("sample.parquet");
    ParquetRowWriterTest.Sample.write(file.toString());
    byte[] bytes = Files.readAllBytes(file);
    int length = bytes[bytes.length - 8] & 0xff | (bytes[bytes.length - 7] & 0xff) << 8
        | (bytes[bytes.length - 6] & 0xff) << 16 | (bytes[bytes.length - 5] & 0xff) << 24;
    int footerStart = bytes.length - 8 - length;
    int indexesStart = Math.max(4, footerStart - 200); // some column and offset index bytes before the footer
    FileMetaData written = Util.readFileMetaData(new ByteArrayInputStream(bytes, footerStart, length));

    boolean several = false;
    for (RowGroup group : written.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData column = chunk.getMeta_data();
        several |= column.getEncodingsSize() > 1;
        for (int i = 1; i < column.getEncodingsSize(); i++) {
          assertTrue(column.getEncodings().get(i - 1).getValue() < column.getEncodings().get(i).getValue(),
              "sorted: " + column.getEncodings());
        }
        Collections.reverse(column.getEncodings());
        if (column.isSetEncoding_stats()) {
          Collections.reverse(column.getEncoding_stats());
        }
      }
    }
    assertTrue(several, "the sample's chunks have more than one encoding");

    ByteArrayOutputStream shuffled = new ByteArrayOutputStream();
    shuffled.write(bytes, indexesStart, footerStart - indexesStart);
    Util.writeFileMetaData(written, shuffled);
    int size = shuffled.size() - (footerStart - indexesStart);
    shuffled.write(new byte[] {(byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24)});
    shuffled.write(Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length));

    assertArrayEquals(Arrays.copyOfRange(bytes, indexesStart, bytes.length),
        FooterOrderingStream.ordered(shuffled.toByteArray()));
  }
}
