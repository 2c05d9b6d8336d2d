package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.parquet.ParquetRowWriter;
import org.presslens.transforms.parquet.ParquetTable;
import org.presslens.transforms.state.Member;
import org.presslens.transforms.state.Segment;
import org.presslens.transforms.state.SegmentStore;
import org.presslens.transforms.stats.TermWeights;

/**
 * The full-detail table {@code document_terms}: every term of every counted document, one file per
 * segment ({@code <segment id>.parquet}), so a rerun leaves the files of the segments it keeps as
 * they are. Independent of {@code --minCount}, like the documents' analyses it comes from.
 */
public final class DocumentTerms implements Serializable {

  private final String dataDir;
  private final String previousDataDir;

  private DocumentTerms(String dataDir, String previousDataDir) {
    this.dataDir = dataDir;
    this.previousDataDir = previousDataDir;
  }

  /**
   * @param dataDir the folder of the full-detail tables this run writes; empty: none
   * @param previousDataDir the folder that holds the last run's tables, whose files of kept
   *     segments stay in place; empty: none
   */
  public static DocumentTerms in(String dataDir, String previousDataDir) {
    return new DocumentTerms(dataDir, previousDataDir);
  }

  public static ParquetTable table() {
    return TermFrequencyReport.DOCUMENT_TERMS;
  }

  /** Where the rows of a segment go, relative to the output folder. */
  public static String relativePath(String segmentId) {
    return ReportTiers.DATA_FOLDER + "/" + table().name() + "/" + segmentId + ".parquet";
  }

  private static ResourceId file(String dataDir, String segmentId) {
    return ScopeRows.tableFolder(dataDir, table().name()).resolve(segmentId + ".parquet", StandardResolveOptions.RESOLVE_FILE);
  }

  /** A writer for the rows of a kept segment (writing nothing without the tier). */
  public Writer open(String segmentId) throws IOException {
    return writer(dataDir.isEmpty() ? null : file(dataDir, segmentId));
  }

  /**
   * A writer for the rows of a segment being built, under a provisional name that readers of
   * {@code *.parquet} do not see until {@link Writer#finish} names the file by the segment's id.
   */
  public Writer openProvisional(String provisionalId) throws IOException {
    return writer(dataDir.isEmpty() ? null : ScopeRows.tableFolder(dataDir, table().name())
        .resolve(provisionalId + PARTIAL, StandardResolveOptions.RESOLVE_FILE));
  }

  private Writer writer(ResourceId target) throws IOException {
    return new Writer(target == null ? null : ParquetRowWriter.create(target, table()), dataDir, target);
  }

  /** The ending of a file still being written, or left behind by a task that did not finish. */
  public static final String PARTIAL = ".parquet.partial";

  /** The rows of one segment's documents. */
  public static final class Writer implements AutoCloseable {
    private ParquetRowWriter parquet;
    private final String dataDir;
    private final ResourceId target;
    private final Counter rows = Metrics.counter(WriteReports.METRICS_NAMESPACE, WriteTable.rowCounterName(table()));

    private Writer(ParquetRowWriter parquet, String dataDir, ResourceId target) {
      this.parquet = parquet;
      this.dataDir = dataDir;
      this.target = target;
    }

    /** Completes the file and names it by the segment's id (replacing a repeated task's file). */
    public void finish(String segmentId) throws IOException {
      close();
      if (target != null) {
        SegmentStore.moveReplacing(target, file(dataDir, segmentId));
      }
    }

    public void add(AnalyzedDocument doc) {
      if (parquet == null) {
        return;
      }
      TermFrequencyRows.ranked(doc.termCounts(), 1, 0, r -> {
        try {
          parquet.write(List.of(doc.docId(), doc.outlet(), r.term(), r.n(), r.count(),
              TermWeights.per10k(r.count(), doc.tokens()), r.rank()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      rows.inc(doc.termCounts().size());
    }

    @Override
    public void close() throws IOException {
      if (parquet != null) {
        parquet.close();
        parquet = null;
      }
    }
  }

  /**
   * For segments a run keeps: their file stays where the last run wrote it when it is there, and
   * is written again from the stored analyses when it is not (the output folder is new, say).
   */
  public PTransform<PCollection<Segment>, PDone> forKept(SegmentStore store) {
    DocumentTerms terms = this;
    return new PTransform<>() {
      @Override
      public PDone expand(PCollection<Segment> kept) {
        if (!dataDir.isEmpty()) {
          kept.apply("KeepOrWrite", ParDo.of(new KeptFn(terms, store)));
        }
        return PDone.in(kept.getPipeline());
      }
    };
  }

  static final class KeptFn extends DoFn<Segment, Void> {
    private final DocumentTerms terms;
    private final SegmentStore store;
    private final Counter rows = Metrics.counter(WriteReports.METRICS_NAMESPACE, WriteTable.rowCounterName(table()));

    KeptFn(DocumentTerms terms, SegmentStore store) {
      this.terms = terms;
      this.store = store;
    }

    @ProcessElement
    public void process(@Element Segment segment) throws IOException {
      if (!terms.previousDataDir.isEmpty() && !FileSystems.match(file(terms.previousDataDir, segment.id()).toString(),
          EmptyMatchTreatment.ALLOW).metadata().isEmpty()) {
        rows.inc(segment.members().stream().filter(m -> !m.copy()).mapToLong(Member::terms).sum());
        return;
      }
      java.util.Set<String> counted = new java.util.HashSet<>();
      segment.members().stream().filter(m -> !m.copy()).forEach(m -> counted.add(m.docId()));
      try (Writer writer = terms.open(segment.id())) {
        store.readDocuments(segment.id(), doc -> {
          if (counted.contains(doc.docId())) {
            writer.add(doc);
          }
        });
      }
    }
  }
}
