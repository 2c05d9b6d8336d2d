package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.parquet.ParquetRowWriter;
import org.presslens.transforms.parquet.ParquetTable;
import org.presslens.transforms.state.Member;
import org.presslens.transforms.state.Segment;
import org.presslens.transforms.state.SegmentStore;
import org.presslens.transforms.stats.TermWeights;

/**
 * The full-detail tables of single documents, {@code document_terms} (every term of every counted
 * document) and, with entities, {@code entity_mentions} (every mention): one file per segment and
 * table ({@code <segment id>.parquet}), so a rerun leaves the files of the segments it keeps as
 * they are. Independent of {@code --minCount} and the CSV limits, like the documents' analyses
 * they come from.
 */
public final class DocumentTables implements Serializable {

  private final String dataDir;
  private final String previousDataDir;
  private final List<ParquetTable> tables;

  private DocumentTables(String dataDir, String previousDataDir, List<ParquetTable> tables) {
    this.dataDir = dataDir;
    this.previousDataDir = previousDataDir;
    this.tables = tables;
  }

  /**
   * @param dataDir the folder of the full-detail tables this run writes; empty: none
   * @param previousDataDir the folder that holds the last run's tables, whose files of kept
   *     segments stay in place; empty: none
   * @param entities whether the run recognises entities (and so writes entity_mentions)
   */
  public static DocumentTables in(String dataDir, String previousDataDir, boolean entities) {
    return new DocumentTables(dataDir, previousDataDir, tables(entities));
  }

  /** The tables written per segment. */
  public static List<ParquetTable> tables(boolean entities) {
    return entities ? List.of(TermFrequencyReport.DOCUMENT_TERMS, EntityMentionsReport.TABLE)
        : List.of(TermFrequencyReport.DOCUMENT_TERMS);
  }

  /** Where the rows of a segment go, relative to the output folder, one path per table. */
  public static List<String> relativePaths(String segmentId) {
    return tables(true).stream().map(t -> ReportTiers.DATA_FOLDER + "/" + t.name() + "/" + segmentId + ".parquet").toList();
  }

  private static ResourceId file(String dataDir, ParquetTable table, String name) {
    return ScopeRows.tableFolder(dataDir, table.name()).resolve(name, StandardResolveOptions.RESOLVE_FILE);
  }

  /** A writer for the rows of a kept segment (writing nothing without the tier). */
  public Writer open(String segmentId) throws IOException {
    return writer(segmentId + ".parquet");
  }

  /**
   * A writer for the rows of a segment being built, under a provisional name that readers of
   * {@code *.parquet} do not see until {@link Writer#finish} names the files by the segment's id.
   */
  public Writer openProvisional(String provisionalId) throws IOException {
    return writer(provisionalId + PARTIAL);
  }

  private Writer writer(String name) throws IOException {
    List<ParquetRowWriter> writers = new ArrayList<>();
    List<ResourceId> targets = new ArrayList<>();
    if (!dataDir.isEmpty()) {
      for (ParquetTable table : tables) {
        ResourceId target = file(dataDir, table, name);
        targets.add(target);
        writers.add(ParquetRowWriter.create(target, table));
      }
    }
    return new Writer(writers, targets, this);
  }

  /** The ending of a file still being written, or left behind by a task that did not finish. */
  public static final String PARTIAL = ".parquet.partial";

  /**
   * The rows of one segment's documents, a file per table: writers and targets in the order of
   * {@link #tables} (document_terms, then entity_mentions when entities are recognised).
   */
  public static final class Writer implements AutoCloseable {
    private final List<ParquetRowWriter> writers;
    private final List<ResourceId> targets;
    private final DocumentTables owner;
    private final Counter termRows = rowCounter(TermFrequencyReport.DOCUMENT_TERMS);
    private final Counter mentionRows = rowCounter(EntityMentionsReport.TABLE);
    private boolean closed;

    private Writer(List<ParquetRowWriter> writers, List<ResourceId> targets, DocumentTables owner) {
      this.writers = writers;
      this.targets = targets;
      this.owner = owner;
    }

    /** Completes the files and names them by the segment's id (replacing a repeated task's files). */
    public void finish(String segmentId) throws IOException {
      close();
      for (int t = 0; t < targets.size(); t++) {
        SegmentStore.moveReplacing(targets.get(t), file(owner.dataDir, owner.tables.get(t), segmentId + ".parquet"));
      }
    }

