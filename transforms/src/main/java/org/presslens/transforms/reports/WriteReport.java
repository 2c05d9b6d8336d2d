package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.commons.codec.digest.DigestUtils;
import org.presslens.transforms.Stage;
import org.presslens.transforms.csv.CsvReportWriter;

/**
 * Writes report blocks to one CSV file in a directory on any Beam filesystem, blocks ordered by
 * their sort key, so the file is the same whatever order the runner produced them in, and cut
 * after {@code maxRows} rows (the spreadsheet limit). An empty input still writes the header.
 * Emits the number of rows written; the count is also published as the Beam counter
 * {@code rows:<file name>}, and the rows cut as {@code cut:<file name>}.
 */
public final class WriteReport extends PTransform<PCollection<ReportBlock>, PCollection<Long>> {

  public static final String METRICS_NAMESPACE = "presslens.reports";

  /** Blocks up to this size travel to the writer as they are; larger ones go through a part file. */
  static final int INLINE_BYTES = 64 << 10;

  private final String directory;
  private final ReportSpec spec;
  private final long maxRows;

  private WriteReport(String directory, ReportSpec spec, long maxRows) {
    this.directory = directory;
    this.spec = spec;
    this.maxRows = maxRows;
  }

  public static WriteReport to(String directory, ReportSpec spec) {
    return new WriteReport(directory, spec, Long.MAX_VALUE);
  }

  /** Keeps only the first {@code maxRows} rows in report order. */
  public WriteReport withMaxRows(long maxRows) {
    return new WriteReport(directory, spec, maxRows);
  }

  /**
   * Writes a report whose elements are its rows: to the CSV file (at most {@link ReportTiers#maxRows()}
   * rows, the first in report order) and, with the full-detail tier, every row to its table.
   */
  public static PTransform<PCollection<Row>, PCollection<Long>> rows(String directory, ReportSpec spec, ReportTiers tiers) {
    return new PTransform<>() {
      @Override
      public PCollection<Long> expand(PCollection<Row> rows) {
        if (tiers.parquet()) {
          rows.apply("WriteTable", WriteTable.rows(tiers.dataDir(), spec));
        }
        return rows
            .apply("RowBlocks", MapElements.into(TypeDescriptor.of(ReportBlock.class))
                .via((Row row) -> ReportBlocks.single(spec, row.sortKey(), row.values())))
            .apply("WriteCsv", to(directory, spec).withMaxRows(tiers.maxRows()));
      }
    };
  }

  public static String rowCounterName(ReportSpec spec) {
    return "rows:" + spec.fileName();
  }

  public static String cutCounterName(ReportSpec spec) {
    return "cut:" + spec.fileName();
  }

  @Override
  public PCollection<Long> expand(PCollection<ReportBlock> blocks) {
    KvCoder<Void, Part> coder = KvCoder.of(VoidCoder.of(), new PartCoder());
    PCollection<KV<Void, Part>> parts = blocks.apply("WriteParts", ParDo.of(new WritePartFn(directory, spec))).setCoder(coder);
    // An empty part, so that a report without rows is still written (its header).
    PCollection<KV<Void, Part>> empty = blocks.getPipeline()
        .apply("NoRows", Create.of(KV.of((Void) null, new Part("", 0, 0, "", new byte[0]))).withCoder(coder));
    return PCollectionList.of(parts).and(empty).apply("AllParts", Flatten.pCollections())
        .apply("Gather", GroupByKey.create())
        .apply("WriteCsv", ParDo.of(new WriteCsvFn(directory, spec, maxRows)));
  }

  /**
   * A block's CSV lines: small ones as they are ({@code csv}), large ones as a file of their own in
   * {@code <directory>/.parts-<report>/} ({@code file}); the writer gathers these, sorts them and
   * copies them in order, so no runner holds a whole large report in memory. Both are empty for
   * the part that stands for no rows.
   */
  record Part(String sortKey, int index, int rows, String file, byte[] csv) {}

  /** Sort key, index, row count, file and inline lines. */
  static final class PartCoder extends CustomCoder<Part> {
    @Override
    public void encode(Part part, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(part.sortKey(), out);
      VarIntCoder.of().encode(part.index(), out);
      VarIntCoder.of().encode(part.rows(), out);
      StringUtf8Coder.of().encode(part.file(), out);
      ByteArrayCoder.of().encode(part.csv(), out);
    }

