package org.presslens.transforms.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.GroupEncoded;
import org.presslens.transforms.model.TextHash;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.RemoveBoilerplate;
import org.presslens.transforms.boilerplate.BoilerplateHashes;
import org.presslens.transforms.WaitFor;
import org.presslens.transforms.dedup.Duplicate;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.DocumentFacts;
import org.presslens.transforms.model.RecordCoders;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.reports.DocumentTables;

/**
 * The analysis of the corpus as {@link Segment}s ({@link AnalyzeIntoSegments}), built on the
 * state the last run left when there is one.
 *
 * <p>With the state of the last run ({@link SegmentStore}: the members of its live segments, read
 * before the pipeline is built), a rerun costs what is new:
 * <ol>
 *   <li>each document as it is now (outlet, date, key of the analysed text) is looked up by doc_id
 *       among the stored members; a document with the same text in the same outlet is not
 *       analysed again (its sizes come from the state), the others are analysed into new segments;
 *   <li>a segment whose members are all still the same, with the same copy status, is kept as it
 *       is (its tables read from the store); one that lost a member (removed, changed) or whose
 *       member became a copy or stopped being one is built again from its other members' stored
 *       analyses, and the parts of the per-document tables that held no lost member stay as they
 *       are ({@link DocumentTables});
 *   <li>when too many live segments are small, the smallest are merged into one
 *       ({@link Compaction}), so that scheduled reruns do not pile up small segments;
 *   <li>the last run's per-outlet totals ({@link KeepTotals}) stand for the kept segments'
 *       tables: whole when every live segment is still the same (kept and merged segments then
 *       carry their members only); otherwise less what the documents the rebuilds lost counted,
 *       with the kept and rebuilt segments' entity parts beside them ({@link ReadStoredTotals},
 *       {@link Totals}).
 * </ol>
 * Boilerplate and copies are decided again from the whole corpus before this step, so their
 * changes reach it as changed texts and copy flags.
 *
 * <p>Outputs: {@link #SEGMENTS}, every segment of the corpus as it is now, {@link #FACTS}, what
 * documents.csv says of every document, and {@link #REJECTED}, documents without a word. With a
 * store, new segments are written to it and the ids of all segments recorded as pending
 * ({@link SegmentStore#writePending}): they become live when the run's reports are in place. The
 * new segments' documents go to parts of the per-document full-detail tables of their own.
 */
public final class UpdateSegments extends PTransform<PCollection<SourceDocument>, PCollectionTuple> {

  public static final TupleTag<Segment> SEGMENTS = AnalyzeIntoSegments.SEGMENTS;
  public static final TupleTag<DocumentFacts> FACTS = AnalyzeIntoSegments.FACTS;
  public static final TupleTag<RejectedInput> REJECTED = AnalyzeIntoSegments.REJECTED;

  private static final TupleTag<SourceDocument> ANALYSE = new TupleTag<>() {};
  private static final TupleTag<KV<String, KV<String, Boolean>>> SAME = new TupleTag<>() {};
  private static final TupleTag<String> KEPT = new TupleTag<>() {};
  private static final TupleTag<KV<String, KV<String, Map<String, Boolean>>>> REBUILD = new TupleTag<>() {};
  private static final TupleTag<Integer> UNCHANGED = new TupleTag<>() {};
  /** Per segment, its members that counted and count no more. */
  private static final TupleTag<Integer> LOST_MEMBERS = new TupleTag<>() {};
  /** The outlets of members that counted and count no more, or the other way round. */
  private static final TupleTag<String> TOUCHED_OUTLETS = new TupleTag<>() {};
  private static final TupleTag<Segment> REBUILT = new TupleTag<>() {};
  /** Documents that counted in a stored segment and no longer count, by outlet (for the stored totals). */
  private static final TupleTag<KV<String, AnalyzedDocument>> LOST = new TupleTag<>() {};

  private final AnalyzeDocuments analysis;
  private final PCollectionView<Map<String, Duplicate>> copies;
  private final SegmentStore store;
  private final Map<String, List<Member>> live;
  private final String runId;
  private final DocumentTables documentTables;
  private final List<String> totals;
  private final String spillFolder;
  private final CheckedFiles checkedFiles;

  /** The documents as they came in, in files, and the boilerplate that cleans them ({@link #readingFiles}). */
  private record CheckedFiles(PCollection<String> files, PCollectionView<Map<String, BoilerplateHashes>> boilerplate) {}

