package org.presslens.transforms;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.boilerplate.BoilerplateHashes;
import org.presslens.transforms.boilerplate.BoilerplateLines;
import org.presslens.transforms.boilerplate.BoilerplateRule;
import org.presslens.transforms.boilerplate.LineCounts;
import org.presslens.transforms.boilerplate.OutletBoilerplate;
import org.presslens.transforms.io.CorpusTags;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.model.TextHash;
import org.presslens.transforms.state.Memo;

/**
 * Drops lines that repeat across many documents of the same outlet (menus, "Back to Top", credits,
 * promotions; see {@link BoilerplateRule} and {@link BoilerplateLines}). Outputs the cleaned
 * documents ({@link CorpusTags#DOCUMENTS}), documents that were nothing but boilerplate
 * ({@link CorpusTags#REJECTED}), each outlet's boilerplate lines by hash ({@link #HASHES}: what
 * cleans a document) and as text with their counts ({@link #LINES}: the report).
 *
 * <p>The lines are counted by their hashes ({@link LineCounts}): most candidate lines occur once,
 * and their texts would be most of what crosses the shuffle. The text of a boilerplate line is
 * taken from the documents it is cut from, each distinct line once per bundle.
 *
 * <p>No text can be cleaned before every document's lines are counted. With a spill folder the
 * documents wait for the counts in files ({@link SpillToFiles}), not in memory, and those files
 * are an output too ({@link #CHECKED_FILES}): a slow step that reads them itself and cleans each
 * document as it goes ({@link #cleaned}, {@link #byOutlet}) holds one text at a time, where the
 * cleaned documents would all wait in a runner's queue for it.
 */
public final class RemoveBoilerplate extends PTransform<PCollection<SourceDocument>, PCollectionTuple> {

  public static final TupleTag<OutletBoilerplate> LINES = new TupleTag<>() {};
  /** Each outlet's boilerplate lines by hash, outlets without any included. */
  public static final TupleTag<BoilerplateHashes> HASHES = new TupleTag<>() {};
  /** The text of each line cut from a document, under its outlet (once per bundle). */
  private static final TupleTag<KV<String, String>> CUT = new TupleTag<>() {};
  /**
   * The files of the documents as they came in, before cleaning (only with a spill folder), keyed
   * by doc_id ({@link SpillToFiles#keyedBy}).
   */
  public static final TupleTag<String> CHECKED_FILES = new TupleTag<>() {};

  /** Each text's candidate lines by its key ({@link TextHash#key}), for the memo. */
  private static final TupleTag<KV<String, byte[]>> REMEMBERED = new TupleTag<>() {};

  private final BoilerplateRule rule;
  private final String spillFolder;
  private final Memo memo;

  private RemoveBoilerplate(BoilerplateRule rule, String spillFolder, Memo memo) {
    this.rule = rule;
    this.spillFolder = spillFolder;
    this.memo = memo;
  }

  public static RemoveBoilerplate with(BoilerplateRule rule) {
    return new RemoveBoilerplate(rule, null, Memo.none());
  }

  /** Lets the documents wait for the line counts in files of {@code folder} (the run's own, deleted after the pipeline). */
  public RemoveBoilerplate spillingInto(String folder) {
    return new RemoveBoilerplate(rule, folder, memo);
  }

  /**
   * Takes the candidate lines of texts the last run saw from {@code memo} instead of finding them
   * in the text again (a rerun counts every document's lines), and remembers this run's there.
   */
  public RemoveBoilerplate remembering(Memo memo) {
    return new RemoveBoilerplate(rule, spillFolder, memo);
  }

  /** Each outlet's boilerplate lines (from {@link #HASHES}) as a side input for {@link #cleaned}. */
  public static ByOutlet byOutlet() {
    return new ByOutlet();
  }

