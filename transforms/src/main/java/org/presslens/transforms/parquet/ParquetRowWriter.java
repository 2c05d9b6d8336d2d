package org.presslens.transforms.parquet;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.presslens.transforms.reports.ReportSpec.Kind;
import org.presslens.transforms.reports.RowValues;
import org.xerial.snappy.Snappy;

/**
 * Writes rows of a {@link ParquetTable} to one Parquet file on any Beam filesystem (Snappy
 * compression, terms without a dictionary, ranks and offsets as deltas, parquet-java's default
 * properties otherwise): parquet-java's file, page and column
 * writers over the file's channel, as Beam's ParquetIO sink uses them through {@code
 * ParquetWriter}, with each typed value handed straight to its column's writer. A table's rows
 * are flat, so the record layer that {@code ParquetWriter} puts in front of the column writers
 * (walking each record's fields to find every value's column and levels) has nothing to do; it
 * was most of the time these files took to write. Text as UTF-8 binary, whole numbers as int64,
 * decimals as double; null and {@code NaN} are written as null. Text that repeats from one row to
 * the next in a column (a doc_id, an outlet, a direction) is encoded to UTF-8 once per run of rows.
 * Rows come as lists ({@link #write}) or value by value ({@link RowValues}, then {@link #endRow}),
 * which tables of millions of rows use so that no row is made as a list of boxed values. A table's
 * pattern columns, if it is given some, take their values from the row's patterns: the columns come
 * in groups, and each row names its pattern in every group ({@link #rowPattern}, {@link
 * PatternColumns}).
 */
public final class ParquetRowWriter implements RowValues, AutoCloseable {

  /** Row groups of at most 16 MB: a writer buffers one row group in memory. */
  private static final int ROW_GROUP_BYTES = 16 << 20;
  /**
   * Columns written without a dictionary, which parquet-java would build by hashing every value. A
   * contrast or frequency file holds each term once per scope, so parquet-java finds after the
   * first page that a dictionary does not pay and writes the terms plainly anyway; a segment's
   * document_terms file holds hundreds of thousands of terms, which outgrow the dictionary's 1 MB
   * within a row group, after which they are written plainly too. Plain from the start: the same
   * contrast and frequency files, document_terms files somewhat larger (docs/BENCHMARKS.md).
   */
  private static final Set<String> NO_DICTIONARY = Set.of("term");
  /** Whole-number columns written as deltas ({@link DeltaColumns}): ranks and character offsets. */
  private static final Set<String> DELTAS = Set.of("rank", "start", "end");
  /** Rows between two looks at the buffered size, which adds up every column's buffers. */
  private static final int ROWS_PER_SIZE_CHECK = 1_000;

  private final ChannelOutputFile out;
  private final ParquetFileWriter file;
  private final MessageType schema;
  /**
   * parquet-java's defaults but for {@link #NO_DICTIONARY} and {@link #DELTAS}, with a values-writer factory of the
   * writer's own: parquet-java's builder otherwise initialises one factory that all writers share
   * with the properties built last, so that one writer's column options would be every writer's.
   */
  private final ParquetProperties properties;
  private final BytesInputCompressor compressor = new SnappyPages();
  private final String tableName;
  private final Kind[] kinds;
  /** Per column, the pattern group its values come from; -1 for a column written value by value. */
  private final int[] group;
  /** Per column, its place among its group's columns or among the columns written value by value. */
  private final int[] place;
  /** The columns written value by value. */
  private final MessageType valueSchema;
  /** The pattern columns, a group each. */
  private final PatternColumns[] groups;
  /** Per column, the last text written and its UTF-8 bytes. */
  private final String[] lastText;
  private final Binary[] lastBinary;
  private ColumnChunkPageWriteStore pages;
  private ColumnWriteStore columns;
  private ColumnWriter[] writers;
  private long rowsInGroup;
  /** The column the next value goes to. */
  private int column;
  private long rows;
  private boolean closed;

