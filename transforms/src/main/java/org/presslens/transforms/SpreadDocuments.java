package org.presslens.transforms;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.model.SourceDocument;

/**
 * Spreads documents over a fixed number of buckets by a hash of their doc_id. A reader emits all
 * documents of a file from one element, and every runner keeps what one element gave together (one
 * bundle of the direct runner, one partition of Spark, one fused task of Flink), so a one-file
 * corpus would otherwise be analysed on one thread.
 *
 * <p>The bucket is a function of the doc_id alone, never a random or arrival-order choice: a runner
 * that recomputes part of the work after losing a worker (Spark recomputes only the lost shuffle
 * outputs) must send every document to the same bucket again, or it would lose some documents and
 * count others twice.
 */
public final class SpreadDocuments extends PTransform<PCollection<SourceDocument>, PCollection<SourceDocument>> {

  private final int buckets;

  private SpreadDocuments(int buckets) {
    this.buckets = buckets;
  }

  /** Enough buckets for every core, few enough that the per-bundle cost stays small. */
  public static SpreadDocuments overBuckets(int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be at least 1, not " + buckets);
    }
    return new SpreadDocuments(buckets);
  }

  /**
   * A few buckets per core of the machine that builds the pipeline: enough for every core, few
   * enough that the per-bundle cost stays small.
   */
  public static SpreadDocuments acrossCores() {
    return overBuckets(bucketsAcrossCores());
  }

  /** The number of buckets of {@link #acrossCores}. */
  public static int bucketsAcrossCores() {
    return 4 * Runtime.getRuntime().availableProcessors();
  }

  /** The bucket of a doc_id: the same in every JVM ({@link String#hashCode} is specified). */
  public static int bucketOf(String docId, int buckets) {
    return Math.floorMod(docId.hashCode(), buckets);
  }

  @Override
  public PCollection<SourceDocument> expand(PCollection<SourceDocument> docs) {
    return docs.apply("ByDocId", byName(SourceDocument::docId, buckets));
  }

  /**
   * Spreads any elements as documents are spread, by a name that stays the same when a runner
   * computes them again (a file's path, say).
   */
  public static <T> PTransform<PCollection<T>, PCollection<T>> byName(SerializableFunction<T, String> nameOf, int buckets) {
    return new PTransform<>() {
      @Override
      public PCollection<T> expand(PCollection<T> elements) {
        return elements
            .apply("ByBucket", WithKeys.<Integer, T>of(e -> bucketOf(nameOf.apply(e), buckets))
                .withKeyType(TypeDescriptors.integers()))
            .setCoder(KvCoder.of(VarIntCoder.of(), elements.getCoder()))
            .apply("GroupBuckets", GroupByKey.create())
            .apply("Buckets", Values.create())
            .apply("Elements", Flatten.iterables());
      }
    };
  }
}