    @Override
    public Part decode(InputStream in) throws IOException {
      return new Part(StringUtf8Coder.of().decode(in), VarIntCoder.of().decode(in), VarIntCoder.of().decode(in),
          StringUtf8Coder.of().decode(in), ByteArrayCoder.of().decode(in));
    }
  }

  /**
   * Passes small blocks on and writes each large one to its part file, named by a hash of sort
   * key and part number, so a retried bundle rewrites the same files.
   */
  static final class WritePartFn extends DoFn<ReportBlock, KV<Void, Part>> {
    private final String directory;
    private final ReportSpec spec;

    WritePartFn(String directory, ReportSpec spec) {
      this.directory = directory;
      this.spec = spec;
    }

    @ProcessElement
    public void process(@Element ReportBlock block, OutputReceiver<KV<Void, Part>> out) throws IOException {
      if (block.csv().length <= INLINE_BYTES) {
        out.output(KV.of(null, new Part(block.sortKey(), block.part(), block.rows(), "", block.csv())));
        return;
      }
      long start = Stage.cpuNow();
      ResourceId file = partFolder(directory, spec).resolve(
          DigestUtils.sha256Hex(block.sortKey() + "\u0000" + block.part()) + ".csv", StandardResolveOptions.RESOLVE_FILE);
      try (OutputStream stream = Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT))) {
        stream.write(block.csv());
      }
      Stage.WRITING.addSince(start);
      out.output(KV.of(null, new Part(block.sortKey(), block.part(), block.rows(), file.toString(), new byte[0])));
    }
  }

  static ResourceId partFolder(String directory, ReportSpec spec) {
    return FileSystems.matchNewResource(directory, true)
        .resolve(".parts-" + spec.fileName(), StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  static final class WriteCsvFn extends DoFn<KV<Void, Iterable<Part>>, Long> {
    private final String directory;
    private final ReportSpec spec;
    private final long maxRows;
    private final Counter rows;
    private final Counter cut;

    WriteCsvFn(String directory, ReportSpec spec, long maxRows) {
      this.directory = directory;
      this.spec = spec;
      this.maxRows = maxRows;
      this.rows = Metrics.counter(METRICS_NAMESPACE, rowCounterName(spec));
      this.cut = Metrics.counter(METRICS_NAMESPACE, cutCounterName(spec));
    }

    @ProcessElement
    public void process(@Element KV<Void, Iterable<Part>> parts, OutputReceiver<Long> out) throws IOException {
      long start = Stage.cpuNow();
      List<Part> sorted = new ArrayList<>();
      parts.getValue().forEach(sorted::add);
      sorted.sort(Comparator.comparing(Part::sortKey).thenComparingInt(Part::index));
      ResourceId dir = FileSystems.matchNewResource(directory, true);
      ResourceId file = dir.resolve(spec.fileName(), StandardResolveOptions.RESOLVE_FILE);
      long written = 0;
      long dropped = 0;
      List<ResourceId> partFiles = new ArrayList<>();
      try (OutputStream stream = Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT))) {
        stream.write(CsvReportWriter.header(spec.header()));
        for (Part part : sorted) {
          byte[] csv = part.csv();
          if (!part.file().isEmpty()) {
            ResourceId partFile = FileSystems.matchNewResource(part.file(), false);
            partFiles.add(partFile);
            if (written + part.rows() <= maxRows) {
              try (InputStream in = Channels.newInputStream(FileSystems.open(partFile))) {
                in.transferTo(stream);
              }
              written += part.rows();
              continue;
            }
            try (InputStream in = Channels.newInputStream(FileSystems.open(partFile))) {
              csv = in.readAllBytes();
            }
          }
          long room = Math.max(0, maxRows - written);
          if (part.rows() <= room) {
            stream.write(csv);
            written += part.rows();
          } else {
            stream.write(CsvReportWriter.firstRows(csv, (int) room));
            written += room;
            dropped += part.rows() - room;
          }
        }
      }
      FileSystems.delete(partFiles, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      if (!partFiles.isEmpty()) {
        try {
          FileSystems.delete(List.of(partFolder(directory, spec)));
        } catch (IOException e) {
          // Object stores have no folders to remove; a local one is empty now.
        }
      }
      rows.inc(written);
      cut.inc(dropped);
      Stage.WRITING.addSince(start);
      out.output(written);
    }
  }
}