  private ParquetRowWriter(ChannelOutputFile out, ParquetTable table, List<Set<String>> patternGroups)
      throws IOException {
    this.out = out;
    schema = table.parquetSchema();
    ParquetProperties.Builder options = ParquetProperties.builder().withValuesWriterFactory(new DeltaColumns(DELTAS));
    table.columns().stream().map(c -> c.name()).filter(NO_DICTIONARY::contains)
        .forEach(name -> options.withDictionaryEncoding(name, false));
    properties = options.build();
    tableName = table.name();
    kinds = table.columns().stream().map(c -> c.kind()).toArray(Kind[]::new);
    lastText = new String[kinds.length];
    lastBinary = new Binary[kinds.length];
    group = new int[kinds.length];
    place = new int[kinds.length];
    Arrays.fill(group, -1);
    List<Type> valueFields = new ArrayList<>();
    List<List<ColumnDescriptor>> groupDescriptors = new ArrayList<>();
    for (int g = 0; g < patternGroups.size(); g++) {
      groupDescriptors.add(new ArrayList<>());
    }
    for (int i = 0; i < kinds.length; i++) {
      String name = table.columns().get(i).name();
      for (int g = 0; g < patternGroups.size(); g++) {
        if (patternGroups.get(g).contains(name)) {
          if (group[i] >= 0) {
            throw new IllegalArgumentException("column " + name + " in two pattern groups of table " + tableName);
          }
          group[i] = g;
        }
      }
      if (group[i] >= 0) {
        place[i] = groupDescriptors.get(group[i]).size();
        groupDescriptors.get(group[i]).add(schema.getColumns().get(i));
      } else {
        place[i] = valueFields.size();
        valueFields.add(schema.getType(i));
      }
    }
    groups = new PatternColumns[patternGroups.size()];
    for (int g = 0; g < groups.length; g++) {
      if (groupDescriptors.get(g).size() != patternGroups.get(g).size()) {
        throw new IllegalArgumentException("pattern columns " + patternGroups.get(g) + " not all in table " + tableName);
      }
      groups[g] = new PatternColumns(groupDescriptors.get(g), properties.getPageRowCountLimit(),
          properties.getPageSizeThreshold(), properties.getAllocator());
    }
    valueSchema = new MessageType(schema.getName(), valueFields);
    file = new ParquetFileWriter(out, schema, ParquetFileWriter.Mode.CREATE, ROW_GROUP_BYTES, 0, null, properties);
    file.start();
    startRowGroup();
  }

  /** A writer into a new file (replacing one of the same name). */
  public static ParquetRowWriter create(ResourceId file, ParquetTable table) throws IOException {
    return create(file, table, List.of());
  }

  /**
   * A writer into a new file whose columns named in {@code patternGroups} take their values from
   * each row's pattern in their group ({@link #rowPattern}).
   */
  public static ParquetRowWriter create(ResourceId file, ParquetTable table, List<Set<String>> patternGroups)
      throws IOException {
    return open(FileSystems.create(file, MimeTypes.BINARY), table, patternGroups);
  }

  /** A writer into an open channel, closed with the writer. */
  public static ParquetRowWriter open(WritableByteChannel channel, ParquetTable table) throws IOException {
    return open(channel, table, List.of());
  }

