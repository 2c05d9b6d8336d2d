package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * Writes report blocks to one CSV file in a directory on any Beam filesystem, blocks ordered by
 * their sort key, so the file is the same whatever order the runner produced them in. An empty
 * input still writes the header. Emits the number of rows written; the count is also published
 * as the Beam counter {@code rows:<file name>}.
 */
public final class WriteReport extends PTransform<PCollection<ReportBlock>, PCollection<Long>> {

  public static final String METRICS_NAMESPACE = "presslens.reports";

  private final String directory;
  private final ReportSpec spec;

  private WriteReport(String directory, ReportSpec spec) {
    this.directory = directory;
    this.spec = spec;
  }

  public static WriteReport to(String directory, ReportSpec spec) {
    return new WriteReport(directory, spec);
  }

  public static String rowCounterName(ReportSpec spec) {
    return "rows:" + spec.fileName();
  }

  @Override
  public PCollection<Long> expand(PCollection<ReportBlock> blocks) {
    KvCoder<Void, Part> coder = KvCoder.of(VoidCoder.of(), new PartCoder());
    PCollection<KV<Void, Part>> parts = blocks.apply("WriteParts", ParDo.of(new WritePartFn(directory, spec))).setCoder(coder);
    // An empty part, so that a report without rows is still written (its header).
    PCollection<KV<Void, Part>> empty = blocks.getPipeline()
        .apply("NoRows", Create.of(KV.of((Void) null, new Part("", 0, 0, ""))).withCoder(coder));
    return PCollectionList.of(parts).and(empty).apply("AllParts", Flatten.pCollections())
        .apply("Gather", GroupByKey.create())
        .apply("WriteCsv", ParDo.of(new WriteCsvFn(directory, spec)));
  }

  /**
   * A block's CSV lines, written to a file of their own in {@code <directory>/.parts-<report>/}; the
   * writer gathers only these references, sorts them and copies the files in order, so no runner
   * holds a whole report in memory. {@code file} is empty for the part that stands for no rows.
   */
  record Part(String sortKey, int index, int rows, String file) {}

  /** Sort key, index, row count and file. */
  static final class PartCoder extends CustomCoder<Part> {
    @Override
    public void encode(Part part, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(part.sortKey(), out);
      VarIntCoder.of().encode(part.index(), out);
      VarIntCoder.of().encode(part.rows(), out);
      StringUtf8Coder.of().encode(part.file(), out);
    }

    @Override
    public Part decode(InputStream in) throws IOException {
      return new Part(StringUtf8Coder.of().decode(in), VarIntCoder.of().decode(in), VarIntCoder.of().decode(in),
          StringUtf8Coder.of().decode(in));
    }
  }

  /**
   * Writes each block to its part file, named by a hash of sort key and part number, so a retried
   * bundle rewrites the same files.
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
      long start = Stage.cpuNow();
      ResourceId file = partFolder(directory, spec).resolve(
          DigestUtils.sha256Hex(block.sortKey() + "\u0000" + block.part()) + ".csv", StandardResolveOptions.RESOLVE_FILE);
      try (OutputStream stream = Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT))) {
        stream.write(block.csv());
      }
      Stage.WRITING.addSince(start);
      out.output(KV.of(null, new Part(block.sortKey(), block.part(), block.rows(), file.toString())));
    }
  }

  static ResourceId partFolder(String directory, ReportSpec spec) {
    return FileSystems.matchNewResource(directory, true)
        .resolve(".parts-" + spec.fileName(), StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  static final class WriteCsvFn extends DoFn<KV<Void, Iterable<Part>>, Long> {
    private final String directory;
    private final ReportSpec spec;
    private final Counter rows;

    WriteCsvFn(String directory, ReportSpec spec) {
      this.directory = directory;
      this.spec = spec;
      this.rows = Metrics.counter(METRICS_NAMESPACE, rowCounterName(spec));
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
      List<ResourceId> partFiles = new ArrayList<>();
      try (OutputStream stream = Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT))) {
        stream.write(CsvReportWriter.header(spec.header()));
        for (Part part : sorted) {
          if (!part.file().isEmpty()) {
            ResourceId partFile = FileSystems.matchNewResource(part.file(), false);
            try (InputStream in = Channels.newInputStream(FileSystems.open(partFile))) {
              in.transferTo(stream);
            }
            partFiles.add(partFile);
            written += part.rows();
          }
        }
      }
      FileSystems.delete(partFiles, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      try {
        FileSystems.delete(List.of(partFolder(directory, spec)));
      } catch (IOException e) {
        // Object stores have no folders to remove; a local one is empty now.
      }
      rows.inc(written);
      Stage.WRITING.addSince(start);
      out.output(written);
    }
  }
}
