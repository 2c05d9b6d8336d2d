package org.presslens.transforms.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriteStore;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.plain.PlainValuesWriter;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridValuesWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;

/**
 * One group of the columns of a table whose values a row's pattern decides (a contrast's count
 * pattern decides its counts, rates and statistics; a co-occurrence's entity number decides the
 * entity's name and type), written one row group at a time as parquet-java's dictionary
 * writer writes them: a dictionary page of each column's distinct values and data pages of
 * definition levels and dictionary indices, through parquet-java's own encoders and page writers.
 * Each row costs one index per column instead of a value through the column writers (their level,
 * dictionary, statistics and size bookkeeping per value), and a pattern's values are taken in once
 * per row group. A row's pattern is a non-negative id (an int is kept per id up to the largest, so
 * ids should be numbers from 0 rather than hashes); all rows with one id in a file must have the
 * same values in these columns (null for a missing value).
 */
final class PatternColumns {

  private final ColumnDescriptor[] descriptors;
  private final int pageRows;
  private final int pageBytes;
  private final ByteBufferAllocator allocator;

  /** Per column: its distinct values in this row group, in the order of their indices. */
  private final List<Map<Object, Integer>> dictionaries = new ArrayList<>();
  /** Per column, per pattern of this row group (in the order first seen): its value's index, -1 for null. */
  private int[][] indexOfPattern;
  /** The caller's pattern id to its place among this row group's patterns, -1 if not seen. */
  private int[] patternOfId = new int[0];
  private int patterns;
  /** Per row of this row group: its pattern's place. */
  private int[] rowPatterns = new int[1024];
  private int rows;
  /** The current row's pattern's place, and whether its values are being taken in (its first row). */
  private int current = -1;
  private boolean taking;
  /** Bytes of this row group's dictionary values, about. */
  private long dictionaryBytes;

  PatternColumns(List<ColumnDescriptor> descriptors, int pageRows, int pageBytes, ByteBufferAllocator allocator) {
    this.descriptors = descriptors.toArray(ColumnDescriptor[]::new);
    this.pageRows = pageRows;
    this.pageBytes = pageBytes;
    this.allocator = allocator;
    startRowGroup();
  }

  /** Sets the current row's pattern; the values of its first row in the row group are taken as the pattern's. */
  void rowPattern(int id) {
    if (id < 0) {
      throw new IllegalArgumentException("a pattern id below 0: " + id);
    }
    if (id >= patternOfId.length) {
      int old = patternOfId.length;
      patternOfId = Arrays.copyOf(patternOfId, Math.max(id + 1, 2 * old));
      Arrays.fill(patternOfId, old, patternOfId.length, -1);
    }
    taking = patternOfId[id] < 0;
    if (taking) {
      patternOfId[id] = patterns++;
      for (int c = 0; c < descriptors.length; c++) {
        if (patterns > indexOfPattern[c].length) {
          indexOfPattern[c] = Arrays.copyOf(indexOfPattern[c], 2 * patterns);
        }
      }
    }
    current = patternOfId[id];
  }

  boolean hasPattern() {
    return current >= 0;
  }

  /** Whether the current row is its pattern's first in the row group, whose values are taken in. */
  boolean taking() {
    return taking;
  }

  /**
   * The value of the current row's {@code column}-th pattern column (a {@link Binary}, a
   * {@code Long} or a {@code Double}; null for a missing one): kept only from a pattern's first row.
   */
  void value(int column, Object value) {
    if (!taking) {
      return;
    }
    if (value == null) {
      indexOfPattern[column][current] = -1;
      return;
    }
    Map<Object, Integer> dictionary = dictionaries.get(column);
    Integer index = dictionary.get(value);
    if (index == null) {
      index = dictionary.size();
      dictionary.put(value, index);
      dictionaryBytes += value instanceof Binary binary ? 4 + binary.length() : 8;
    }
    indexOfPattern[column][current] = index;
  }

