package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
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
 * document) and, with entities, {@code entity_mentions} (every mention), in <em>parts</em>: files
 * of the documents a segment added one after another until they held {@link #PART_ROWS}
 * document_terms rows, one file per table named by the part ({@code <part>.parquet}; the run that
 * wrote it and a hash of its documents' doc_ids). Each member of a segment names its part
 * ({@link Member#part}). A rerun leaves a part's files as they are while all its documents count
 * as before, also when their segment is rebuilt or merged, so removing a document rewrites the
 * rows of the documents of its part only. Independent of {@code --minCount} and the CSV limits, like
 * the documents' analyses they come from.
 */
public final class DocumentTables implements Serializable {

  /**
   * A part is complete when its documents have this many document_terms rows: a removal rewrites
   * at most about this many rows, and a corpus of some ten million rows has about a hundred files.
   */
  public static final int PART_ROWS = 100_000;

  /** How the per-document tables are cut into files, for the data dictionary. */
  public static final String PARTS_NOTE = "Files hold parts of the documents, each of about "
      + String.format(Locale.ROOT, "%,d", PART_ROWS) + " document_terms rows "
      + "(named by the run that wrote them and a hash of their doc_ids): a rerun with --cacheDir rewrites only the parts "
      + "that held a removed or changed document.";

  private final String dataDir;
  private final String previousDataDir;
  private final List<ParquetTable> tables;
  private final int partRows;

  private DocumentTables(String dataDir, String previousDataDir, List<ParquetTable> tables, int partRows) {
    this.dataDir = dataDir;
    this.previousDataDir = previousDataDir;
    this.tables = tables;
    this.partRows = partRows;
  }

  /**
   * @param dataDir the folder of the full-detail tables this run writes; empty: none
   * @param previousDataDir the folder that holds the last run's tables, whose parts that stay the
   *     same stay in place; empty: none
   * @param entities whether the run recognises entities (and so writes entity_mentions)
   */
  public static DocumentTables in(String dataDir, String previousDataDir, boolean entities) {
    return new DocumentTables(dataDir, previousDataDir, tables(entities), PART_ROWS);
  }

  /** Parts of about {@code rows} document_terms rows instead of {@link #PART_ROWS} (tests make small ones). */
  public DocumentTables partRows(int rows) {
    return new DocumentTables(dataDir, previousDataDir, tables, rows);
  }

  /** The document_terms rows a part is complete with. */
  public int partRows() {
    return partRows;
  }

  /** The tables written per part. */
  public static List<ParquetTable> tables(boolean entities) {
    return entities ? List.of(TermFrequencyReport.DOCUMENT_TERMS, EntityMentionsReport.TABLE)
        : List.of(TermFrequencyReport.DOCUMENT_TERMS);
  }

  /** Where the rows of a part go, relative to the output folder, one path per table. */
  public static List<String> relativePaths(String part) {
    return tables(true).stream().map(t -> ReportTiers.DATA_FOLDER + "/" + t.name() + "/" + part + ".parquet").toList();
  }

  /** The distinct parts of {@code members} (copies have none). */
  public static Set<String> partsOf(List<Member> members) {
    Set<String> parts = new TreeSet<>();
    members.forEach(m -> {
      if (!m.part().isEmpty()) {
        parts.add(m.part());
      }
    });
    return parts;
  }

  private static ResourceId file(String dataDir, ParquetTable table, String name) {
    return ScopeRows.tableFolder(dataDir, table.name()).resolve(name, StandardResolveOptions.RESOLVE_FILE);
  }

  /**
   * Whether part {@code part} can stay as the last run left it: its files are in the last run's
   * folder (without the tier there is nothing to write, and every part stays by name).
   */
  public boolean keeps(String part) throws IOException {
    if (dataDir.isEmpty()) {
      return true;
    }
    if (previousDataDir.isEmpty()) {
      return false;
    }
    for (ParquetTable table : tables) {
      String file = file(previousDataDir, table, part + ".parquet").toString();
      if (FileSystems.match(file, EmptyMatchTreatment.ALLOW).metadata().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The parts of a segment being built by run {@code prefix} (the run, and whether it rebuilds):
   * each written under a provisional name that readers of {@code *.parquet} do not see until it is
   * complete and named by its documents.
   */
  public Writer open(String prefix) {
    return new Writer(this, prefix);
  }

  /** The files of one part under {@code name} ({@code .parquet} or {@link #PARTIAL} appended), one per table. */
  private PartFiles partFiles(String name) throws IOException {
    List<ParquetRowWriter> writers = new ArrayList<>();
    List<ResourceId> targets = new ArrayList<>();
    if (!dataDir.isEmpty()) {
      for (ParquetTable table : tables) {
        ResourceId target = file(dataDir, table, name);
        targets.add(target);
        writers.add(ParquetRowWriter.create(target, table));
      }
    }
    return new PartFiles(writers, targets);
  }

  /** The ending of a file still being written, or left behind by a task that did not finish. */
  public static final String PARTIAL = ".parquet.partial";

  /**
   * The parts of a segment being built: documents are {@linkplain #add added} (their rows written)
   * or {@linkplain #keep kept} (their rows stay in a part of the last run); {@link #finish} says
   * which part holds each one's rows.
   */
  public static final class Writer implements AutoCloseable {
    private final DocumentTables owner;
    private final String prefix;
    private final String provisional;
    private final Map<String, String> partOf = new HashMap<>();
    private final Counter termRows = rowCounter(TermFrequencyReport.DOCUMENT_TERMS);
    private final Counter mentionRows = rowCounter(EntityMentionsReport.TABLE);
    /** The part being written and its documents, rows and number among the segment's parts. */
    private PartFiles current;
    private final List<String> currentIds = new ArrayList<>();
    private long currentRows;
    private int parts;

    private Writer(DocumentTables owner, String prefix) {
      this.owner = owner;
      this.prefix = prefix;
      this.provisional = prefix + "-partial-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Writes a counted document's rows into the current part, which is complete after {@link #PART_ROWS} rows. */
    public void add(AnalyzedDocument doc) throws IOException {
      if (current == null) {
        current = owner.partFiles(provisional + "-" + parts + PARTIAL);
      }
      current.add(doc);
      currentIds.add(doc.docId());
      currentRows += doc.termCounts().size();
      count(doc.termCounts().size(), doc.mentions().size());
      if (currentRows >= owner.partRows) {
        completePart();
      }
    }

    /** A counted document whose rows stay in {@code part}, a part of the last run that stays as it is. */
    public void keep(AnalyzedDocument doc, String part) {
      partOf.put(doc.docId(), part);
      count(doc.termCounts().size(), doc.mentions().size());
    }

    private void count(long terms, long mentions) {
      termRows.inc(terms);
      if (owner.tables.size() > 1) {
        mentionRows.inc(mentions);
      }
    }

    /** Completes the current part and names its files by the run and its documents (replacing a repeated task's). */
    private void completePart() throws IOException {
      current.close();
      String name = prefix + "-part-" + Segment.idsHash(currentIds);
      for (int t = 0; t < current.targets.size(); t++) {
        SegmentStore.moveReplacing(current.targets.get(t), file(owner.dataDir, owner.tables.get(t), name + ".parquet"));
      }
      currentIds.forEach(id -> partOf.put(id, name));
      current = null;
      currentIds.clear();
      currentRows = 0;
      parts++;
    }

    /** Completes the last part; the part of each counted document, by doc_id. */
    public Map<String, String> finish() throws IOException {
      if (current != null) {
        completePart();
      }
      return partOf;
    }

    @Override
    public void close() throws IOException {
      if (current != null) {
        current.close(); // a failed bundle: its provisional files are removed after the run
      }
    }
  }

  /** The files of one part, a writer per table: document_terms, then entity_mentions when entities are recognised. */
  private static final class PartFiles implements AutoCloseable {
    private final List<ParquetRowWriter> writers;
    private final List<ResourceId> targets;
    private boolean closed;

    private PartFiles(List<ParquetRowWriter> writers, List<ResourceId> targets) {
      this.writers = writers;
      this.targets = targets;
    }

    void add(AnalyzedDocument doc) {
      if (writers.isEmpty()) {
        return;
      }
      ParquetRowWriter terms = writers.get(0);
      // value by value: a document has thousands of terms, and a list of boxed values per row cost more than writing it
      TermFrequencyRows.ranked(doc.termCounts(), 1, 0, r -> write(terms, values -> values.text(doc.docId())
          .text(doc.outlet()).text(r.term()).integer(r.n()).integer(r.count())
          .decimal(TermWeights.per10k(r.count(), doc.tokens())).integer(r.rank())));
      if (writers.size() > 1) {
        for (Mention m : doc.mentions()) {
          write(writers.get(1), EntityMentionsReport.row(doc.docId(), doc.outlet(), m));
        }
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
   * For segments a run keeps: their parts stay where the last run wrote them, and a part that is
   * not there (the output folder is new, say) is written again under its name from the stored
   * analyses.
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
   * Removes every file of the per-document tables that is not of one of the given parts, which
   * are all the parts of the segments the run ends with. A runner that recomputes a lost bundle may
   * cut its documents into other segments and parts than the first attempt did (a segment closes
   * after a number of documents, and a shuffle hands them over in any order), and the first
   * attempt's files must not stay beside the second's, or their rows would count twice; the parts
   * of segments that are no longer live go too.
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
    public void process(@Element KV<Void, Iterable<String>> parts) throws IOException {
      if (owner.dataDir.isEmpty()) {
        return;
      }
      Set<String> files = new HashSet<>();
      parts.getValue().forEach(part -> files.add(part + ".parquet"));
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
      List<Member> counted = segment.members().stream().filter(m -> !m.copy()).toList();
      termRows.inc(counted.stream().mapToLong(Member::terms).sum());
      if (owner.tables.size() > 1) {
        mentionRows.inc(counted.stream().mapToLong(Member::mentions).sum());
      }
      Map<String, String> missingPartOf = new HashMap<>();
      for (String part : partsOf(counted)) {
        if (!owner.keeps(part)) {
          counted.stream().filter(m -> m.part().equals(part)).forEach(m -> missingPartOf.put(m.docId(), part));
        }
      }
      if (missingPartOf.isEmpty()) {
        return;
      }
      Map<String, PartFiles> writers = new TreeMap<>();
      try {
        store.readDocuments(segment.id(), doc -> {
          String part = missingPartOf.get(doc.docId());
          if (part != null) {
            writers.computeIfAbsent(part, p -> {
              try {
                return owner.partFiles(p + ".parquet");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }).add(doc);
          }
        });
      } finally {
        for (PartFiles files : writers.values()) {
          files.close();
        }
      }
    }
  }
}
