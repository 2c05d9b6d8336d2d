package org.presslens.transforms.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.GroupEncoded;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;

/**
 * Keeps one document per doc_id: the one whose source sorts first; the others go to
 * {@link CorpusTags#REJECTED} as {@code duplicate-id}. Only (doc_id, source) pairs are grouped, never
 * the texts.
 */
public final class RejectDuplicateIds extends PTransform<PCollection<SourceDocument>, PCollectionTuple> {

  public static RejectDuplicateIds create() {
    return new RejectDuplicateIds();
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceDocument> docs) {
    PCollectionView<Map<String, String>> losers = docs
        .apply("IdAndSource", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.integers(),
                TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings())))
            .via(d -> KV.of(Math.floorMod(d.docId().hashCode(), BUCKETS), KV.of(d.docId(), d.sourcePath()))))
        .apply("GroupByIdBucket", GroupEncoded.perKey())
        .apply("FindDuplicates", ParDo.of(new FindDuplicatesFn()))
        .apply("DuplicatesView", View.asMap());
    return docs.apply("Filter", ParDo.of(new FilterFn(losers)).withSideInputs(losers)
        .withOutputTags(CorpusTags.DOCUMENTS, TupleTagList.of(CorpusTags.REJECTED)));
  }

  /**
   * Ids are grouped in a few buckets by hash rather than one group per id: a runner that handles
   * each group as a unit of work (the direct runner: a bundle per key) would otherwise do as many
   * units as there are documents for this small step.
   */
  static final int BUCKETS = 16;

  /** Emits (source, kept source) for every source that loses to the first one of its id. */
  static final class FindDuplicatesFn extends DoFn<KV<Integer, Iterable<KV<String, String>>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, String>>> bucket, OutputReceiver<KV<String, String>> out) {
      Map<String, List<String>> sourcesById = new HashMap<>();
      bucket.getValue().forEach(kv -> sourcesById.computeIfAbsent(kv.getKey(), id -> new ArrayList<>()).add(kv.getValue()));
      for (List<String> sources : sourcesById.values()) {
        if (sources.size() > 1) {
          sources.sort(null);
          for (String source : sources.subList(1, sources.size())) {
            out.output(KV.of(source, sources.get(0)));
          }
        }
      }
    }
  }

  static final class FilterFn extends DoFn<SourceDocument, SourceDocument> {
    private final PCollectionView<Map<String, String>> losers;
    /** The side input, read once per bundle: the direct runner builds the map again on every access. */
    private transient Map<String, String> keptBySource;

    FilterFn(PCollectionView<Map<String, String>> losers) {
      this.losers = losers;
    }

    @StartBundle
    public void startBundle() {
      keptBySource = null;
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, MultiOutputReceiver out, ProcessContext c) {
      if (keptBySource == null) {
        keptBySource = c.sideInput(losers);
      }
      String kept = keptBySource.get(doc.sourcePath());
      if (kept == null) {
        out.get(CorpusTags.DOCUMENTS).output(doc);
      } else {
        out.get(CorpusTags.REJECTED).output(RejectedInput.of(doc, RejectedInput.Reason.DUPLICATE_ID,
            "doc_id '" + doc.docId() + "' is already used by " + kept));
      }
    }
  }
}