  private UpdateSegments(AnalyzeDocuments analysis, PCollectionView<Map<String, Duplicate>> copies,
      SegmentStore store, Map<String, List<Member>> live, String runId, DocumentTables documentTables,
      List<String> totals, String spillFolder, CheckedFiles checkedFiles) {
    this.analysis = analysis;
    this.copies = copies;
    this.store = store;
    this.live = live;
    this.runId = runId;
    this.documentTables = documentTables;
    this.totals = totals;
    this.spillFolder = spillFolder;
    this.checkedFiles = checkedFiles;
  }

  /**
   * @param analysis the analysis of a document
   * @param copies the documents that are copies of another, by doc_id; null when copies count
   * @param documentTables where each segment's document terms go
   */
  public static UpdateSegments of(AnalyzeDocuments analysis, PCollectionView<Map<String, Duplicate>> copies,
      DocumentTables documentTables) {
    return new UpdateSegments(analysis, copies, null, Map.of(), "", documentTables, List.of(), null, null);
  }

  /**
   * Builds on the live segments of {@code store} and adds this run's segments to it.
   *
   * @param live the members of each live segment that could be read ({@link SegmentStore#readMembers})
   * @param totals the live totals files, the outlets' sums of the live segments ({@link KeepTotals});
   *     empty when there are none or a live segment's members could not be read
   */
  public UpdateSegments keptIn(SegmentStore store, Map<String, List<Member>> live, String runId, List<String> totals) {
    return new UpdateSegments(analysis, copies, store, live, runId, documentTables, totals, spillFolder, checkedFiles);
  }

  /** New segments' large tables wait for the sums in files of {@code folder} ({@link AnalyzeIntoSegments#spillingInto}). */
  public UpdateSegments spillingInto(String folder) {
    return new UpdateSegments(analysis, copies, store, live, runId, documentTables, totals, folder, checkedFiles);
  }

