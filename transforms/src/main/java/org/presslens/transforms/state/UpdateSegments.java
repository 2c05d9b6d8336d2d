package org.presslens.transforms.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.commons.codec.digest.DigestUtils;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.dedup.Duplicate;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.DocumentFacts;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.reports.DocumentTerms;

/**
 * The analysis of the corpus as {@link Segment}s, built on what the last run left when there is
 * a state ({@link SegmentStore}), so that a rerun costs what is new:
 * <ol>
 *   <li>each document as it is now (outlet, SHA-256 of the analysed text, copy or not) is joined
 *       by doc_id with the members of the live segments;
 *   <li>a document that is the same is not analysed again: its sizes come from the state and its
 *       counts stay in its segment; the others are analysed;
 *   <li>a segment whose members are all the same is kept as it is; a segment that lost a member
 *       (removed, changed, now a copy or no longer one) is built again from its other members'
 *       stored analyses, together with the new documents of its outlet;
 *   <li>an outlet with more than {@value #MAX_SEGMENTS} segments has its smaller ones merged into
 *       the new one, so that scheduled reruns do not pile up small segments.
 * </ol>
 * Boilerplate and copies are decided again from the whole corpus before this step, so their
 * changes reach the analysis as changed texts and copy flags. Without a state every document is
 * analysed (the first run, or a run without a cache), each outlet in a few segments
 * ({@value #FIRST_BUCKETS} buckets by doc_id) that can be summed in parallel.
 *
 * <p>Outputs: {@link #SEGMENTS}, every segment of the corpus as it is now (the outlets' tables are
 * the merge of their segments'), {@link #FACTS}, what documents.csv says of every document, and
 * {@link #REJECTED}, documents without a word. With a store, new segments are written to it and
 * their ids, with those of the kept ones, recorded as pending ({@link SegmentStore#writePending}):
 * they become live when the run's reports are in place. Each new segment's document terms are
 * written to the full-detail table {@code document_terms} (one file per segment).
 */
public final class UpdateSegments extends PTransform<PCollection<SourceDocument>, PCollectionTuple> {

  public static final TupleTag<Segment> SEGMENTS = new TupleTag<>() {};
  public static final TupleTag<DocumentFacts> FACTS = new TupleTag<>() {};
  public static final TupleTag<org.presslens.transforms.model.RejectedInput> REJECTED = AnalyzeDocuments.REJECTED;

  static final int FIRST_BUCKETS = 8;
  static final int MAX_SEGMENTS = 16;

  private static final TupleTag<DocumentFacts> CURRENT = new TupleTag<>() {};
  private static final TupleTag<KV<String, Member>> STORED = new TupleTag<>() {};
  private static final TupleTag<String> ANALYSE = new TupleTag<>() {};
  private static final TupleTag<KV<String, String>> DROPPED = new TupleTag<>() {};
  private static final TupleTag<DocumentFacts> SAME = new TupleTag<>() {};
  private static final TupleTag<String> RESTATED = new TupleTag<>() {};

  private final PTransform<PCollection<SourceDocument>, PCollectionTuple> analyze;
  private final PCollectionView<Map<String, Duplicate>> copies;
  private final SegmentStore store;
  private final List<String> live;
  private final String runId;
  private final DocumentTerms documentTerms;

  private UpdateSegments(PTransform<PCollection<SourceDocument>, PCollectionTuple> analyze,
      PCollectionView<Map<String, Duplicate>> copies, SegmentStore store, List<String> live, String runId,
      DocumentTerms documentTerms) {
    this.analyze = analyze;
    this.copies = copies;
    this.store = store;
    this.live = live;
    this.runId = runId;
    this.documentTerms = documentTerms;
  }

  /**
   * @param analyze the analysis of a document ({@link AnalyzeDocuments})
   * @param copies the documents that are copies of another, by doc_id; null when copies count
   * @param documentTerms where each segment's document terms go
   */
  public static UpdateSegments of(PTransform<PCollection<SourceDocument>, PCollectionTuple> analyze,
      PCollectionView<Map<String, Duplicate>> copies, DocumentTerms documentTerms) {
    return new UpdateSegments(analyze, copies, null, List.of(), "", documentTerms);
  }