  void endRow() {
    if (rows == rowPatterns.length) {
      rowPatterns = Arrays.copyOf(rowPatterns, 2 * rows);
    }
    rowPatterns[rows++] = current;
    current = -1;
    taking = false;
  }

  /** Bytes this row group holds so far, about: a pattern per row and the dictionaries' values. */
  long bufferedSize() {
    return 4L * rows + dictionaryBytes;
  }

  /** Writes this row group's pages of each column to its page writer, and starts the next row group. */
  void writeRowGroup(PageWriteStore pages) throws IOException {
    for (int c = 0; c < descriptors.length; c++) {
      writeColumn(c, pages.getPageWriter(descriptors[c]));
    }
    startRowGroup();
  }

  private void startRowGroup() {
    dictionaries.clear();
    indexOfPattern = new int[descriptors.length][];
    for (int c = 0; c < descriptors.length; c++) {
      dictionaries.add(new LinkedHashMap<>());
      indexOfPattern[c] = new int[16];
    }
    Arrays.fill(patternOfId, -1);
    patterns = 0;
    rows = 0;
    dictionaryBytes = 0;
  }

  private void writeColumn(int c, PageWriter writer) throws IOException {
    PrimitiveType type = descriptors[c].getPrimitiveType();
    List<Object> dictionary = new ArrayList<>(dictionaries.get(c).keySet());
    int[] index = indexOfPattern[c];
    int bitWidth = BytesUtils.getWidthFromMaxInt(Math.max(dictionary.size() - 1, 0));
    // the dictionary values a page uses, for its statistics: marked, listed, and unmarked again
    boolean[] marked = new boolean[dictionary.size()];
    int[] used = new int[Math.min(dictionary.size(), pageRows)];
    for (int from = 0; from < rows; from += pageRows) {
      int to = Math.min(rows, from + pageRows);
      Statistics<?> statistics = Statistics.createStats(type);
      int usedCount = 0;
      long nulls = 0;
      try (var levels = new RunLengthBitPackingHybridValuesWriter(1, 64, pageBytes, allocator);
          var indices = new RunLengthBitPackingHybridEncoder(bitWidth, 64, pageBytes, allocator)) {
        for (int r = from; r < to; r++) {
          int i = index[rowPatterns[r]];
          if (i < 0) {
            levels.writeInteger(0);
            nulls++;
          } else {
            levels.writeInteger(1);
            indices.writeInt(i);
            if (!marked[i]) {
              marked[i] = true;
              used[usedCount++] = i;
            }
          }
        }
        for (int u = 0; u < usedCount; u++) {
          update(statistics, dictionary.get(used[u]));
          marked[used[u]] = false;
        }
        statistics.incrementNumNulls(nulls);
        boolean none = nulls == to - from;
        BytesInput values = none ? BytesInput.empty()
            : BytesInput.concat(BytesInput.from(new byte[] {(byte) bitWidth}), indices.toBytes());
        writer.writePage(BytesInput.concat(levels.getBytes(), values), to - from, to - from, statistics,
            Encoding.BIT_PACKED, Encoding.RLE, none ? Encoding.PLAIN : Encoding.PLAIN_DICTIONARY);
      }
    }
    if (!dictionary.isEmpty()) {
      try (PlainValuesWriter plain = new PlainValuesWriter(64, pageBytes, allocator)) {
        for (Object value : dictionary) {
          switch (type.getPrimitiveTypeName()) {
            case BINARY -> plain.writeBytes((Binary) value);
            case INT64 -> plain.writeLong((Long) value);
            case DOUBLE -> plain.writeDouble((Double) value);
            default -> throw new IllegalStateException("no pattern column of type " + type);
          }
        }
        writer.writeDictionaryPage(new DictionaryPage(plain.getBytes(), dictionary.size(), Encoding.PLAIN_DICTIONARY));
      }
    }
  }

  private static void update(Statistics<?> statistics, Object value) {
    if (value instanceof Binary binary) {
      statistics.updateStats(binary);
    } else if (value instanceof Long number) {
      statistics.updateStats((long) number);
    } else {
      statistics.updateStats((double) (Double) value);
    }
  }
}