  /**
   * When no segment of a last run is live, analyses every document from {@code files} (the
   * documents as they came in, {@link RemoveBoilerplate#CHECKED_FILES}) cleaned of their outlet's
   * {@code boilerplate}, instead of from the cleaned input, so that the texts wait for the
   * analysis in files ({@link AnalyzeIntoSegments#readingFiles}). A rerun judges the cleaned input
   * against the last run as before and analyses only what changed.
   */
  public UpdateSegments readingFiles(PCollection<String> files, PCollectionView<Map<String, BoilerplateHashes>> boilerplate) {
    return new UpdateSegments(analysis, copies, store, live, runId, documentTables, totals, spillFolder,
        new CheckedFiles(files, boilerplate));
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceDocument> cleaned) {
    if (live.isEmpty()) {
      PCollectionTuple fresh = checkedFiles == null ? cleaned.apply("Analyze", segmenting())
          : checkedFiles.files().apply("Analyze", segmenting().readingFiles(cleaned.getCoder(), checkedFiles.boilerplate()));
      record(fresh.get(SEGMENTS));
      return fresh;
    }
    Map<String, String> rebuildInto = compaction();
    List<String> liveIds = new ArrayList<>(live.keySet());
    stored(store, liveIds, live::get); // a runner in this JVM finds the members read for the plan
    List<PCollectionView<?>> sides = copies == null ? List.of() : List.of(copies);
    PCollectionTuple judged = cleaned.apply("Judge", ParDo.of(new JudgeFn(store, liveIds, copies))
        .withSideInputs(sides).withOutputTags(FACTS, TupleTagList.of(ANALYSE).and(SAME)));

    PCollectionTuple fresh = judged.get(ANALYSE).setCoder(cleaned.getCoder()).apply("AnalyzeChanged", segmenting());
    KvCoder<String, KV<String, Boolean>> sameCoder =
        KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), BooleanCoder.of()));
    // With stored totals every live segment is planned, also one without a member left, whose
    // members the totals then lose; without, such a segment is simply not part of the run.
    PCollection<KV<String, KV<String, Boolean>>> planned = totals.isEmpty() ? judged.get(SAME).setCoder(sameCoder)
        : PCollectionList.of(judged.get(SAME).setCoder(sameCoder))
            .and(cleaned.getPipeline().apply("EveryLiveSegment", Create.of(liveIds.stream()
                .map(id -> KV.of(id, KV.of(PlanFn.LIVE, false))).toList()).withCoder(sameCoder)))
            .apply("SameAndLive", Flatten.pCollections());
    PCollectionTuple plan = planned
        .apply("SameBySegment", GroupEncoded.perKey())
        .apply("Plan", ParDo.of(new PlanFn(store, liveIds, rebuildInto))
            .withOutputTags(KEPT, TupleTagList.of(REBUILD).and(UNCHANGED).and(LOST_MEMBERS).and(TOUCHED_OUTLETS)));
    // The stored totals hold every live segment's tables; they replace them when every segment
    // is still the same (only then are the totals the sum of what this run keeps of the last one).
    PCollection<Integer> unchangedCounts = plan.get(UNCHANGED).setCoder(VarIntCoder.of());
    PCollectionView<Integer> unchanged = unchangedCounts.apply("CountUnchanged", Sum.integersGlobally().asSingletonView());
    PCollectionView<Integer> lostMembers = plan.get(LOST_MEMBERS).setCoder(VarIntCoder.of())
        .apply("CountLost", Sum.integersGlobally().asSingletonView());
    PCollectionView<List<String>> touchedOutlets = plan.get(TOUCHED_OUTLETS).setCoder(StringUtf8Coder.of())
        .apply("TouchedOutlets", Distinct.create()).apply("TouchedOutletList", View.asList());
    Totals useTotals = new Totals(unchanged, lostMembers, touchedOutlets, totals.isEmpty() ? -1 : live.size(),
        Totals.maxLost(live));
    PCollection<Segment> kept = plan.get(KEPT).setCoder(StringUtf8Coder.of())
        .apply("KeptWaitForPlan", WaitFor.completionOf((String id) -> id, unchangedCounts))
        .apply("ReadKept", ParDo.of(new ReadKeptFn(store, useTotals, spillFolder)).withSideInputs(useTotals.views()));
    kept.apply("KeptDocumentTerms", documentTables.forKept(store));
    PCollectionTuple rebuilds = plan.get(REBUILD)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(),
            MapCoder.of(StringUtf8Coder.of(), BooleanCoder.of()))))
        .apply("RebuildGroups", GroupByKey.create())
        .apply("RebuildWaitForPlan", WaitFor.<KV<String, Iterable<KV<String, Map<String, Boolean>>>>>completionOf(
            KV::getKey, unchangedCounts).inOwnBundles())
        .apply("Rebuild", ParDo.of(new RebuildFn(store, runId, documentTables, useTotals)).withSideInputs(useTotals.views())
            .withOutputTags(REBUILT, TupleTagList.of(LOST)));
    PCollection<Segment> rebuilt = rebuilds.get(REBUILT);
    PCollectionView<Map<String, Iterable<AnalyzedDocument>>> lost = rebuilds.get(LOST)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.AnalyzedDocumentCoder.INSTANCE))
        .apply("LostByOutlet", View.asMultimap());
    PCollection<Segment> stored = cleaned.getPipeline()
        .apply("StoredTotals", ReadStoredTotals.of(store, totals, useTotals, unchangedCounts, lost, spillFolder));

    PCollection<Segment> all = PCollectionList.of(kept).and(rebuilt).and(stored).and(fresh.get(SEGMENTS))
        .apply("AllSegments", Flatten.pCollections());
    record(all);
    PCollection<DocumentFacts> facts = PCollectionList.of(judged.get(FACTS)).and(fresh.get(FACTS))
        .apply("AllFacts", Flatten.pCollections());
    return PCollectionTuple.of(SEGMENTS, all).and(FACTS, facts).and(REJECTED, fresh.get(REJECTED));
  }

  private AnalyzeIntoSegments segmenting() {
    return AnalyzeIntoSegments.of(analysis, copies, documentTables).storedIn(store, runId).spillingInto(spillFolder);
  }

  /**
   * The stored members of the segments {@code ids}: by segment, and by doc_id with their segment
   * (a document in two segments: the first one's by id). Kept once per JVM and shared by the
   * instances of the judge and the plan, rather than sent through the pipeline as a side input or
   * with the functions, which the direct runner encodes again for every bundle: the run's own JVM
   * has them from reading the state, a worker JVM reads them from the store.
   *
   * @param membersOf a segment's members, or null when they cannot be read; asked only when this
   *     JVM does not hold the members of {@code ids} yet
   */
  static synchronized StoredMembers stored(SegmentStore store, List<String> ids, Function<String, List<Member>> membersOf) {
    String key = store.folder() + "\n" + String.join("\n", ids);
    if (lastStored == null || !lastStored.key().equals(key)) {
      Map<String, List<Member>> bySegment = new HashMap<>();
      Map<String, KV<String, Member>> byDocId = new HashMap<>();
      ids.stream().sorted().forEach(id -> {
        List<Member> members = membersOf.apply(id);
        if (members == null) {
          throw new IllegalStateException("the members of segment " + id + " in the cache " + store.folder()
              + " could be read when the run started but not now");
        }
        bySegment.put(id, members);
        members.forEach(m -> byDocId.putIfAbsent(m.docId(), KV.of(id, m)));
      });
      lastStored = new StoredMembers(key, bySegment, byDocId);
    }
    return lastStored;
  }

  /** The members {@link #stored} read last in this JVM, and the store and segments they are of. */
  record StoredMembers(String key, Map<String, List<Member>> bySegment, Map<String, KV<String, Member>> byDocId) {}

  private static StoredMembers lastStored;

  /** The segments merged into one new segment ({@link Compaction}), to its key. */
  private Map<String, String> compaction() {
    Map<String, String> into = new HashMap<>();
    Map<String, Long> weights = new HashMap<>();
    live.forEach((id, members) -> weights.put(id, Compaction.weight(members)));
    Compaction.merged(weights).forEach(id -> into.put(id, "compacted"));
    return into;
  }

  /**
   * Gathers the parts of the segments the run ends with, whose files are all the per-document
   * tables hold ({@link DocumentTables#removeOthersFn} removes any other), and with a store the
   * segments' ids, recorded as pending.
   */
  private void record(PCollection<Segment> segments) {
    PCollection<Segment> built = segments.apply("Built", Filter.by((Segment s) -> !SegmentStore.isTotals(s.id())));
    built.apply("PartNames", FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.voids(), TypeDescriptors.strings()))
            .via((Segment s) -> DocumentTables.partsOf(s.members()).stream().map(part -> KV.of((Void) null, part)).toList()))
        .setCoder(KvCoder.of(VoidCoder.of(), StringUtf8Coder.of()))
        .apply("GatherParts", GroupByKey.create())
        .apply("RemoveOtherFiles", ParDo.of(documentTables.removeOthersFn()));
    if (store != null) {
      built.apply("SegmentIds", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.voids(), TypeDescriptors.strings()))
              .via((Segment s) -> KV.of((Void) null, s.id())))
          .setCoder(KvCoder.of(VoidCoder.of(), StringUtf8Coder.of()))
          .apply("GatherIds", GroupByKey.create())
          .apply("WritePending", ParDo.of(new WritePendingFn(store, runId)));
    }
  }

  static final class WritePendingFn extends DoFn<KV<Void, Iterable<String>>, Void> {
    private final SegmentStore store;
    private final String runId;

    WritePendingFn(SegmentStore store, String runId) {
      this.store = store;
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element KV<Void, Iterable<String>> ids) throws IOException {
      List<String> sorted = new ArrayList<>();
      ids.getValue().forEach(sorted::add);
      sorted.sort(null);
      store.writePending(runId, sorted);
    }
  }

  /**
   * A document with the same text in the same outlet as a stored member: its facts (sizes from the
   * state) and (segment, (doc_id, copy now)) for the plan; any other document is analysed.
   */
  static final class JudgeFn extends DoFn<SourceDocument, DocumentFacts> {
    private final SegmentStore store;
    private final List<String> liveIds;
    private final PCollectionView<Map<String, Duplicate>> copies;
    private transient Map<String, KV<String, Member>> members;
    /** The side input, read once per bundle: the direct runner builds a map again on every access. */
    private transient Map<String, Duplicate> copyById;

    /** @param liveIds the live segments whose members could be read when the run started */
    JudgeFn(SegmentStore store, List<String> liveIds, PCollectionView<Map<String, Duplicate>> copies) {
      this.store = store;
      this.liveIds = liveIds;
      this.copies = copies;
    }

    @Setup
    public void setup() {
      members = stored(store, liveIds, store::readMembers).byDocId();
    }

    @StartBundle
    public void startBundle() {
      copyById = null;
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, MultiOutputReceiver out, ProcessContext c) {
      KV<String, Member> member = members.get(doc.docId());
      if (member == null || !member.getValue().sameAs(doc.outlet(), doc.published(), TextHash.key(doc.text()))) {
        out.get(ANALYSE).output(doc);
        return;
      }
      Member m = member.getValue();
      if (copyById == null) {
        copyById = copies == null ? Map.of() : c.sideInput(copies);
      }
      boolean copyNow = copyById.containsKey(doc.docId());
      out.get(SAME).output(KV.of(member.getKey(), KV.of(doc.docId(), copyNow)));
      out.get(FACTS).output(new DocumentFacts(doc.docId(), doc.outlet(), doc.published(), doc.title(), doc.author(),
          doc.sourcePath(), doc.charset(), m.sha256(), m.characters(), m.sentences(), m.tokens(), m.types()));
    }
  }

  /**
   * Per live segment that still has a member: kept when every member is still the same with the
   * same copy status and the segment is not merged away; otherwise built again from its same
   * members, under its own key or the key of the segments it is merged with.
   */
  static final class PlanFn extends DoFn<KV<String, Iterable<KV<String, Boolean>>>, String> {
    /** What stands for the segment itself among its same members: no doc_id. */
    static final String LIVE = "\0live";

    private final SegmentStore store;
    private final List<String> liveIds;
    private final Map<String, String> rebuildInto;
    /**
     * The members of each live segment, from those this JVM keeps ({@link #stored}) rather than a
     * field serialized with the function, which the direct runner does for every bundle.
     */
    private transient Map<String, List<Member>> liveMembers;

    /**
     * @param liveIds the live segments whose members could be read when the run started
     * @param rebuildInto the segments merged into one, to the key of their new segment
     */
    PlanFn(SegmentStore store, List<String> liveIds, Map<String, String> rebuildInto) {
      this.store = store;
      this.liveIds = liveIds;
      this.rebuildInto = rebuildInto;
    }

    @Setup
    public void setup() {
      liveMembers = stored(store, liveIds, store::readMembers).bySegment();
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, Boolean>>> segment, MultiOutputReceiver out) {
      String id = segment.getKey();
      List<Member> members = liveMembers.get(id);
      Set<String> copiesBefore = new HashSet<>();
      members.stream().filter(Member::copy).forEach(m -> copiesBefore.add(m.docId()));
      Map<String, Boolean> same = new HashMap<>();
      boolean copyStatusChanged = false;
      for (KV<String, Boolean> member : segment.getValue()) {
        if (member.getKey().equals(LIVE)) {
          continue;
        }
        same.put(member.getKey(), member.getValue());
        copyStatusChanged |= member.getValue() != copiesBefore.contains(member.getKey());
      }
      boolean unchanged = same.size() == members.size() && !copyStatusChanged;
      if (unchanged) {
        out.get(UNCHANGED).output(1);
      }
      long countsStill = same.entrySet().stream().filter(m -> !m.getValue() && !copiesBefore.contains(m.getKey())).count();
      int lost = members.size() - copiesBefore.size() - (int) countsStill;
      if (lost > 0) {
        out.get(LOST_MEMBERS).output(lost);
      }
      Set<String> touched = new HashSet<>();
      members.stream().filter(m -> Member.countsOtherwise(m.copy(), same.get(m.docId())))
          .forEach(m -> touched.add(m.outlet()));
      touched.forEach(out.get(TOUCHED_OUTLETS)::output);
      if (unchanged && !rebuildInto.containsKey(id)) {
        out.get(KEPT).output(id);
      } else {
        out.get(REBUILD).output(KV.of(rebuildInto.getOrDefault(id, id), KV.of(id, same)));
      }
    }
  }

  /**
   * How a run uses the stored totals (each outlet's sum of the live segments), when there are
   * any: <em>whole</em>, in place of every kept and rebuilt segment's tables, when every live
   * segment is still the same (the count of unchanged segments, a side input, equals
   * {@code liveSegments}); <em>less what was lost</em> when some documents that counted count no
   * more, at most {@code maxLost} of them (a side input): their terms, dated tables and postings
   * less what those documents counted, beside the entity parts of the kept and rebuilt segments'
   * tables ({@link Segment#entityPart}), since entity and co-occurrence tables hold choices over
   * documents that no document can be taken from. With more lost documents than that (whose
   * analyses the subtraction would hold at once), and without totals, the kept and rebuilt
   * segments are summed whole.
   *
   * @param liveSegments the live segments the totals sum; -1 when there are no totals
   * @param maxLost the most lost documents the totals are taken from ({@link #maxLost(Map)})
   */
  record Totals(PCollectionView<Integer> unchanged, PCollectionView<Integer> lostMembers,
      PCollectionView<List<String>> touchedOutlets, int liveSegments, int maxLost) implements java.io.Serializable {
    /** At least this many lost documents are taken from the totals, on any corpus. */
    static final int MIN_LOST = 100;
    /** Up to this share of the documents that counted (one in ...) are taken from the totals. */
    static final int LOST_SHARE = 16;

    /** The most lost documents taken from the totals: a sixteenth of those that counted, at least {@value #MIN_LOST}. */
    static int maxLost(Map<String, List<Member>> live) {
      long counted = live.values().stream().flatMap(List::stream).filter(m -> !m.copy()).count();
      return (int) Math.max(MIN_LOST, counted / LOST_SHARE);
    }

    List<PCollectionView<?>> views() {
      return List.of(unchanged, lostMembers, touchedOutlets);
    }

    boolean stored() {
      return liveSegments >= 0;
    }

    boolean whole(DoFn<?, ?>.ProcessContext c) {
      return stored() && c.sideInput(unchanged) == liveSegments;
    }

    boolean lessLost(DoFn<?, ?>.ProcessContext c) {
      return stored() && !whole(c) && c.sideInput(lostMembers) <= maxLost;
    }

    /**
     * The outlets some of whose documents count otherwise than in the totals (lost, or copies that
     * count now): the other outlets' totals stand whole.
     */
    Set<String> touched(DoFn<?, ?>.ProcessContext c) {
      return new HashSet<>(c.sideInput(touchedOutlets));
    }

    /**
     * What a kept or rebuilt segment adds to the sums: nothing (totals whole), the entity part of
     * its tables of the touched outlets, or all of it.
     */
    Segment share(Segment segment, DoFn<?, ?>.ProcessContext c) {
      if (whole(c)) {
        return segment.membersOnly();
      }
      return lessLost(c) ? segment.entityPart(touched(c)) : segment;
    }
  }

  /**
   * A kept segment, read from the store; only its members when the stored totals stand for its
   * tables. Its large tables and postings wait in the run's spill folder, as the stored totals' do ({@link ReadStoredTotals}).
   */
  static final class ReadKeptFn extends DoFn<String, Segment> {
    private final SegmentStore store;
    private final Totals totals;
    private final String spillFolder;
    private final Counter kept = Metrics.counter(UpdateSegments.class, "kept-segments");

    ReadKeptFn(SegmentStore store, Totals totals, String spillFolder) {
      this.store = store;
      this.totals = totals;
      this.spillFolder = spillFolder;
    }

    @ProcessElement
    public void process(@Element String id, OutputReceiver<Segment> out, ProcessContext c) throws IOException {
      kept.inc();
      if (totals.whole(c)) {
        List<Member> members = store.readMembers(id);
        if (members == null) {
          throw new IOException("the members file of segment " + id + " in the cache " + store.folder()
              + " could be read when the run started but not now");
        }
        out.output(Segment.ofMembers(id, members));
      } else {
        out.output(totals.share(store.readSegment(id), c).spilledInto(spillFolder, AnalyzeIntoSegments.SPILL_BYTES));
      }
    }
  }

  /**
   * One new segment from the same members of one or more stored segments, with their copy status
   * now. With stored totals, the documents that counted in a stored segment and count no more go
   * to {@link #LOST}, and the segment adds its entity part to the sums, and the terms, dated
   * tables and postings of its members that count now and did not (copies whose original is gone).
   */
  static final class RebuildFn extends DoFn<KV<String, Iterable<KV<String, Map<String, Boolean>>>>, Segment> {
    private final SegmentStore store;
    private final String runId;
    private final DocumentTables documentTables;
    private final Totals totals;

    RebuildFn(SegmentStore store, String runId, DocumentTables documentTables, Totals totals) {
      this.store = store;
      this.runId = runId;
      this.documentTables = documentTables;
      this.totals = totals;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, Map<String, Boolean>>>> group,
        MultiOutputReceiver out, ProcessContext c) throws IOException {
      List<KV<String, Map<String, Boolean>>> sources = new ArrayList<>();
      group.getValue().forEach(sources::add);
      // a segment none of whose members is left (planned only with stored totals) builds nothing
      boolean anyLeft = sources.stream().anyMatch(source -> !source.getValue().isEmpty());
      Segment shrinkable = anyLeft && sources.size() == 1 ? shrinkable(sources.get(0).getKey()) : null;
      String prefix = runId + "-" + Segment.REBUILT;
      List<AnalyzedDocument> gained = new ArrayList<>();
      boolean lessLost = totals.lessLost(c);
      if (!anyLeft && !lessLost) {
        return;
      }
      try (OpenSegment open = !anyLeft ? null : shrinkable != null
          ? OpenSegment.shrinking(prefix, store, documentTables, shrinkable, sources.get(0).getValue())
          : OpenSegment.start(prefix, store, documentTables)) {
        for (KV<String, Map<String, Boolean>> source : sources) {
          Map<String, Boolean> same = source.getValue();
          List<Member> members = shrinkable != null ? shrinkable.members() : store.readMembers(source.getKey());
          Set<String> countedBefore = counted(members);
          Map<String, String> keptParts = keptParts(members, same, sources.size() > 1);
          store.readDocuments(source.getKey(), doc -> {
            Boolean copy = same.get(doc.docId());
            String part = keptParts.get(doc.docId());
            if (part != null) {
              open.keep(doc, part);
            } else if (copy != null) {
              open.add(doc, copy);
            } else if (open != null) {
              open.drop(doc);
            }
            boolean countsNow = Boolean.FALSE.equals(copy);
            if (lessLost && countedBefore.contains(doc.docId()) && !countsNow) {
              out.get(LOST).output(KV.of(doc.outlet(), doc.countsOnly()));
            } else if (lessLost && !countedBefore.contains(doc.docId()) && countsNow) {
              gained.add(doc);
            }
          });
        }
        if (open != null) {
          Segment share = totals.share(open.finish(), c);
          out.get(REBUILT).output(gained.isEmpty() ? share : share.withTermsOf(gained));
        }
      }
    }

    /**
     * The parts of the per-document tables that stay as the last run left them, by doc_id of the
     * members whose rows they hold: parts all of whose documents count now as they did, whose files
     * are in place. A part that lost a document (removed, changed, a copy now) is written again
     * with the rest of its documents, in a part of this run; so is, when segments are merged
     * ({@code merging}), a part of less than a quarter of the rows a part is written with, so that
     * the small parts of reruns' new segments are merged with their segments.
     */
    private Map<String, String> keptParts(List<Member> members, Map<String, Boolean> same, boolean merging)
        throws IOException {
      Map<String, String> kept = new HashMap<>();
      if (members == null) {
        return kept;
      }
      Set<String> touched = new HashSet<>();
      Map<String, Long> rows = new HashMap<>();
      for (Member m : members) {
        if (!m.copy()) {
          rows.merge(m.part(), (long) m.terms(), Long::sum);
          if (Member.countsOtherwise(false, same.get(m.docId()))) {
            touched.add(m.part());
          }
        }
      }
      for (String part : DocumentTables.partsOf(members)) {
        boolean small = merging && rows.get(part) < documentTables.partRows() / 4;
        if (!touched.contains(part) && !small && documentTables.keeps(part)) {
          members.stream().filter(m -> m.part().equals(part)).forEach(m -> kept.put(m.docId(), part));
        }
      }
      return kept;
    }

    /** The doc_ids of the members that counted in a stored segment (not copies); none when its members cannot be read. */
    private static Set<String> counted(List<Member> members) {
      Set<String> counted = new HashSet<>();
      if (members != null) {
        members.stream().filter(m -> !m.copy()).forEach(m -> counted.add(m.docId()));
      }
      return counted;
    }

    /**
     * The stored segment a rebuild from one segment starts from ({@link ShrinkingSegment}), or null
     * when its tables cannot be read and it is built from nothing.
     */
    private Segment shrinkable(String id) {
      try {
        return store.readSegment(id);
      } catch (IOException e) {
        return null;
      }
    }
  }
}
