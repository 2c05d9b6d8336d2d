package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.presslens.transforms.model.ClassCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.commons.codec.digest.DigestUtils;
import org.presslens.transforms.Stage;
import org.presslens.transforms.csv.CsvReportWriter;

/**
 * Writes the blocks of any number of reports, each report to one CSV file in a directory on any
 * Beam filesystem: blocks ordered by their sort key, so a file is the same whatever order the
 * runner produced them in, and cut after {@code maxRows} rows (the spreadsheet limit). A report
 * without blocks still gets its header. All reports share one grouping step. The rows written are
 * published as the Beam counter {@code rows:<file name>}, the rows cut as {@code cut:<file name>}.
 */
public final class WriteReports extends PTransform<PCollection<ReportBlock>, PCollection<Long>> {

  public static final String METRICS_NAMESPACE = "presslens.reports";

  /** Blocks up to this size travel to the writer as they are; larger ones go through a part file. */
  static final int INLINE_BYTES = 64 << 10;

  private final String directory;
  private final List<ReportSpec> specs;
  private final long maxRows;

  private WriteReports(String directory, List<ReportSpec> specs, long maxRows) {
    this.directory = directory;
    this.specs = List.copyOf(specs);
    this.maxRows = maxRows;
  }

  /** Writes the reports of {@code specs} (blocks of other reports are an error). */
  public static WriteReports to(String directory, List<ReportSpec> specs) {
    return new WriteReports(directory, specs, Long.MAX_VALUE);
  }

  /** Keeps only the first {@code maxRows} rows of each report in report order. */
  public WriteReports withMaxRows(long maxRows) {
    return new WriteReports(directory, specs, maxRows);
  }

  public static String rowCounterName(ReportSpec spec) {
    return "rows:" + spec.fileName();
  }

  public static String cutCounterName(ReportSpec spec) {
    return "cut:" + spec.fileName();
  }

  @Override
  public PCollection<Long> expand(PCollection<ReportBlock> blocks) {
    KvCoder<String, Part> coder = KvCoder.of(StringUtf8Coder.of(), new PartCoder());
    PCollection<KV<String, Part>> parts = blocks.apply("WriteParts", ParDo.of(new WritePartFn(directory))).setCoder(coder);
    // An empty part per report, so that a report without rows is still written (its header).
    List<KV<String, Part>> empty = specs.stream().map(s -> KV.of(s.fileName(), new Part(SortKey.of(), 0, 0, "", new byte[0]))).toList();
    PCollection<KV<String, Part>> none = blocks.getPipeline().apply("NoRows", Create.of(empty).withCoder(coder));
    Map<String, ReportSpec> byFile = new LinkedHashMap<>();
    specs.forEach(s -> byFile.put(s.fileName(), s));
    return PCollectionList.of(parts).and(none).apply("AllParts", Flatten.pCollections())
        .apply("Gather", GroupByKey.create())
        .apply("WriteCsv", ParDo.of(new WriteCsvFn(directory, byFile, maxRows)));
  }

  /**
   * A block's CSV lines: small ones as they are ({@code csv}), large ones as a file of their own in
   * {@code <directory>/.parts-<report>/} ({@code file}); the writer gathers these, sorts them and
   * copies them in order, so no runner holds a whole large report in memory. Both are empty for
   * the part that stands for no rows.
   */
  record Part(SortKey sortKey, int index, int rows, String file, byte[] csv) {}

  /** Sort key, index, row count, file and inline lines. */
  static final class PartCoder extends ClassCoder<Part> {
    @Override
    public void encode(Part part, OutputStream out) throws IOException {
      SortKey.encode(part.sortKey(), out);
      VarIntCoder.of().encode(part.index(), out);
      VarIntCoder.of().encode(part.rows(), out);
      StringUtf8Coder.of().encode(part.file(), out);
      ByteArrayCoder.of().encode(part.csv(), out);
    }

    @Override
    public Part decode(InputStream in) throws IOException {
      return new Part(SortKey.decode(in), VarIntCoder.of().decode(in), VarIntCoder.of().decode(in),
          StringUtf8Coder.of().decode(in), ByteArrayCoder.of().decode(in));
    }
  }

  /**
   * Passes small blocks on and writes each large one to its part file, named by a hash of sort
   * key and part number, so a retried bundle rewrites the same files.
   */
  static final class WritePartFn extends DoFn<ReportBlock, KV<String, Part>> {
    private final String directory;

    WritePartFn(String directory) {
      this.directory = directory;
    }

    @ProcessElement
    public void process(@Element ReportBlock block, OutputReceiver<KV<String, Part>> out) throws IOException {
      if (block.csv().length <= INLINE_BYTES) {
        out.output(KV.of(block.report(), new Part(block.sortKey(), block.part(), block.rows(), "", block.csv())));
        return;
      }
      long start = Stage.cpuNow();
      ResourceId file = partFolder(directory, block.report()).resolve(
          DigestUtils.sha256Hex(block.sortKey().digest() + "-" + block.part()) + ".csv", StandardResolveOptions.RESOLVE_FILE);
      try (OutputStream stream = Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT))) {
        stream.write(block.csv());
      }
      Stage.WRITING.addSince(start);
      out.output(KV.of(block.report(), new Part(block.sortKey(), block.part(), block.rows(), file.toString(), new byte[0])));
    }
  }

  static ResourceId partFolder(String directory, String report) {
    return FileSystems.matchNewResource(directory, true)
        .resolve(".parts-" + report, StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  static final class WriteCsvFn extends DoFn<KV<String, Iterable<Part>>, Long> {
    private final String directory;
    private final Map<String, ReportSpec> specs;
    private final long maxRows;

    WriteCsvFn(String directory, Map<String, ReportSpec> specs, long maxRows) {
      this.directory = directory;
      this.specs = specs;
      this.maxRows = maxRows;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Part>> parts, OutputReceiver<Long> out) throws IOException {
      long start = Stage.cpuNow();
      ReportSpec spec = specs.get(parts.getKey());
      if (spec == null) {
        throw new IllegalArgumentException("blocks of " + parts.getKey() + ", which is not among the reports " + specs.keySet());
      }
      List<Part> sorted = new ArrayList<>();
      parts.getValue().forEach(sorted::add);
      sorted.sort(Comparator.comparing(Part::sortKey).thenComparingInt(Part::index));
      ResourceId file = FileSystems.matchNewResource(directory, true).resolve(spec.fileName(), StandardResolveOptions.RESOLVE_FILE);
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
          FileSystems.delete(List.of(partFolder(directory, spec.fileName())));
        } catch (IOException e) {
          // Object stores have no folders to remove; a local one is empty now.
        }
      }
      Metrics.counter(METRICS_NAMESPACE, rowCounterName(spec)).inc(written);
      Metrics.counter(METRICS_NAMESPACE, cutCounterName(spec)).inc(dropped);
      Stage.WRITING.addSince(start);
      out.output(written);
    }
  }
}
