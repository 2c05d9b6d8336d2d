package org.presslens.transforms.state;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.RemoveBoilerplate;
import org.presslens.transforms.SpillToFiles;
import org.presslens.transforms.boilerplate.BoilerplateHashes;
import org.presslens.transforms.dedup.Duplicate;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.DocumentFacts;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.reports.DocumentTables;

/**
 * Analyses documents and sums each bundle's into one {@link Segment} (at most
 * {@value #MAX_MEMBERS} documents and {@value #MAX_TERM_ENTRIES} distinct terms; a bundle with
 * more gets several), so that the documents' term counts never cross a shuffle: only the
 * segments' tables do, a few per bundle, and with a spill folder their large tables wait for the
 * sums in files. Each counted document's rows go to a part of the full-detail tables
 * {@code document_terms} and {@code entity_mentions} ({@link DocumentTables}); with a store,
 * every document's analysis goes to the segment's files there too ({@link SegmentStore}).
 *
 * <p>Outputs: {@link #SEGMENTS}, {@link #FACTS} (what documents.csv says of each analysed
 * document) and {@link #REJECTED} (documents without a word).
 */
public final class AnalyzeIntoSegments extends PTransform<PCollection<SourceDocument>, PCollectionTuple> {

  public static final TupleTag<Segment> SEGMENTS = new TupleTag<>() {};
  public static final TupleTag<DocumentFacts> FACTS = new TupleTag<>() {};
  public static final TupleTag<RejectedInput> REJECTED = new TupleTag<>() {};

  static final int MAX_MEMBERS = 5_000;
  /**
   * A segment is finished when its tables hold this many distinct terms (n-grams of each outlet),
   * so that what a worker builds does not grow with the corpus (a bundle is a fixed share of it).
   */
  static final long MAX_TERM_ENTRIES = 300_000;
  /**
   * A finished segment's tables, and its postings, of at least this many bytes wait for the sums
   * (the concordance) in a file ({@link Segment#spilledInto}).
   */
  static final int SPILL_BYTES = 1 << 20;

  private final AnalyzeDocuments analysis;
  private final PCollectionView<Map<String, Duplicate>> copies;
  private final DocumentTables documentTables;
  private final SegmentStore store;
  private final String runId;
  private final String spillFolder;
  private final Limits limits;

  /** When a segment is finished, and which of its tables are spilled. */
  record Limits(int members, long termEntries, int spillBytes) implements Serializable {}

  private static final Limits DEFAULT_LIMITS = new Limits(MAX_MEMBERS, MAX_TERM_ENTRIES, SPILL_BYTES);

  private AnalyzeIntoSegments(AnalyzeDocuments analysis, PCollectionView<Map<String, Duplicate>> copies,
      DocumentTables documentTables, SegmentStore store, String runId, String spillFolder, Limits limits) {
    this.analysis = analysis;
    this.copies = copies;
    this.documentTables = documentTables;
    this.store = store;
    this.runId = runId;
    this.spillFolder = spillFolder;
    this.limits = limits;
  }

  /**
   * @param copies the documents that are copies of another, by doc_id (stored, not counted); null when copies count
   */
  public static AnalyzeIntoSegments of(AnalyzeDocuments analysis, PCollectionView<Map<String, Duplicate>> copies,
      DocumentTables documentTables) {
    return new AnalyzeIntoSegments(analysis, copies, documentTables, null, "", null, DEFAULT_LIMITS);
  }

  /** Writes the segments to {@code store} (null: none) as segments of run {@code runId}. */
  public AnalyzeIntoSegments storedIn(SegmentStore store, String runId) {
    return new AnalyzeIntoSegments(analysis, copies, documentTables, store, runId, spillFolder, limits);
  }

  /**
   * Spills the finished segments' large tables into {@code folder} (the run's own, deleted after
   * the pipeline; null: they stay in memory), so that they wait for the sums as file names.
   */
  public AnalyzeIntoSegments spillingInto(String folder) {
    return new AnalyzeIntoSegments(analysis, copies, documentTables, store, runId, folder, limits);
  }

  /** Other limits than {@link #MAX_MEMBERS}, {@link #MAX_TERM_ENTRIES} and {@link #SPILL_BYTES} (for tests). */
  AnalyzeIntoSegments limitedTo(Limits other) {
    return new AnalyzeIntoSegments(analysis, copies, documentTables, store, runId, spillFolder, other);
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceDocument> docs) {
    return analyse(docs, new AnalyzeIntoSegmentsFn(analysis, copies, store, runId, documentTables, spillFolder, limits));
  }

  /** Applies {@code fn}, with the copies side input when there is one and the {@code others}. */
  private <T> PCollectionTuple analyse(PCollection<T> input, SegmentingFn<T> fn, PCollectionView<?>... others) {
    List<PCollectionView<?>> sides = new ArrayList<>(List.of(others));
    if (copies != null) {
      sides.add(copies);
    }
    return input.apply("Analyze", ParDo.of(fn).withSideInputs(sides)
        .withOutputTags(SEGMENTS, TupleTagList.of(FACTS).and(REJECTED)));
  }

  /**
   * The same analysis for files of documents as they came in ({@link RemoveBoilerplate#CHECKED_FILES}):
   * each document is read, cleaned of its outlet's {@code boilerplate} and analysed one at a time,
   * so that the texts wait for the analysis in files, not in a runner's queue. Documents that are
   * nothing but boilerplate are skipped (RemoveBoilerplate rejects them).
   */
  public FromFiles readingFiles(Coder<SourceDocument> coder, PCollectionView<Map<String, BoilerplateHashes>> boilerplate) {
    return new FromFiles(this, coder, boilerplate);
  }

