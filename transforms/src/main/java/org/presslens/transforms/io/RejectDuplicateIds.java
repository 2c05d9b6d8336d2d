package org.presslens.transforms.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
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
        .apply("IdAndSource", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via(d -> KV.of(d.docId(), d.sourcePath())))
        .apply("GroupById", GroupByKey.create())
        .apply("FindDuplicates", ParDo.of(new FindDuplicatesFn()))
        .apply("DuplicatesView", View.asMap());
    return docs.apply("Filter", ParDo.of(new FilterFn(losers)).withSideInputs(losers)
        .withOutputTags(CorpusTags.DOCUMENTS, TupleTagList.of(CorpusTags.REJECTED)));
  }

  /** Emits (source, kept source) for every source that loses to the first one of its id. */
  static final class FindDuplicatesFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> id, OutputReceiver<KV<String, String>> out) {
      List<String> sources = new ArrayList<>();
      id.getValue().forEach(sources::add);
      if (sources.size() > 1) {
        sources.sort(null);
        for (String source : sources.subList(1, sources.size())) {
          out.output(KV.of(source, sources.get(0)));
        }
      }
    }
  }

  static final class FilterFn extends DoFn<SourceDocument, SourceDocument> {
    private final PCollectionView<Map<String, String>> losers;

    FilterFn(PCollectionView<Map<String, String>> losers) {
      this.losers = losers;
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, MultiOutputReceiver out, ProcessContext c) {
      String kept = c.sideInput(losers).get(doc.sourcePath());
      if (kept == null) {
        out.get(CorpusTags.DOCUMENTS).output(doc);
      } else {
        out.get(CorpusTags.REJECTED).output(RejectedInput.of(doc, RejectedInput.Reason.DUPLICATE_ID,
            "doc_id '" + doc.docId() + "' is already used by " + kept));
      }
    }
  }
}
