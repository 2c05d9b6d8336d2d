package org.presslens.transforms;

import java.util.List;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.presslens.transforms.dedup.Duplicate;
import org.presslens.transforms.dedup.DuplicateFinder;
import org.presslens.transforms.dedup.Fingerprint;
import org.presslens.transforms.model.SourceDocument;

/**
 * Finds exact and near copies among the documents (see {@link DuplicateFinder}): one
 * {@link Duplicate} per copy, naming the document kept in its place. Fingerprints are small
 * (a hash and 128 integers per document) and meet in one {@link DuplicateFinder} (see
 * {@link CombineGrouped} for why not in a lifted combiner).
 */
public final class FindDuplicates extends PTransform<PCollection<SourceDocument>, PCollection<Duplicate>> {

  private final double threshold;

  private FindDuplicates(double threshold) {
    this.threshold = threshold;
  }

  /** @param threshold estimated Jaccard similarity from which two documents are near copies */
  public static FindDuplicates withThreshold(double threshold) {
    return new FindDuplicates(threshold);
  }

  @Override
  public PCollection<Duplicate> expand(PCollection<SourceDocument> docs) {
    return docs
        .apply("Fingerprint", ParDo.of(new DoFn<SourceDocument, Fingerprint>() {
          @ProcessElement
          public void process(@Element SourceDocument doc, OutputReceiver<Fingerprint> out) {
            out.output(Stage.INGEST.time(() -> Fingerprint.of(doc.docId(), doc.outlet(), doc.published(), doc.text())));
          }
        }))
        .setCoder(SerializableCoder.of(Fingerprint.class))
        .apply("GroupCopies", CombineGrouped.globally(new FinderFn(threshold)))
        .setCoder(ListCoder.of(SerializableCoder.of(Duplicate.class)))
        .apply("EachCopy", Flatten.iterables());
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
