package org.presslens.transforms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.presslens.transforms.boilerplate.BoilerplateLines;
import org.presslens.transforms.boilerplate.BoilerplateRule;
import org.presslens.transforms.boilerplate.LineCounts;
import org.presslens.transforms.boilerplate.OutletBoilerplate;
import org.presslens.transforms.io.CorpusTags;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;

/**
 * Drops lines that repeat across many documents of the same outlet (menus, "Back to Top", credits,
 * promotions; see {@link BoilerplateRule} and {@link BoilerplateLines}). Outputs the cleaned
 * documents ({@link CorpusTags#DOCUMENTS}), documents that were nothing but boilerplate
 * ({@link CorpusTags#REJECTED}) and each outlet's boilerplate lines ({@link #LINES}).
 *
 * <p>No text can be cleaned before every document's lines are counted. With a spill folder the
 * documents wait for the counts in files ({@link SpillToFiles}), not in memory, and those files
 * are an output too ({@link #CHECKED_FILES}): a slow step that reads them itself and cleans each
 * document as it goes ({@link #cleaned}, {@link #byOutlet}) holds one text at a time, where the
 * cleaned documents would all wait in a runner's queue for it.
 */
public final class RemoveBoilerplate extends PTransform<PCollection<SourceDocument>, PCollectionTuple> {

  public static final TupleTag<OutletBoilerplate> LINES = new TupleTag<>() {};
  /**
   * The files of the documents as they came in, before cleaning (only with a spill folder), keyed
   * by doc_id ({@link SpillToFiles#keyedBy}).
   */
  public static final TupleTag<String> CHECKED_FILES = new TupleTag<>() {};

  private final BoilerplateRule rule;
  private final String spillFolder;

  private RemoveBoilerplate(BoilerplateRule rule, String spillFolder) {
    this.rule = rule;
    this.spillFolder = spillFolder;
  }

  public static RemoveBoilerplate with(BoilerplateRule rule) {
    return new RemoveBoilerplate(rule, null);
  }

  /** Lets the documents wait for the line counts in files of {@code folder} (the run's own, deleted after the pipeline). */
  public RemoveBoilerplate spillingInto(String folder) {
    return new RemoveBoilerplate(rule, folder);
  }

  /** Each outlet's boilerplate lines (from {@link #LINES}) as a side input for {@link #cleaned}. */
  public static ByOutlet byOutlet() {
    return new ByOutlet();
  }