  /** A writer with groups of pattern columns into an open channel, closed with the writer. */
  public static ParquetRowWriter open(WritableByteChannel channel, ParquetTable table, List<Set<String>> patternGroups)
      throws IOException {
    try {
      return new ParquetRowWriter(new ChannelOutputFile(channel), table, patternGroups);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * The next row's pattern in pattern group {@code group} (the group's place in the list the
   * writer was made with), given before its values: every row with this id (a small number, from
   * 0) has the same values in the group's columns, which are taken from the first such row of a
   * row group; in the others they are passed over.
   */
  public void rowPattern(int group, int id) {
    if (group < 0 || group >= groups.length) {
      throw new IllegalStateException("a row pattern for group " + group + " of table " + tableName + ", which has "
          + groups.length + " pattern groups");
    }
    groups[group].rowPattern(id);
  }

  /** Writes one row that hands its values over one by one ({@link RowValues.TypedRow}): no list, no boxing. */
  public void write(RowValues.TypedRow row) throws IOException {
    row.writeTo(this);
    endRow();
  }

  /** Writes one row of typed values in column order. */
  public void write(List<?> row) throws IOException {
    if (row.size() != kinds.length) {
      throw new IllegalArgumentException("Row has " + row.size() + " values, table " + tableName + " has "
          + kinds.length + " columns: " + row);
    }
    for (Object value : row) {
      if (value == null && group[column] < 0) {
        writers[place[column]].writeNull(0, 0);
        column++;
      } else if (value == null) {
        groups[group[column]].value(place[column], null);
        column++;
      } else if (value instanceof String text) {
        text(text);
      } else if (kinds[column] == Kind.INTEGER) {
        integer(((Number) value).longValue());
      } else {
        decimal(((Number) value).doubleValue());
      }
    }
    endRow();
  }

  @Override
  public RowValues text(String value) {
    ColumnWriter writer = next(Kind.TEXT);
    if (writer == null) {
      PatternColumns patterns = groups[group[column]];
      if (patterns.taking()) {
        patterns.value(place[column], value == null ? null : binary(column, value));
      }
    } else if (value == null) {
      writer.writeNull(0, 0);
    } else {
      writer.write(binary(column, value), 0, 1);
    }
    column++;
    return this;
  }

  @Override
  public RowValues integer(long value) {
    ColumnWriter writer = next(Kind.INTEGER);
    if (writer == null) {
      PatternColumns patterns = groups[group[column]];
      if (patterns.taking()) {
        patterns.value(place[column], value);
      }
    } else {
      writer.write(value, 0, 1);
    }
    column++;
    return this;
  }

  @Override
  public RowValues decimal(double value) {
    ColumnWriter writer = next(Kind.DECIMAL);
    if (writer == null) {
      PatternColumns patterns = groups[group[column]];
      if (patterns.taking()) {
        patterns.value(place[column], Double.isNaN(value) ? null : value);
      }
    } else if (Double.isNaN(value)) {
      writer.writeNull(0, 0);
    } else {
      writer.write(value, 0, 1);
    }
    column++;
    return this;
  }

  /**
   * The writer of the next column, which must hold values of {@code kind} (either decimal kind for a
   * decimal); null for a pattern column.
   */
  private ColumnWriter next(Kind kind) {
    if (column == kinds.length) {
      throw new IllegalStateException("a value beyond the " + kinds.length + " columns of table " + tableName);
    }
    Kind expected = kinds[column] == Kind.SIGNIFICANT ? Kind.DECIMAL : kinds[column];
    if (expected != kind) {
      throw new IllegalStateException("a " + kind + " value for column " + column + " of table " + tableName
          + ", which holds " + kinds[column]);
    }
    return group[column] >= 0 ? null : writers[place[column]];
  }

  /** Ends the row whose values were given by {@link #text}, {@link #integer} and {@link #decimal}. */
  public void endRow() throws IOException {
    if (column != kinds.length) {
      throw new IllegalStateException("a row of " + column + " values for the " + kinds.length + " columns of table "
          + tableName);
    }
    for (int g = 0; g < groups.length; g++) {
      if (!groups[g].hasPattern()) {
        throw new IllegalStateException("a row without its pattern in group " + g + " for table " + tableName);
      }
      groups[g].endRow();
    }
    column = 0;
    columns.endRecord();
    rows++;
    rowsInGroup++;
    if (rowsInGroup % ROWS_PER_SIZE_CHECK == 0 && bufferedSize() >= ROW_GROUP_BYTES) {
      endRowGroup();
      startRowGroup();
    }
  }

  private long bufferedSize() {
    long size = columns.getBufferedSize();
    for (PatternColumns patterns : groups) {
      size += patterns.bufferedSize();
    }
    return size;
  }

  private Binary binary(int column, String text) {
    if (!text.equals(lastText[column])) {
      lastText[column] = text;
      lastBinary[column] = Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
    }
    return lastBinary[column];
  }

  public long rows() {
    return rows;
  }

  private void startRowGroup() {
    pages = new ColumnChunkPageWriteStore(compressor, schema, properties.getAllocator(),
        properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
    columns = properties.newColumnWriteStore(valueSchema, pages, pages);
    List<ColumnDescriptor> descriptors = valueSchema.getColumns();
    writers = new ColumnWriter[descriptors.size()];
    for (int i = 0; i < writers.length; i++) {
      writers[i] = columns.getColumnWriter(descriptors.get(i));
    }
  }

  /** Writes the buffered rows as a row group, as parquet-java's record writer does (none when there are none). */
  private void endRowGroup() throws IOException {
    try {
      if (rowsInGroup > 0) {
        file.startBlock(rowsInGroup);
        columns.flush();
        for (PatternColumns patterns : groups) {
          patterns.writeRowGroup(pages);
        }
        pages.flushToFileWriter(file);
        file.endBlock();
        rowsInGroup = 0;
      }
    } finally {
      columns.close();
      pages.close();
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      endRowGroup();
      out.stream.holdFooter(); // the footer, written in the same order on every run
      file.end(Map.of());
    } finally {
      file.close();
    }
  }

  /**
   * Snappy for the pages, by snappy-java itself: Parquet's own codec factory reaches it through
   * Hadoop's codec classes, whose configuration loads and parses Hadoop's XML defaults first.
   */
  private static final class SnappyPages implements BytesInputCompressor {
    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      return BytesInput.from(Snappy.compress(bytes.toByteArray()));
    }

    @Override
    public CompressionCodecName getCodecName() {
      return CompressionCodecName.SNAPPY;
    }

    @Override
    public void release() {}
  }

  /** Parquet's view of a channel that is written from start to end, once. */
  private static final class ChannelOutputFile implements OutputFile {
    private final FooterOrderingStream stream;

    ChannelOutputFile(WritableByteChannel channel) {
      this.stream = new FooterOrderingStream(Channels.newOutputStream(channel));
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return stream;
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return stream;
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