    public void add(AnalyzedDocument doc) {
      if (writers.isEmpty()) {
        return;
      }
      ParquetRowWriter terms = writers.get(0);
      // value by value: a document has thousands of terms, and a list of boxed values per row cost more than writing it
      TermFrequencyRows.ranked(doc.termCounts(), 1, 0, r -> write(terms, values -> values.text(doc.docId())
          .text(doc.outlet()).text(r.term()).integer(r.n()).integer(r.count())
          .decimal(TermWeights.per10k(r.count(), doc.tokens())).integer(r.rank())));
      termRows.inc(doc.termCounts().size());
      if (writers.size() > 1) {
        for (Mention m : doc.mentions()) {
          write(writers.get(1), EntityMentionsReport.row(doc.docId(), doc.outlet(), m));
        }
        mentionRows.inc(doc.mentions().size());
      }
    }

    private static void write(ParquetRowWriter writer, RowValues.TypedRow row) {
      try {
        writer.write(row);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void write(ParquetRowWriter writer, List<?> row) {
      try {
        writer.write(row);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        for (ParquetRowWriter writer : writers) {
          writer.close();
        }
      }
    }
  }

  private static Counter rowCounter(ParquetTable table) {
    return Metrics.counter(WriteReports.METRICS_NAMESPACE, WriteTable.rowCounterName(table));
  }

  /**
   * For segments a run keeps: their files stay where the last run wrote them when they are all
   * there, and are written again from the stored analyses when one is not (the output folder is
   * new, say).
   */
  public PTransform<PCollection<Segment>, PDone> forKept(SegmentStore store) {
    DocumentTables owner = this;
    return new PTransform<>() {
      @Override
      public PDone expand(PCollection<Segment> kept) {
        // Applied also without the tier: the direct runner stalls, without an error, on a
        // composite that applies nothing to its input.
        kept.apply("KeepOrWrite", ParDo.of(new KeptFn(owner, store)));
        return PDone.in(kept.getPipeline());
      }
    };
  }

  /**
   * Removes every file of the per-segment tables that is not one of the given segment ids, which
   * are all the segments the run ends with. A runner that recomputes a lost bundle may cut its
   * documents into other segments than the first attempt did (a segment closes after a number of
   * documents, and a shuffle hands them over in any order), and the first attempt's files must not
   * stay beside the second's, or their rows would count twice.
   */
  public DoFn<KV<Void, Iterable<String>>, Void> removeOthersFn() {
    return new RemoveOthersFn(this);
  }

  static final class RemoveOthersFn extends DoFn<KV<Void, Iterable<String>>, Void> {
    private final DocumentTables owner;

    RemoveOthersFn(DocumentTables owner) {
      this.owner = owner;
    }

    @ProcessElement
    public void process(@Element KV<Void, Iterable<String>> ids) throws IOException {
      if (owner.dataDir.isEmpty()) {
        return;
      }
      Set<String> files = new HashSet<>();
      ids.getValue().forEach(id -> files.add(id + ".parquet"));
      List<ResourceId> others = new ArrayList<>();
      for (ParquetTable table : owner.tables) {
        String pattern = file(owner.dataDir, table, "*.parquet").toString();
        for (MatchResult.Metadata m : FileSystems.match(pattern, EmptyMatchTreatment.ALLOW).metadata()) {
          if (!files.contains(m.resourceId().getFilename())) {
            others.add(m.resourceId());
          }
        }
      }
      FileSystems.delete(others, StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }

  static final class KeptFn extends DoFn<Segment, Void> {
    private final DocumentTables owner;
    private final SegmentStore store;
    private final Counter termRows = rowCounter(TermFrequencyReport.DOCUMENT_TERMS);
    private final Counter mentionRows = rowCounter(EntityMentionsReport.TABLE);

    KeptFn(DocumentTables owner, SegmentStore store) {
      this.owner = owner;
      this.store = store;
    }

    @ProcessElement
    public void process(@Element Segment segment) throws IOException {
      if (owner.dataDir.isEmpty()) {
        return;
      }
      if (allKept(segment.id())) {
        List<Member> counted = segment.members().stream().filter(m -> !m.copy()).toList();
        termRows.inc(counted.stream().mapToLong(Member::terms).sum());
        if (owner.tables.size() > 1) {
          mentionRows.inc(counted.stream().mapToLong(Member::mentions).sum());
        }
        return;
      }
      Set<String> counted = new HashSet<>();
      segment.members().stream().filter(m -> !m.copy()).forEach(m -> counted.add(m.docId()));
      try (Writer writer = owner.open(segment.id())) {
        store.readDocuments(segment.id(), doc -> {
          if (counted.contains(doc.docId())) {
            writer.add(doc);
          }
        });
      }
    }

    private boolean allKept(String segmentId) throws IOException {
      if (owner.previousDataDir.isEmpty()) {
        return false;
      }
      for (ParquetTable table : owner.tables) {
        String file = file(owner.previousDataDir, table, segmentId + ".parquet").toString();
        if (FileSystems.match(file, EmptyMatchTreatment.ALLOW).metadata().isEmpty()) {
          return false;
        }
      }
      return true;
    }
  }
}
