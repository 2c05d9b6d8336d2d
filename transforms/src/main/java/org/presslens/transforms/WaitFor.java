package org.presslens.transforms;

import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Holds a collection back until other collections are complete: its elements come out, unchanged,
 * only once every signal collection has all of its elements. For the input of a ParDo whose side
 * inputs are views of the signals. A runner hands a ParDo its input as soon as it is there; while a
 * side input is not ready, Beam's direct runner sets the elements aside and tries them again after
 * other steps finish, setting the DoFn up anew each time (hundreds of times in a run, for nothing).
 * A GroupByKey releases its groups only when all of its inputs are complete, so the elements come
 * when the side inputs are ready. Beam's {@code Wait.on} waits through a side input itself.
 *
 * <p>Elements are grouped by {@code bucket}, a function of the element alone, so that a runner that
 * recomputes a lost part sends each element to the same group again; its few values keep the
 * released elements in a few bundles, enough for every core.
 */
public final class WaitFor<T> extends PTransform<PCollection<T>, PCollection<T>> {

  private final List<PCollection<?>> signals;
  private final SerializableFunction<T, Integer> bucket;

  private WaitFor(List<PCollection<?>> signals, SerializableFunction<T, Integer> bucket) {
    this.signals = signals;
    this.bucket = bucket;
  }

  /**
   * @param bucket the group of an element: a function of the element alone, with a few values
   * @param signals the collections to wait for
   */
  public static <T> WaitFor<T> completionOf(SerializableFunction<T, Integer> bucket, PCollection<?>... signals) {
    return new WaitFor<>(List.of(signals), bucket);
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    Coder<T> coder = input.getCoder();
    KvCoder<Integer, T> keyed = KvCoder.of(VarIntCoder.of(), coder);
    PCollectionList<KV<Integer, T>> all = PCollectionList.of(input.apply("Bucket", ParDo.of(new BucketFn<>(bucket))).setCoder(keyed));
    for (int i = 0; i < signals.size(); i++) {
      all = all.and(nothingFrom(signals.get(i), "Signal" + i, keyed));
    }
    return all.apply("WithSignals", Flatten.pCollections())
        .apply("UntilComplete", GroupByKey.create())
        .apply("Groups", Values.create())
        .apply("Elements", Flatten.iterables())
        .setCoder(coder);
  }

  private static <S, T> PCollection<KV<Integer, T>> nothingFrom(PCollection<S> signal, String name,
      KvCoder<Integer, T> coder) {
    return signal.apply(name, ParDo.of(new NothingFn<S, T>())).setCoder(coder);
  }

  private static final class BucketFn<T> extends DoFn<T, KV<Integer, T>> {
    private final SerializableFunction<T, Integer> bucket;

    BucketFn(SerializableFunction<T, Integer> bucket) {
      this.bucket = bucket;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<Integer, T>> out) {
      out.output(KV.of(bucket.apply(element), element));
    }
  }

  /** Adds nothing: only the signal's completion matters. */
  private static final class NothingFn<S, T> extends DoFn<S, KV<Integer, T>> {
    @ProcessElement
    public void process() {}
  }
}