  /** See {@link #byOutlet}. */
  public static final class ByOutlet
      extends PTransform<PCollection<OutletBoilerplate>, PCollectionView<Map<String, OutletBoilerplate>>> {
    private ByOutlet() {}

    @Override
    public PCollectionView<Map<String, OutletBoilerplate>> expand(PCollection<OutletBoilerplate> lines) {
      return lines.apply("ByOutlet", WithKeys.of(OutletBoilerplate::outlet))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), lines.getCoder()))
          .apply("AsMap", View.asMap());
    }
  }

  /**
   * The document without its outlet's boilerplate lines; the document itself when its outlet has
   * none (or is not in {@code outlets}); null when every line is boilerplate.
   */
  public static SourceDocument cleaned(SourceDocument doc, Map<String, OutletBoilerplate> outlets) {
    OutletBoilerplate outlet = outlets.get(doc.outlet());
    if (outlet == null || outlet.lines().isEmpty()) {
      return doc;
    }
    BoilerplateLines.Stripped stripped = Stage.INGEST.time(() -> BoilerplateLines.strip(doc.text(), outlet.lines().keySet()));
    if (stripped.text().isBlank()) {
      return null;
    }
    return stripped.cuts().count() == 0 ? doc : new SourceDocument(doc.docId(), doc.outlet(), doc.published(),
        doc.title(), doc.author(), doc.sourcePath(), doc.charset(), stripped.text(), stripped.cuts());
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceDocument> docs) {
    PCollection<String> files = spillFolder == null ? null : docs.apply("SpillChecked", SpillToFiles.<SourceDocument>into(spillFolder).keyedBy(SourceDocument::docId));
    PCollectionTuple out = clean(docs, files);
    return files == null ? out : out.and(CHECKED_FILES, files);
  }

  /** Cleans {@code docs}, read from {@code files} (their spilled copies) unless that is null. */
  private PCollectionTuple clean(PCollection<SourceDocument> docs, PCollection<String> files) {
    if (!rule.enabled()) {
      return PCollectionTuple.of(CorpusTags.DOCUMENTS, docs)
          .and(CorpusTags.REJECTED, docs.getPipeline().apply("NoRejects",
              Create.empty(RejectedInput.RejectedInputCoder.of())))
          .and(LINES, docs.getPipeline().apply("NoLines", Create.empty(OutletBoilerplate.OutletBoilerplateCoder.of())));
    }
    PCollection<KV<String, OutletBoilerplate>> perOutlet = docs
        .apply("CandidateLines", ParDo.of(new CandidatesFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
        .apply("CountPerOutlet", CombineGrouped.perKey(new CountLinesFn(rule)))
        .apply("NameOutlet", MapElements.via(new SimpleFunction<KV<String, OutletBoilerplate>, KV<String, OutletBoilerplate>>() {
          @Override
          public KV<String, OutletBoilerplate> apply(KV<String, OutletBoilerplate> kv) {
            return KV.of(kv.getKey(), new OutletBoilerplate(kv.getKey(), kv.getValue().documents(), kv.getValue().lines()));
          }
        }));
    PCollectionView<Map<String, OutletBoilerplate>> byOutlet = perOutlet.apply("ByOutlet", View.asMap());
    TupleTagList rejected = TupleTagList.of(CorpusTags.REJECTED);
    PCollectionTuple stripped = files == null
        ? docs.apply("StripLines", ParDo.of(new StripFn(byOutlet)).withSideInputs(byOutlet)
            .withOutputTags(CorpusTags.DOCUMENTS, rejected))
        : files.apply("StripLines", ParDo.of(new StripFilesFn(byOutlet, docs.getCoder())).withSideInputs(byOutlet)
            .withOutputTags(CorpusTags.DOCUMENTS, rejected));
    stripped.get(CorpusTags.DOCUMENTS).setCoder(docs.getCoder());
    PCollection<OutletBoilerplate> lines = perOutlet.apply("Outlets", Values.create())
        .apply("WithLines", Filter.by(outlet -> !outlet.lines().isEmpty()));
    return PCollectionTuple.of(CorpusTags.DOCUMENTS, stripped.get(CorpusTags.DOCUMENTS))
        .and(CorpusTags.REJECTED, stripped.get(CorpusTags.REJECTED))
        .and(LINES, lines);
  }

  static final class CandidatesFn extends DoFn<SourceDocument, KV<String, List<String>>> {
    @ProcessElement
    public void process(@Element SourceDocument doc, OutputReceiver<KV<String, List<String>>> out) {
      out.output(KV.of(doc.outlet(), Stage.INGEST.time(() -> new ArrayList<>(BoilerplateLines.candidates(doc.text())))));
    }
  }

  static final class CountLinesFn extends Combine.CombineFn<List<String>, LineCounts, OutletBoilerplate> {
    private final BoilerplateRule rule;

    CountLinesFn(BoilerplateRule rule) {
      this.rule = rule;
    }

    @Override
    public LineCounts createAccumulator() {
      return new LineCounts();
    }

    @Override
    public LineCounts addInput(LineCounts counts, List<String> lines) {
      counts.addDocument(new java.util.HashSet<>(lines));
      return counts;
    }

    @Override
    public LineCounts mergeAccumulators(Iterable<LineCounts> all) {
      LineCounts merged = new LineCounts();
      all.forEach(merged::addAll);
      return merged;
    }

    @Override
    public OutletBoilerplate extractOutput(LineCounts counts) {
      // The combiner does not see the key; NameOutlet fills in the outlet.
      return new OutletBoilerplate("", counts.documents(), new TreeMap<>(rule.apply(counts)));
    }
  }

  static final class StripFn extends DoFn<SourceDocument, SourceDocument> {
    private final PCollectionView<Map<String, OutletBoilerplate>> byOutlet;
    /** The side input, read once per bundle: the direct runner builds the map again on every access. */
    private transient Map<String, OutletBoilerplate> outlets;

    StripFn(PCollectionView<Map<String, OutletBoilerplate>> byOutlet) {
      this.byOutlet = byOutlet;
    }

    @StartBundle
    public void startBundle() {
      outlets = null;
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, MultiOutputReceiver out, ProcessContext c) {
      if (outlets == null) {
        outlets = c.sideInput(byOutlet);
      }
      strip(doc, outlets, out);
    }
  }

  /** {@link StripFn} for a file of documents ({@link SpillToFiles}). */
  static final class StripFilesFn extends DoFn<String, SourceDocument> {
    private final PCollectionView<Map<String, OutletBoilerplate>> byOutlet;
    private final Coder<SourceDocument> coder;

    StripFilesFn(PCollectionView<Map<String, OutletBoilerplate>> byOutlet, Coder<SourceDocument> coder) {
      this.byOutlet = byOutlet;
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element String file, MultiOutputReceiver out, ProcessContext c) throws IOException {
      Map<String, OutletBoilerplate> outlets = c.sideInput(byOutlet);
      SpillToFiles.read(file, coder, doc -> strip(doc, outlets, out));
    }
  }

  private static void strip(SourceDocument doc, Map<String, OutletBoilerplate> outlets, DoFn.MultiOutputReceiver out) {
    SourceDocument cleaned = cleaned(doc, outlets);
    if (cleaned == null) {
      out.get(CorpusTags.REJECTED).output(RejectedInput.of(doc, RejectedInput.Reason.EMPTY,
          "every line is boilerplate of outlet '" + doc.outlet() + "' (see boilerplate.csv)"));
    } else {
      out.get(CorpusTags.DOCUMENTS).output(cleaned);
    }
  }
}
