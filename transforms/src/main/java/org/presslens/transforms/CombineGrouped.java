package org.presslens.transforms;

import java.io.Serializable;
import java.util.function.ObjLongConsumer;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.presslens.transforms.model.Summable;

/**
 * A {@link CombineFn} applied after a {@link GroupByKey}, in one DoFn per key, instead of with
 * {@code Combine.perKey} / {@code Combine.globally}. For accumulators without a size bound: the
 * tables of every n-gram of an outlet, all entity pairs, all fingerprints. Flink's batch runner
 * lifts combiners and sorts their partial accumulators as single records, and such a record is
 * larger than its sort buffer allows (the SOTU corpus by party failed with "The record exceeds
 * the maximum size of a sort buffer"); after a GroupByKey the records it sorts are batches of
 * inputs of at most about a megabyte, or one input. The direct runner does not lift combiners,
 * so it loses nothing.
 *
 * <p>The values cross the GroupByKey as the bytes of their coder, in batches per key and bundle
 * ({@link GroupEncoded}). The direct runner keeps a key's grouped values in state that it copies,
 * through the values' coder, whenever another bundle adds to the key: for tables of a whole
 * segment or outlet, decoding and encoding them again on every copy was most of the cost of a
 * run. As bytes, a copy is an array copy, and each table is encoded once and decoded once; the
 * other runners shuffle the same bytes they would have encoded anyway.
 */
public final class CombineGrouped {

  private CombineGrouped() {}

  /** One output per key, like {@code Combine.perKey(fn)}. */
  public static <K, I, A, O> PTransform<PCollection<KV<K, I>>, PCollection<KV<K, O>>> perKey(CombineFn<I, A, O> fn) {
    return new PTransform<>() {
      @Override
      public PCollection<KV<K, O>> expand(PCollection<KV<K, I>> input) {
        KvCoder<K, I> inputCoder = (KvCoder<K, I>) input.getCoder();
        Coder<I> valueCoder = inputCoder.getValueCoder();
        return input
            .apply("Encode", ParDo.of(new GroupEncoded.EncodeFn<K, I>(inputCoder.getKeyCoder(), valueCoder)))
            .setCoder(KvCoder.of(inputCoder.getKeyCoder(), ByteArrayCoder.of()))
            .apply("Group", GroupByKey.create())
            .apply("Combine", ParDo.of(new CombineGroupFn<K, byte[], I, A, O>(fn, new Batches<>(valueCoder))))
            .setCoder(KvCoder.of(inputCoder.getKeyCoder(), outputCoder(fn, input, valueCoder)));
      }
    };
  }

  /**
   * {@link #perKey} of inputs that come encoded already (a segment's tables): they are grouped as
   * they are and decoded by {@code decoding} only to be combined.
   *
   * @param decodedCoder the coder of the decoded inputs, from which the output's coder follows
   */
  public static <K, V, I, A, O> PTransform<PCollection<KV<K, V>>, PCollection<KV<K, O>>> perKeyEncoded(
      CombineFn<I, A, O> fn, Coder<I> decodedCoder, Decoding<V, I> decoding) {
    return new PTransform<>() {
      @Override
      public PCollection<KV<K, O>> expand(PCollection<KV<K, V>> input) {
        KvCoder<K, V> inputCoder = (KvCoder<K, V>) input.getCoder();
        return input
            .apply("Group", GroupByKey.create())
            .apply("Combine", ParDo.of(new CombineGroupFn<K, V, I, A, O>(fn, new EachDecoded<>(decoding))))
            .setCoder(KvCoder.of(inputCoder.getKeyCoder(), outputCoder(fn, input, decodedCoder)));
      }
    };
  }

  private static <I, O> Coder<O> outputCoder(CombineFn<I, ?, O> fn, PCollection<?> input, Coder<I> decodedCoder) {
    try {
      return fn.getDefaultOutputCoder(input.getPipeline().getCoderRegistry(), decodedCoder);
    } catch (CannotProvideCoderException e) {
      throw new IllegalStateException("no coder for the output of " + fn.getClass().getName(), e);
    }
  }