  /** {@link AnalyzeIntoSegments} for files of documents as they came in ({@link #readingFiles}). */
  public static final class FromFiles extends PTransform<PCollection<String>, PCollectionTuple> {
    private final AnalyzeIntoSegments segments;
    private final Coder<SourceDocument> coder;
    private final PCollectionView<Map<String, BoilerplateHashes>> boilerplate;

    private FromFiles(AnalyzeIntoSegments segments, Coder<SourceDocument> coder,
        PCollectionView<Map<String, BoilerplateHashes>> boilerplate) {
      this.segments = segments;
      this.coder = coder;
      this.boilerplate = boilerplate;
    }

    @Override
    public PCollectionTuple expand(PCollection<String> files) {
      AnalyzeIntoSegments s = segments;
      return s.analyse(files, new AnalyzeFilesFn(s.analysis, s.copies, s.store, s.runId, s.documentTables,
          s.spillFolder, s.limits, coder, boilerplate), boilerplate);
    }
  }

  /** Analyses each document of a file as {@link AnalyzeIntoSegmentsFn} does, after cleaning it. */
  static final class AnalyzeFilesFn extends SegmentingFn<String> {
    private final Coder<SourceDocument> coder;
    private final PCollectionView<Map<String, BoilerplateHashes>> boilerplate;

    AnalyzeFilesFn(AnalyzeDocuments analysis, PCollectionView<Map<String, Duplicate>> copies,
        SegmentStore store, String runId, DocumentTables documentTables, String spillFolder, Limits limits,
        Coder<SourceDocument> coder, PCollectionView<Map<String, BoilerplateHashes>> boilerplate) {
      super(analysis, copies, store, runId, documentTables, spillFolder, limits);
      this.coder = coder;
      this.boilerplate = boilerplate;
    }

    @ProcessElement
    public void process(@Element String file, MultiOutputReceiver out, ProcessContext c) throws IOException {
      Map<String, BoilerplateHashes> outlets = c.sideInput(boilerplate);
      SpillToFiles.read(file, coder, doc -> {
        SourceDocument cleaned = RemoveBoilerplate.cleaned(doc, outlets);
        if (cleaned != null) {
          analyze(cleaned, out, c);
        }
      });
    }
  }

  static final class AnalyzeIntoSegmentsFn extends SegmentingFn<SourceDocument> {
    AnalyzeIntoSegmentsFn(AnalyzeDocuments analysis, PCollectionView<Map<String, Duplicate>> copies,
        SegmentStore store, String runId, DocumentTables documentTables, String spillFolder, Limits limits) {
      super(analysis, copies, store, runId, documentTables, spillFolder, limits);
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, MultiOutputReceiver out, ProcessContext c) {
      analyze(doc, out, c);
    }
  }

  /**
   * Analyses documents into open segments. A segment is emitted when it reaches
   * {@value #MAX_MEMBERS} documents or {@value #MAX_TERM_ENTRIES} distinct terms, and at the end
   * of the bundle.
   */
  abstract static class SegmentingFn<T> extends DoFn<T, Segment> {
    private final AnalyzeDocuments analysis;
    private final PCollectionView<Map<String, Duplicate>> copies;
    private final SegmentStore store;
    private final String runId;
    private final DocumentTables documentTables;
    private final String spillFolder;
    private final Limits limits;
    private transient AnalyzeDocuments.Analyzer analyzer;
    private transient OpenSegment open;
    /** The copies side input, read once per bundle: the direct runner builds the map again on every access. */
    private transient Map<String, Duplicate> copyById;

    SegmentingFn(AnalyzeDocuments analysis, PCollectionView<Map<String, Duplicate>> copies,
        SegmentStore store, String runId, DocumentTables documentTables, String spillFolder, Limits limits) {
      this.analysis = analysis;
      this.copies = copies;
      this.store = store;
      this.runId = runId;
      this.documentTables = documentTables;
      this.spillFolder = spillFolder;
      this.limits = limits;
    }

    void analyze(SourceDocument doc, MultiOutputReceiver out, ProcessContext c) {
      if (analyzer == null) {
        analyzer = analysis.newAnalyzer();
      }
      AnalyzedDocument analyzed = analyzer.analyze(doc);
      if (analyzed == null) {
        out.get(REJECTED).output(AnalyzeDocuments.Analyzer.noWords(doc));
        return;
      }
      out.get(FACTS).output(analyzed.facts(doc.author()));
      if (copyById == null) {
        copyById = copies == null ? Map.of() : c.sideInput(copies);
      }
      if (open == null) {
        open = OpenSegment.start(runId, store, documentTables);
      }
      open.add(analyzed, copyById.containsKey(doc.docId()));
      if (open.size() >= limits.members() || open.termEntries() >= limits.termEntries()) {
        out.get(SEGMENTS).output(finish());
      }
    }

    /** The open segment finished, its large tables spilled when there is a spill folder. */
    private Segment finish() {
      Segment segment = open.finish();
      open = null;
      return segment.spilledInto(spillFolder, limits.spillBytes());
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      copyById = null;
      analyzer = null; // it holds the models for a bundle only (ReleasableModel)
      if (open != null) {
        c.output(SEGMENTS, finish(), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
    }

    @Teardown
    public void teardown() throws IOException {
      if (open != null) {
        open.close(); // a failed bundle: its files are never listed as live
      }
    }
  }

}