  /** Builds on the live segments of {@code store} and adds this run's segments to it. */
  public UpdateSegments keptIn(SegmentStore store, List<String> live, String runId) {
    return new UpdateSegments(analyze, copies, store, live, runId, documentTerms);
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceDocument> cleaned) {
    if (live.isEmpty()) {
      PCollectionTuple fresh = cleaned.apply("Analyze", analyze);
      PCollection<AnalyzedDocument> analyzed = fresh.get(AnalyzeDocuments.ANALYZED);
      PCollection<Segment> built = build(analyzed, FIRST_BUCKETS);
      record(built);
      return PCollectionTuple.of(SEGMENTS, built)
          .and(FACTS, facts(analyzed, "Facts"))
          .and(REJECTED, fresh.get(AnalyzeDocuments.REJECTED));
    }

    PCollection<KV<String, DocumentFacts>> current = cleaned
        .apply("Current", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(DocumentFacts.class)))
            .via((SourceDocument d) -> KV.of(d.docId(), new DocumentFacts(d.docId(), d.outlet(), d.published(), d.title(),
                d.sourcePath(), d.charset(), DigestUtils.sha256Hex(d.text()), 0, 0, 0, 0))));
    PCollection<Segment> stored = cleaned.getPipeline()
        .apply("LiveSegments", Create.of(live).withCoder(StringUtf8Coder.of()))
        .apply("ReadSegments", ParDo.of(new ReadSummaryFn(store)));
    PCollection<KV<String, KV<String, Member>>> members = stored.apply("Members", ParDo.of(new MembersFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), StateCoders.MemberCoder.of())));

    List<PCollectionView<?>> sides = copies == null ? List.of() : List.of(copies);
    PCollectionTuple judged = KeyedPCollectionTuple.of(CURRENT, current).and(STORED, members)
        .apply("JoinState", CoGroupByKey.create())
        .apply("Judge", ParDo.of(new JudgeFn(copies)).withSideInputs(sides)
            .withOutputTags(SAME, TupleTagList.of(ANALYSE).and(DROPPED).and(RESTATED)));
    PCollectionView<Map<String, Boolean>> toAnalyse = judged.get(ANALYSE)
        .apply("AnalyseKeys", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.booleans()))
            .via(id -> KV.of(id, true)))
        .apply("AnalyseView", View.asMap());
    PCollectionView<Map<String, Iterable<String>>> dropped = judged.get(DROPPED)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("DroppedView", View.asMultimap());
    PCollection<String> compacted = stored
        .apply("Sizes", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.integers())))
            .via((Segment s) -> KV.of(s.outlet(), KV.of(s.id(), s.members().size()))))
        .apply("ByOutlet", GroupByKey.create())
        .apply("Compact", ParDo.of(new CompactFn()));
    PCollectionView<List<String>> rebuilt = PCollectionList.of(compacted).and(judged.get(RESTATED))
        .apply("Rebuilt", Flatten.pCollections())
        .apply("RebuiltView", View.asList());

    PCollectionTuple fresh = cleaned
        .apply("ChangedOnly", ParDo.of(new OnlyFn(toAnalyse)).withSideInputs(toAnalyse))
        .setCoder(cleaned.getCoder())
        .apply("Analyze", analyze);
    PCollectionTuple split = stored.apply("KeepOrRebuild", ParDo.of(new SplitFn(dropped, rebuilt))
        .withSideInputs(dropped, rebuilt).withOutputTags(KEPT, TupleTagList.of(REBUILT)));
    PCollection<AnalyzedDocument> carried = split.get(REBUILT).setCoder(stored.getCoder())
        .apply("CarryMembers", ParDo.of(new CarryFn(store, dropped)).withSideInputs(dropped));
    PCollection<Segment> kept = split.get(KEPT).setCoder(stored.getCoder());
    kept.apply("KeptDocumentTerms", documentTerms.forKept(store));

    PCollection<AnalyzedDocument> changed = PCollectionList.of(fresh.get(AnalyzeDocuments.ANALYZED))
        .and(carried.setCoder(fresh.get(AnalyzeDocuments.ANALYZED).getCoder()))
        .apply("NewMembers", Flatten.pCollections());
    PCollection<Segment> all = PCollectionList.of(kept).and(build(changed, 1)).apply("AllSegments", Flatten.pCollections());
    record(all);
    PCollection<DocumentFacts> facts = PCollectionList.of(judged.get(SAME))
        .and(facts(fresh.get(AnalyzeDocuments.ANALYZED), "FreshFacts"))
        .apply("AllFacts", Flatten.pCollections());
    return PCollectionTuple.of(SEGMENTS, all).and(FACTS, facts).and(REJECTED, fresh.get(AnalyzeDocuments.REJECTED));
  }

  private static final TupleTag<Segment> KEPT = new TupleTag<>() {};
  private static final TupleTag<Segment> REBUILT = new TupleTag<>() {};

  private static PCollection<DocumentFacts> facts(PCollection<AnalyzedDocument> docs, String name) {
    return docs.apply(name, MapElements.into(TypeDescriptor.of(DocumentFacts.class)).via(AnalyzedDocument::facts));
  }

  /** New segments of the documents of each outlet, in {@code buckets} buckets by doc_id. */
  private PCollection<Segment> build(PCollection<AnalyzedDocument> docs, int buckets) {
    List<PCollectionView<?>> sides = copies == null ? List.of() : List.of(copies);
    return docs
        .apply("KeyBySegment", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(AnalyzedDocument.class)))
            .via((AnalyzedDocument d) -> KV.of(d.outlet() + "\u0000" + Math.floorMod(d.docId().hashCode(), buckets), d)))
        .apply("GroupSegments", GroupByKey.create())
        .apply("BuildSegments", ParDo.of(new BuildFn(copies, store, runId, documentTerms)).withSideInputs(sides));
  }

  /** With a store, records the run's segments as pending. */
  private void record(PCollection<Segment> segments) {
    if (store == null) {
      return;
    }
    segments
        .apply("SegmentIds", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.voids(), TypeDescriptors.strings()))
            .via((Segment s) -> KV.of((Void) null, s.id())))
        .setCoder(KvCoder.of(VoidCoder.of(), StringUtf8Coder.of()))
        .apply("GatherIds", GroupByKey.create())
        .apply("WritePending", ParDo.of(new DoFn<KV<Void, Iterable<String>>, Void>() {
          @ProcessElement
          public void process(@Element KV<Void, Iterable<String>> ids) throws IOException {
            List<String> sorted = new ArrayList<>();
            ids.getValue().forEach(sorted::add);
            sorted.sort(null);
            store.writePending(runId, sorted);
          }
        }));
  }

  /** The live segments that can be read; a damaged one is left out, so its documents are analysed again. */
  static final class ReadSummaryFn extends DoFn<String, Segment> {
    private final SegmentStore store;
    private final Counter unreadable = Metrics.counter(UpdateSegments.class, "unreadable-segments");

    ReadSummaryFn(SegmentStore store) {
      this.store = store;
    }

    @ProcessElement
    public void process(@Element String id, OutputReceiver<Segment> out) {
      Segment segment = store.readSummary(id);
      if (segment == null) {
        unreadable.inc();
      } else {
        out.output(segment);
      }
    }
  }

  static final class MembersFn extends DoFn<Segment, KV<String, KV<String, Member>>> {
    @ProcessElement
    public void process(@Element Segment segment, OutputReceiver<KV<String, KV<String, Member>>> out) {
      for (Member m : segment.members()) {
        out.output(KV.of(m.docId(), KV.of(segment.id(), m)));
      }
    }
  }

  /**
   * Same text (facts from the state), or to be analysed; which segments lose which member, and
   * which keep a member whose copy status changed (summed again from the stored analyses).
   */
  static final class JudgeFn extends DoFn<KV<String, CoGbkResult>, DocumentFacts> {
    private final PCollectionView<Map<String, Duplicate>> copies;

    JudgeFn(PCollectionView<Map<String, Duplicate>> copies) {
      this.copies = copies;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, MultiOutputReceiver out, ProcessContext c) {
      DocumentFacts now = joined.getValue().getOnly(CURRENT, null);
      boolean copyNow = now != null && copies != null && c.sideInput(copies).containsKey(now.docId());
      boolean same = false;
      for (KV<String, Member> stored : joined.getValue().getAll(STORED)) {
        Member m = stored.getValue();
        if (!same && now != null && m.sameAs(now.outlet(), now.sha256())) {
          same = true;
          out.get(SAME).output(new DocumentFacts(now.docId(), now.outlet(), now.published(), now.title(),
              now.sourcePath(), now.charset(), now.sha256(), m.characters(), m.sentences(), m.tokens(), m.types()));
          if (m.copy() != copyNow) {
            out.get(RESTATED).output(stored.getKey()); // counts now, or no longer: its segment is summed again
          }
        } else {
          out.get(DROPPED).output(KV.of(stored.getKey(), m.docId()));
        }
      }
      if (now != null && !same) {
        out.get(ANALYSE).output(now.docId());
      }
    }
  }

  /** Per outlet, the segments merged into the new one: all but the largest when there are too many. */
  static final class CompactFn extends DoFn<KV<String, Iterable<KV<String, Integer>>>, String> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, Integer>>> outlet, OutputReceiver<String> out) {
      List<KV<String, Integer>> segments = new ArrayList<>();
      outlet.getValue().forEach(segments::add);
      if (segments.size() <= MAX_SEGMENTS) {
        return;
      }
      segments.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
          : Integer.compare(b.getValue(), a.getValue()));
      segments.subList(MAX_SEGMENTS / 2, segments.size()).forEach(s -> out.output(s.getKey()));
    }
  }

  static final class OnlyFn extends DoFn<SourceDocument, SourceDocument> {
    private final PCollectionView<Map<String, Boolean>> wanted;

    OnlyFn(PCollectionView<Map<String, Boolean>> wanted) {
      this.wanted = wanted;
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, OutputReceiver<SourceDocument> out, ProcessContext c) {
      if (c.sideInput(wanted).containsKey(doc.docId())) {
        out.output(doc);
      }
    }
  }

  /** Kept segments, and segments to build again (a member went or changed its copy status, or the outlet has too many). */
  static final class SplitFn extends DoFn<Segment, Segment> {
    private final PCollectionView<Map<String, Iterable<String>>> dropped;
    private final PCollectionView<List<String>> rebuilt;

    SplitFn(PCollectionView<Map<String, Iterable<String>>> dropped, PCollectionView<List<String>> rebuilt) {
      this.dropped = dropped;
      this.rebuilt = rebuilt;
    }

    @ProcessElement
    public void process(@Element Segment segment, MultiOutputReceiver out, ProcessContext c) {
      boolean rebuild = c.sideInput(dropped).containsKey(segment.id()) || c.sideInput(rebuilt).contains(segment.id());
      out.get(rebuild ? REBUILT : KEPT).output(segment);
    }
  }

  /** The stored analyses of a rebuilt segment's members that are still the same. */
  static final class CarryFn extends DoFn<Segment, AnalyzedDocument> {
    private final SegmentStore store;
    private final PCollectionView<Map<String, Iterable<String>>> dropped;

    CarryFn(SegmentStore store, PCollectionView<Map<String, Iterable<String>>> dropped) {
      this.store = store;
      this.dropped = dropped;
    }

    @ProcessElement
    public void process(@Element Segment segment, OutputReceiver<AnalyzedDocument> out, ProcessContext c) throws IOException {
      Set<String> gone = new HashSet<>();
      c.sideInput(dropped).getOrDefault(segment.id(), List.of()).forEach(gone::add);
      store.readDocuments(segment.id(), doc -> {
        if (!gone.contains(doc.docId())) {
          out.output(doc);
        }
      });
    }
  }

  /** Sums one outlet bucket's documents into a segment, writing it (and its document terms) as it goes. */
  static final class BuildFn extends DoFn<KV<String, Iterable<AnalyzedDocument>>, Segment> {
    private final PCollectionView<Map<String, Duplicate>> copies;
    private final SegmentStore store;
    private final String runId;
    private final DocumentTerms documentTerms;

    BuildFn(PCollectionView<Map<String, Duplicate>> copies, SegmentStore store, String runId, DocumentTerms documentTerms) {
      this.copies = copies;
      this.store = store;
      this.runId = runId;
      this.documentTerms = documentTerms;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<AnalyzedDocument>> group, OutputReceiver<Segment> out,
        ProcessContext c) throws IOException {
      String outlet = group.getKey().substring(0, group.getKey().lastIndexOf('\u0000'));
      String id = (runId.isEmpty() ? "run" : runId) + "-" + DigestUtils.sha256Hex(group.getKey()).substring(0, 16);
      Map<String, Duplicate> copyById = copies == null ? Map.of() : c.sideInput(copies);
      Segment.Builder builder = new Segment.Builder(outlet);
      Segment segment = org.presslens.transforms.Stage.COUNTING.time(() -> {
        try (SegmentStore.DocumentsWriter docs = store == null ? null : store.startSegment(id);
            DocumentTerms.Writer terms = documentTerms.open(id)) {
          for (AnalyzedDocument doc : group.getValue()) {
            boolean copy = copyById.containsKey(doc.docId());
            builder.add(doc, copy);
            if (docs != null) {
              docs.add(doc);
            }
            if (!copy) {
              terms.add(doc);
            }
          }
          Segment built = builder.build(id);
          if (docs != null) {
            docs.finish(built);
          }
          return built;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      out.output(segment);
    }
  }
}
