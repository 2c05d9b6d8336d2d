package org.presslens.transforms;

import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
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
 * <p>Elements are grouped in {@value #BUCKETS} buckets (or {@link #inOwnBundles about one each}) by
 * a hash of an id of their own ({@link Spread#bucketOf}), so that a runner that recomputes a lost
 * part sends each element to the same group again, and the released elements come in a few
 * bundles, enough for every core. They wait as the bytes of their coder ({@link GroupEncoded}).
 */
public final class WaitFor<T> extends PTransform<PCollection<T>, PCollection<T>> {

  static final int BUCKETS = 8;
  /** Buckets for {@link #inOwnBundles}: ten elements share one with a chance of about 4 %. */
  static final int OWN_BUCKETS = 1 << 10;

  private final List<PCollection<?>> signals;
  private final SerializableFunction<T, String> id;
  private final int buckets;

  private WaitFor(List<PCollection<?>> signals, SerializableFunction<T, String> id, int buckets) {
    this.signals = signals;
    this.id = id;
    this.buckets = buckets;
  }

  /**
   * @param id an id of an element (a doc_id, a file name): a function of the element alone
   * @param signals the collections to wait for
   */
  public static <T> WaitFor<T> completionOf(SerializableFunction<T, String> id, PCollection<?>... signals) {
    return new WaitFor<>(List.of(signals), id, BUCKETS);
  }

  /**
   * The elements in {@value #OWN_BUCKETS} buckets, nearly always one each when they are few: for
   * a few large units of work (files of documents), each of which should come in a bundle of its
   * own, so that the workers share them evenly instead of one worker doing two in one bundle after
   * the other while the others wait.
   */
  public WaitFor<T> inOwnBundles() {
    return new WaitFor<>(signals, id, OWN_BUCKETS);
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    Coder<T> coder = input.getCoder();
    KvCoder<Integer, T> keyed = KvCoder.of(VarIntCoder.of(), coder);
    PCollectionList<KV<Integer, T>> all = PCollectionList.of(
        input.apply("Bucket", ParDo.of(new BucketFn<>(id, buckets))).setCoder(keyed));
    for (int i = 0; i < signals.size(); i++) {
      all = all.and(nothingFrom(signals.get(i), "Signal" + i, keyed));
    }
    return all.apply("WithSignals", Flatten.pCollections())
        .apply("UntilComplete", GroupEncoded.perKey())
        .apply("Groups", Values.create())
        .apply("Elements", Flatten.iterables())
        .setCoder(coder);
  }

  private static <S, T> PCollection<KV<Integer, T>> nothingFrom(PCollection<S> signal, String name,
      KvCoder<Integer, T> coder) {
    return signal.apply(name, ParDo.of(new NothingFn<S, T>())).setCoder(coder);
  }

  private static final class BucketFn<T> extends DoFn<T, KV<Integer, T>> {
    private final SerializableFunction<T, String> id;
    private final int buckets;

    BucketFn(SerializableFunction<T, String> id, int buckets) {
      this.id = id;
      this.buckets = buckets;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<Integer, T>> out) {
      out.output(KV.of(Spread.bucketOf(id.apply(element), buckets), element));
    }
  }

  /** Adds nothing: only the signal's completion matters. */
  private static final class NothingFn<S, T> extends DoFn<S, KV<Integer, T>> {
    @ProcessElement
    public void process() {}
  }
}