  /** How a grouped value becomes the combiner's input, and how large it is (to merge the smaller into the larger). */
  public interface Decoding<V, I> extends Serializable {
    I decode(V value);

    long size(V value);
  }

  /** The inputs a grouped value holds, each with its size in bytes (to merge the smaller into the larger). */
  interface Inputs<V, I> extends Serializable {
    void forEach(V value, ObjLongConsumer<I> each);
  }

  /** One input per value, by a {@link Decoding}. */
  private record EachDecoded<V, I>(Decoding<V, I> decoding) implements Inputs<V, I> {
    @Override
    public void forEach(V value, ObjLongConsumer<I> each) {
      each.accept(decoding.decode(value), decoding.size(value));
    }
  }

  /** The inputs of a batch of their coder's bytes ({@link GroupEncoded.EncodeFn}). */
  private record Batches<I>(Coder<I> coder) implements Inputs<byte[], I> {
    @Override
    public void forEach(byte[] batch, ObjLongConsumer<I> each) {
      GroupEncoded.forEachValue(batch, coder, each);
    }
  }

  /**
   * One output for the whole input, like {@code Combine.globally(fn).withoutDefaults()}: an empty
   * input gives an empty output.
   */
  public static <I, A, O> PTransform<PCollection<I>, PCollection<O>> globally(CombineFn<I, A, O> fn) {
    return new PTransform<>() {
      @Override
      public PCollection<O> expand(PCollection<I> input) {
        return input
            .apply("KeyAll", WithKeys.of((Void) null))
            .setCoder(KvCoder.of(VoidCoder.of(), input.getCoder()))
            .apply("PerKey", perKey(fn))
            .apply("Value", Values.create());
      }
    };
  }

  static final class CombineGroupFn<K, V, I, A, O> extends DoFn<KV<K, Iterable<V>>, KV<K, O>> {
    private final CombineFn<I, A, O> fn;
    private final Inputs<V, I> inputs;

    CombineGroupFn(CombineFn<I, A, O> fn, Inputs<V, I> inputs) {
      this.fn = fn;
      this.inputs = inputs;
    }

    @ProcessElement
    public void process(@Element KV<K, Iterable<V>> group, OutputReceiver<KV<K, O>> out) {
      Iterable<V> values = group.getValue();
      O sum = Stage.COUNTING.time(() -> fn instanceof Summable.MergeFn<?> ? mergeLargest(values) : combine(values));
      out.output(KV.of(group.getKey(), sum));
    }

    private O combine(Iterable<V> values) {
      var accumulator = new Object() {
        A value = fn.createAccumulator();
      };
      for (V value : values) {
        inputs.forEach(value, (input, size) -> accumulator.value = fn.addInput(accumulator.value, input));
      }
      return fn.extractOutput(accumulator.value);
    }

    /**
     * Merges tables by size: each input is decoded for this step alone, so the largest one so far
     * is the accumulator and the smaller one is merged into it, instead of every table being
     * copied into an empty one (a rerun's stored outlet totals are hundreds of times the new
     * documents' tables). The inputs are read once, as a shuffle may hand them over.
     */
    @SuppressWarnings("unchecked")
    private <T extends Summable<?, T>> O mergeLargest(Iterable<V> values) {
      LargestFirst<T> sum = new LargestFirst<>();
      for (V value : values) {
        inputs.forEach(value, (input, size) -> sum.add((T) input, size));
      }
      return sum.table == null ? fn.extractOutput(fn.createAccumulator()) : (O) sum.table;
    }
  }

  /** A sum of tables that merges the smaller of two into the larger. */
  private static final class LargestFirst<T extends Summable<?, T>> {
    private T table;
    private long bytes;

    void add(T other, long size) {
      if (table == null) {
        table = other;
      } else if (size > bytes) {
        table = other.mergeOwned(table);
      } else {
        table = table.mergeOwned(other);
      }
      bytes += size;
    }
  }
}
