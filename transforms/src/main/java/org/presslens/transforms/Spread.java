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

/**
 * Spreads elements over a fixed number of buckets by a hash of a name each one has (a file's path,
 * a record's file and row). A reader emits all that a file holds from one element, and every
 * runner keeps what one element gave together (one bundle of the direct runner, one partition of
 * Spark, one fused task of Flink), so a one-file corpus would otherwise be read and analysed on one
 * thread.
 *
 * <p>The bucket is a function of the name alone, never a random or arrival-order choice: a runner
 * that recomputes part of the work after losing a worker (Spark recomputes only the lost shuffle
 * outputs) must send every element to the same bucket again, or it would lose some and count
 * others twice.
 */
public final class Spread<T> extends PTransform<PCollection<T>, PCollection<T>> {

  private final SerializableFunction<T, String> nameOf;
  private final int buckets;

  private Spread(SerializableFunction<T, String> nameOf, int buckets) {
    this.nameOf = nameOf;
    this.buckets = buckets;
  }

  /** Spreads elements over {@code buckets} buckets by the hash of {@code nameOf}. */
  public static <T> Spread<T> byName(SerializableFunction<T, String> nameOf, int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be at least 1, not " + buckets);
    }
    return new Spread<>(nameOf, buckets);
  }

  /**
   * A few buckets per core of the machine that builds the pipeline: enough for every core, few
   * enough that the per-bundle cost stays small.
   */
  public static int bucketsAcrossCores() {
    return 4 * Runtime.getRuntime().availableProcessors();
  }

  /** The bucket of a name: the same in every JVM ({@link String#hashCode} is specified). */
  public static int bucketOf(String name, int buckets) {
    return Math.floorMod(name.hashCode(), buckets);
  }

  @Override
  public PCollection<T> expand(PCollection<T> elements) {
    SerializableFunction<T, String> name = nameOf;
    int count = buckets;
    return elements
        .apply("ByBucket", WithKeys.<Integer, T>of(e -> bucketOf(name.apply(e), count))
            .withKeyType(TypeDescriptors.integers()))
        .setCoder(KvCoder.of(VarIntCoder.of(), elements.getCoder()))
        .apply("GroupBuckets", GroupByKey.create())
        .apply("Buckets", Values.create())
        .apply("Elements", Flatten.iterables());
  }
}