  /** See {@link #byOutlet}. */
  public static final class ByOutlet
      extends PTransform<PCollection<BoilerplateHashes>, PCollectionView<Map<String, BoilerplateHashes>>> {
    private ByOutlet() {}

    @Override
    public PCollectionView<Map<String, BoilerplateHashes>> expand(PCollection<BoilerplateHashes> lines) {
      return lines.apply("ByOutlet", WithKeys.of(BoilerplateHashes::outlet))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), lines.getCoder()))
          .apply("AsMap", View.asMap());
    }
  }

  /**
   * The document without its outlet's boilerplate lines; the document itself when its outlet has
   * none (or is not in {@code outlets}); null when every line is boilerplate.
   */
  public static SourceDocument cleaned(SourceDocument doc, Map<String, BoilerplateHashes> outlets) {
    return cleaned(doc, outlets, line -> {});
  }

  /** {@link #cleaned(SourceDocument, Map)}, telling {@code cut} the text of each line it cuts. */
  private static SourceDocument cleaned(SourceDocument doc, Map<String, BoilerplateHashes> outlets, Consumer<String> cut) {
    BoilerplateHashes outlet = outlets.get(doc.outlet());
    if (outlet == null || outlet.isEmpty()) {
      return doc;
    }
    BoilerplateLines.Stripped stripped = Stage.INGEST.time(() -> BoilerplateLines.strip(doc.text(), outlet::contains, cut));
    if (stripped.text().isBlank()) {
      return null;
    }
    return stripped.cuts().count() == 0 ? doc : new SourceDocument(doc.docId(), doc.outlet(), doc.published(),
        doc.title(), doc.author(), doc.sourcePath(), doc.charset(), stripped.text(), stripped.cuts());
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceDocument> docs) {
    PCollection<String> files = spillFolder == null ? null
        : docs.apply("SpillChecked", SpillToFiles.<SourceDocument>into(spillFolder).keyedBy(SourceDocument::docId));
    PCollectionTuple out = clean(docs, files);
    return files == null ? out : out.and(CHECKED_FILES, files);
  }

  /** Cleans {@code docs}, read from {@code files} (their spilled copies) unless that is null. */
  private PCollectionTuple clean(PCollection<SourceDocument> docs, PCollection<String> files) {
    if (!rule.enabled()) {
      return PCollectionTuple.of(CorpusTags.DOCUMENTS, docs)
          .and(CorpusTags.REJECTED, docs.getPipeline().apply("NoRejects",
              Create.empty(RejectedInput.RejectedInputCoder.of())))
          .and(LINES, docs.getPipeline().apply("NoLines", Create.empty(OutletBoilerplate.OutletBoilerplateCoder.of())))
          .and(HASHES, docs.getPipeline().apply("NoHashes", Create.empty(BoilerplateHashes.BoilerplateHashesCoder.of())));
    }
    PCollectionTuple candidates = docs.apply("CandidateLines", ParDo.of(new CandidatesFn(memo))
        .withOutputTags(CANDIDATES, TupleTagList.of(REMEMBERED)));
    if (memo.enabled()) {
      candidates.get(REMEMBERED).setCoder(Memo.resultCoder()).apply("RememberLines", memo.write());
    }
    PCollection<BoilerplateHashes> hashes = candidates.get(CANDIDATES)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), LineCounts.LineCountsCoder.of()))
        .apply("CountPerOutlet", CombineGrouped.perKey(new CountLinesFn(rule)))
        .apply("NameOutlet", MapElements.into(TypeDescriptor.of(BoilerplateHashes.class))
            .via((KV<String, BoilerplateHashes> kv) -> kv.getValue().named(kv.getKey())));
    PCollectionView<Map<String, BoilerplateHashes>> byOutlet = hashes.apply("ByOutlet", byOutlet());
    TupleTagList others = TupleTagList.of(CorpusTags.REJECTED).and(CUT);
    PCollectionTuple stripped = files == null
        ? docs.apply("StripLines", ParDo.of(new StripFn(byOutlet)).withSideInputs(byOutlet)
            .withOutputTags(CorpusTags.DOCUMENTS, others))
        // the files wait for the counts (WaitFor); the documents of a rerun do not, since
        // waiting in a GroupByKey would encode every text once more
        : files.apply("WaitForCounts", WaitFor.completionOf((String file) -> file, hashes).inOwnBundles())
            .apply("StripLines", ParDo.of(new StripFilesFn(byOutlet, docs.getCoder())).withSideInputs(byOutlet)
            .withOutputTags(CorpusTags.DOCUMENTS, others));
    stripped.get(CorpusTags.DOCUMENTS).setCoder(docs.getCoder());
    PCollection<OutletBoilerplate> lines = stripped.get(CUT)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("CutLines", CombineGrouped.perKey(new DistinctLinesFn()))
        .apply("WithCounts", ParDo.of(new WithCountsFn(byOutlet)).withSideInputs(byOutlet));
    return PCollectionTuple.of(CorpusTags.DOCUMENTS, stripped.get(CorpusTags.DOCUMENTS))
        .and(CorpusTags.REJECTED, stripped.get(CorpusTags.REJECTED))
        .and(LINES, lines)
        .and(HASHES, hashes);
  }

  /** Each document's candidate lines under its outlet. */
  private static final TupleTag<KV<String, LineCounts>> CANDIDATES = new TupleTag<>() {};

  /**
   * A document's candidate lines, under its outlet; from the memo when the last run saw the text,
   * and, with a memo, also under the text's key for the next run.
   */
  static final class CandidatesFn extends DoFn<SourceDocument, KV<String, LineCounts>> {
    private final Memo memo;

    CandidatesFn(Memo memo) {
      this.memo = memo;
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, MultiOutputReceiver out) {
      LineCounts lines = Stage.INGEST.time(() -> LineCounts.ofDocument(memo.recall(doc.text(), RemoveBoilerplate::decode,
          () -> BoilerplateLines.candidateHashes(doc.text()), RemoveBoilerplate::encode, out.get(REMEMBERED)::output)));
      out.get(CANDIDATES).output(KV.of(doc.outlet(), lines));
    }
  }

  /** Candidate line hashes as 8 bytes each (big-endian), for the memo. */
  public static byte[] encode(long[] hashes) {
    ByteBuffer bytes = ByteBuffer.allocate(8 * hashes.length);
    bytes.asLongBuffer().put(hashes);
    return bytes.array();
  }

  public static long[] decode(byte[] bytes) {
    long[] hashes = new long[bytes.length / 8];
    ByteBuffer.wrap(bytes).asLongBuffer().get(hashes);
    return hashes;
  }

  static final class CountLinesFn extends Combine.CombineFn<LineCounts, LineCounts, BoilerplateHashes> {
    private final BoilerplateRule rule;

    CountLinesFn(BoilerplateRule rule) {
      this.rule = rule;
    }

    @Override
    public LineCounts createAccumulator() {
      return new LineCounts();
    }

    @Override
    public LineCounts addInput(LineCounts counts, LineCounts document) {
      counts.addAll(document);
      return counts;
    }

    @Override
    public LineCounts mergeAccumulators(Iterable<LineCounts> all) {
      LineCounts merged = new LineCounts();
      all.forEach(merged::addAll);
      return merged;
    }

    @Override
    public BoilerplateHashes extractOutput(LineCounts counts) {
      // The combiner does not see the key; NameOutlet fills in the outlet.
      return rule.apply(counts);
    }
  }

  /** The distinct texts of an outlet's cut lines, sorted. */
  static final class DistinctLinesFn extends Combine.CombineFn<String, List<String>, List<String>> {
    @Override
    public List<String> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<String> addInput(List<String> lines, String line) {
      lines.add(line);
      return lines;
    }

    @Override
    public List<String> mergeAccumulators(Iterable<List<String>> all) {
      List<String> merged = new ArrayList<>();
      all.forEach(merged::addAll);
      return merged;
    }

    @Override
    public List<String> extractOutput(List<String> lines) {
      return lines.stream().distinct().sorted().toList();
    }
  }

  /** An outlet's cut lines with the number of documents each occurs in. */
  static final class WithCountsFn extends DoFn<KV<String, List<String>>, OutletBoilerplate> {
    private final PCollectionView<Map<String, BoilerplateHashes>> byOutlet;

    WithCountsFn(PCollectionView<Map<String, BoilerplateHashes>> byOutlet) {
      this.byOutlet = byOutlet;
    }

    @ProcessElement
    public void process(@Element KV<String, List<String>> cut, OutputReceiver<OutletBoilerplate> out, ProcessContext c) {
      BoilerplateHashes outlet = c.sideInput(byOutlet).get(cut.getKey());
      TreeMap<String, Integer> lines = new TreeMap<>();
      cut.getValue().forEach(line -> lines.put(line, outlet.count(BoilerplateLines.hash(line))));
      out.output(new OutletBoilerplate(cut.getKey(), outlet.documents(), lines));
    }
  }

  /**
   * Cleans documents and tells the texts of the lines it cuts, each outlet's distinct lines once
   * per bundle.
   */
  abstract static class CleaningFn<T> extends DoFn<T, SourceDocument> {
    private final PCollectionView<Map<String, BoilerplateHashes>> byOutlet;
    private transient Map<String, Set<String>> told;
    private transient Map<String, BoilerplateHashes> outlets;

    CleaningFn(PCollectionView<Map<String, BoilerplateHashes>> byOutlet) {
      this.byOutlet = byOutlet;
    }

    @StartBundle
    public void startBundle() {
      told = new HashMap<>();
      outlets = null;
    }

    /** The side input, read once per bundle: the direct runner builds the map again on every access. */
    Map<String, BoilerplateHashes> outlets(ProcessContext c) {
      if (outlets == null) {
        outlets = c.sideInput(byOutlet);
      }
      return outlets;
    }

    void strip(SourceDocument doc, Map<String, BoilerplateHashes> outlets, MultiOutputReceiver out) {
      Set<String> toldOfOutlet = told.computeIfAbsent(doc.outlet(), o -> new HashSet<>());
      SourceDocument cleaned = cleaned(doc, outlets, line -> {
        if (toldOfOutlet.add(line)) {
          out.get(CUT).output(KV.of(doc.outlet(), line));
        }
      });
      if (cleaned == null) {
        out.get(CorpusTags.REJECTED).output(RejectedInput.of(doc, RejectedInput.Reason.EMPTY,
            "every line is boilerplate of outlet '" + doc.outlet() + "' (see boilerplate.csv)"));
      } else {
        out.get(CorpusTags.DOCUMENTS).output(cleaned);
      }
    }
  }

  static final class StripFn extends CleaningFn<SourceDocument> {
    StripFn(PCollectionView<Map<String, BoilerplateHashes>> byOutlet) {
      super(byOutlet);
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, MultiOutputReceiver out, ProcessContext c) {
      strip(doc, outlets(c), out);
    }
  }

  /** {@link StripFn} for a file of documents ({@link SpillToFiles}). */
  static final class StripFilesFn extends CleaningFn<String> {
    private final Coder<SourceDocument> coder;

    StripFilesFn(PCollectionView<Map<String, BoilerplateHashes>> byOutlet, Coder<SourceDocument> coder) {
      super(byOutlet);
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element String file, MultiOutputReceiver out, ProcessContext c) throws IOException {
      Map<String, BoilerplateHashes> outlets = outlets(c);
      SpillToFiles.read(file, coder, doc -> strip(doc, outlets, out));
    }
  }
}
