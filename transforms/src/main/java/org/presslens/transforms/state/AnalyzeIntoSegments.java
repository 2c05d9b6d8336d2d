package org.presslens.transforms.state;

import java.io.IOException;
import java.util.List;
import java.util.Map;
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
import org.presslens.transforms.dedup.Duplicate;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.DocumentFacts;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.reports.DocumentTables;

/**
 * Analyses documents and sums each bundle's into one {@link Segment} (at most
 * {@value #MAX_MEMBERS} documents; a bundle with more gets several), so that the documents' term
 * counts never cross a shuffle: only the segments' tables do, a few per bundle. Each counted
 * document's terms go to the segment's file of the full-detail table {@code document_terms}; with
 * a store, every document's analysis goes to the segment's files there too ({@link SegmentStore}).
 *
 * <p>Outputs: {@link #SEGMENTS}, {@link #FACTS} (what documents.csv says of each analysed
 * document) and {@link #REJECTED} (documents without a word).
 */
public final class AnalyzeIntoSegments extends PTransform<PCollection<SourceDocument>, PCollectionTuple> {

  public static final TupleTag<Segment> SEGMENTS = new TupleTag<>() {};
  public static final TupleTag<DocumentFacts> FACTS = new TupleTag<>() {};
  public static final TupleTag<RejectedInput> REJECTED = new TupleTag<>() {};

  static final int MAX_MEMBERS = 5_000;

  private final AnalyzeDocuments analysis;
  private final PCollectionView<Map<String, Duplicate>> copies;
  private final DocumentTables documentTables;
  private final SegmentStore store;
  private final String runId;

  private AnalyzeIntoSegments(AnalyzeDocuments analysis, PCollectionView<Map<String, Duplicate>> copies,
      DocumentTables documentTables, SegmentStore store, String runId) {
    this.analysis = analysis;
    this.copies = copies;
    this.documentTables = documentTables;
    this.store = store;
    this.runId = runId;
  }

  /**
   * @param copies the documents that are copies of another, by doc_id (stored, not counted); null when copies count
   */
  public static AnalyzeIntoSegments of(AnalyzeDocuments analysis, PCollectionView<Map<String, Duplicate>> copies,
      DocumentTables documentTables) {
    return new AnalyzeIntoSegments(analysis, copies, documentTables, null, "");
  }

  /** Writes the segments to {@code store} (null: none) as segments of run {@code runId}. */
  public AnalyzeIntoSegments storedIn(SegmentStore store, String runId) {
    return new AnalyzeIntoSegments(analysis, copies, documentTables, store, runId);
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceDocument> docs) {
    List<PCollectionView<?>> sides = copies == null ? List.of() : List.of(copies);
    return docs.apply("Analyze", ParDo.of(new AnalyzeIntoSegmentsFn(analysis, copies, store, runId, documentTables))
        .withSideInputs(sides).withOutputTags(SEGMENTS, TupleTagList.of(FACTS).and(REJECTED)));
  }

  /**
   * A segment is emitted when it reaches {@value #MAX_MEMBERS} documents and at the end of the
   * bundle.
   */
  static final class AnalyzeIntoSegmentsFn extends DoFn<SourceDocument, Segment> {
    private final AnalyzeDocuments analysis;
    private final PCollectionView<Map<String, Duplicate>> copies;
    private final SegmentStore store;
    private final String runId;
    private final DocumentTables documentTables;
    private transient AnalyzeDocuments.Analyzer analyzer;
    private transient OpenSegment open;
    /** The copies side input, read once per bundle: the direct runner builds the map again on every access. */
    private transient Map<String, Duplicate> copyById;

    AnalyzeIntoSegmentsFn(AnalyzeDocuments analysis, PCollectionView<Map<String, Duplicate>> copies,
        SegmentStore store, String runId, DocumentTables documentTables) {
      this.analysis = analysis;
      this.copies = copies;
      this.store = store;
      this.runId = runId;
      this.documentTables = documentTables;
    }

    @Setup
    public void setup() {
      analyzer = analysis.newAnalyzer();
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, MultiOutputReceiver out, ProcessContext c) {
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
      if (open.size() >= MAX_MEMBERS) {
        out.get(SEGMENTS).output(open.finish());
        open = null;
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      copyById = null;
      if (open != null) {
        c.output(SEGMENTS, open.finish(), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
        open = null;
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
