package org.presslens.transforms;

import java.util.List;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.util.CoderUtils;
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
 * <p>Elements are grouped in {@value #BUCKETS} buckets by a hash of an id of their own
 * ({@link Spread#bucketOf}), so that a runner that recomputes a lost part sends each
 * element to the same group again, and the released elements come in a few bundles, enough for
 * every core. They wait as the bytes of their coder, as {@link CombineGrouped}'s values do: the
 * direct runner copies a key's waiting values, through their coder, whenever another bundle adds
 * to them, and a copy of bytes is an array copy.
 */
public final class WaitFor<T> extends PTransform<PCollection<T>, PCollection<T>> {

  static final int BUCKETS = 8;

  private final List<PCollection<?>> signals;
  private final SerializableFunction<T, String> id;

  private WaitFor(List<PCollection<?>> signals, SerializableFunction<T, String> id) {
    this.signals = signals;
    this.id = id;
  }

  /**
   * @param id an id of an element (a doc_id, a file name): a function of the element alone
   * @param signals the collections to wait for
   */
  public static <T> WaitFor<T> completionOf(SerializableFunction<T, String> id, PCollection<?>... signals) {
    return new WaitFor<>(List.of(signals), id);
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    Coder<T> coder = input.getCoder();
    KvCoder<Integer, byte[]> keyed = KvCoder.of(VarIntCoder.of(), ByteArrayCoder.of());
    PCollectionList<KV<Integer, byte[]>> all = PCollectionList.of(
        input.apply("Bucket", ParDo.of(new BucketFn<>(id, coder))).setCoder(keyed));
    for (int i = 0; i < signals.size(); i++) {
      all = all.and(nothingFrom(signals.get(i), "Signal" + i, keyed));
    }
    return all.apply("WithSignals", Flatten.pCollections())
        .apply("UntilComplete", GroupByKey.create())
        .apply("Elements", ParDo.of(new DecodeFn<>(coder)))
        .setCoder(coder);
  }

  private static <S> PCollection<KV<Integer, byte[]>> nothingFrom(PCollection<S> signal, String name,
      KvCoder<Integer, byte[]> coder) {
    return signal.apply(name, ParDo.of(new NothingFn<S>())).setCoder(coder);
  }

  private static final class BucketFn<T> extends DoFn<T, KV<Integer, byte[]>> {
    private final SerializableFunction<T, String> id;
    private final Coder<T> coder;

    BucketFn(SerializableFunction<T, String> id, Coder<T> coder) {
      this.id = id;
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<Integer, byte[]>> out) throws CoderException {
      out.output(KV.of(Spread.bucketOf(id.apply(element), BUCKETS), CoderUtils.encodeToByteArray(coder, element)));
    }
  }

  /** The elements of a bucket, decoded. */
  private static final class DecodeFn<T> extends DoFn<KV<Integer, Iterable<byte[]>>, T> {
    private final Coder<T> coder;

    DecodeFn(Coder<T> coder) {
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<byte[]>> bucket, OutputReceiver<T> out) throws CoderException {
      for (byte[] element : bucket.getValue()) {
        out.output(CoderUtils.decodeFromByteArray(coder, element));
      }
    }
  }

  /** Adds nothing: only the signal's completion matters. */
  private static final class NothingFn<S> extends DoFn<S, KV<Integer, byte[]>> {
    @ProcessElement
    public void process() {}
  }
}
