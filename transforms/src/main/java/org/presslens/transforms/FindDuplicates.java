package org.presslens.transforms;

import java.util.List;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.presslens.transforms.dedup.Duplicate;
import org.presslens.transforms.dedup.DuplicateFinder;
import org.presslens.transforms.dedup.Fingerprint;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.state.Memo;

/**
 * Finds exact and near copies among the documents (see {@link DuplicateFinder}): one
 * {@link Duplicate} per copy, naming the document kept in its place. Fingerprints are small
 * (a hash and 128 integers per document) and meet in one {@link DuplicateFinder} (see
 * {@link CombineGrouped} for why not in a lifted combiner). With a {@link Memo}, a text the last
 * run saw keeps its fingerprint.
 */
public final class FindDuplicates extends PTransform<PCollection<SourceDocument>, PCollection<Duplicate>> {

  private static final TupleTag<Fingerprint> FINGERPRINTS = new TupleTag<>() {};
  private static final TupleTag<KV<String, byte[]>> TEXT_PARTS = new TupleTag<>() {};

  private final double threshold;
  private final Memo memo;

  private FindDuplicates(double threshold, Memo memo) {
    this.threshold = threshold;
    this.memo = memo;
  }

  /** @param threshold estimated Jaccard similarity from which two documents are near copies */
  public static FindDuplicates withThreshold(double threshold) {
    return new FindDuplicates(threshold, Memo.none());
  }

  /** Takes the fingerprints of texts the last run saw from {@code memo}, and remembers this run's there. */
  public FindDuplicates remembering(Memo memo) {
    return new FindDuplicates(threshold, memo);
  }

  @Override
  public PCollection<Duplicate> expand(PCollection<SourceDocument> docs) {
    PCollectionTuple fingerprints = docs.apply("Fingerprint", ParDo.of(new FingerprintFn(memo))
        .withOutputTags(FINGERPRINTS, TupleTagList.of(TEXT_PARTS)));
    if (memo.enabled()) {
      fingerprints.get(TEXT_PARTS).setCoder(Memo.resultCoder()).apply("RememberFingerprints", memo.write());
    }
    return fingerprints.get(FINGERPRINTS)
        .apply("GroupCopies", CombineGrouped.globally(new FinderFn(threshold)))
        .setCoder(ListCoder.of(Duplicate.DuplicateCoder.of()))
        .apply("EachCopy", Flatten.iterables());
  }

  /** A document's fingerprint, from the memo when the last run saw its text. */
  static final class FingerprintFn extends DoFn<SourceDocument, Fingerprint> {
    private final Memo memo;

    FingerprintFn(Memo memo) {
      this.memo = memo;
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, MultiOutputReceiver out) {
      out.get(FINGERPRINTS).output(Stage.INGEST.time(() -> memo.recall(doc.text(),
          textPart -> Fingerprint.withTextPart(doc.docId(), doc.outlet(), doc.published(), textPart),
          () -> Fingerprint.of(doc.docId(), doc.outlet(), doc.published(), doc.text()), Fingerprint::textPart,
          out.get(TEXT_PARTS)::output)));
    }
  }

  /** The finder is the accumulator; the output is its list of copies. */
  static final class FinderFn extends Combine.CombineFn<Fingerprint, DuplicateFinder, List<Duplicate>> {
    private final double threshold;

    FinderFn(double threshold) {
      this.threshold = threshold;
    }

    @Override
    public DuplicateFinder createAccumulator() {
      return new DuplicateFinder(threshold);
    }

    @Override
    public DuplicateFinder addInput(DuplicateFinder finder, Fingerprint fingerprint) {
      finder.add(fingerprint);
      return finder;
    }

    @Override
    public DuplicateFinder mergeAccumulators(Iterable<DuplicateFinder> finders) {
      DuplicateFinder merged = new DuplicateFinder(threshold);
      finders.forEach(merged::addAll);
      return merged;
    }

    @Override
    public List<Duplicate> extractOutput(DuplicateFinder finder) {
      return finder.duplicates();
    }
  }

}
