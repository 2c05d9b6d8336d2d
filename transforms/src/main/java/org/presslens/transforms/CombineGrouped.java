package org.presslens.transforms;

import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.util.CoderUtils;
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
 * the maximum size of a sort buffer"); after a GroupByKey the records it sorts are the inputs,
 * one document's worth each. The direct runner does not lift combiners, so it loses nothing.
 *
 * <p>The values cross the GroupByKey as the bytes of their coder. The direct runner keeps a key's
 * grouped values in state that it copies, through the values' coder, whenever another bundle adds
 * to the key: for tables of a whole segment or outlet, decoding and encoding them again on every
 * copy was most of the cost of a run. As bytes, a copy is an array copy, and each table is
 * encoded once and decoded once; the other runners shuffle the same bytes they would have
 * encoded anyway.
 */
public final class CombineGrouped {

  private CombineGrouped() {}

  /** One output per key, like {@code Combine.perKey(fn)}. */
  public static <K, I, A, O> PTransform<PCollection<KV<K, I>>, PCollection<KV<K, O>>> perKey(CombineFn<I, A, O> fn) {
    return new PTransform<>() {
      @Override
      public PCollection<KV<K, O>> expand(PCollection<KV<K, I>> input) {
        KvCoder<K, I> inputCoder = (KvCoder<K, I>) input.getCoder();
        Coder<O> outputCoder;
        try {
          outputCoder = fn.getDefaultOutputCoder(input.getPipeline().getCoderRegistry(), inputCoder.getValueCoder());
        } catch (CannotProvideCoderException e) {
          throw new IllegalStateException("no coder for the output of " + fn.getClass().getName(), e);
        }
        Coder<I> valueCoder = inputCoder.getValueCoder();
        return input
            .apply("Encode", ParDo.of(new EncodeFn<K, I>(valueCoder)))
            .setCoder(KvCoder.of(inputCoder.getKeyCoder(), ByteArrayCoder.of()))
            .apply("Group", GroupByKey.create())
            .apply("Combine", ParDo.of(new CombineGroupFn<K, I, A, O>(fn, valueCoder)))
            .setCoder(KvCoder.of(inputCoder.getKeyCoder(), outputCoder));
      }
    };
  }

  /**
   * {@link #perKey} of inputs that come encoded already, as the bytes of {@code valueCoder} (a
   * segment's tables): they are grouped as they are and decoded only to be combined.
   */
  public static <K, I, A, O> PTransform<PCollection<KV<K, byte[]>>, PCollection<KV<K, O>>> perKeyEncoded(
      CombineFn<I, A, O> fn, Coder<I> valueCoder) {
    return new PTransform<>() {
      @Override
      public PCollection<KV<K, O>> expand(PCollection<KV<K, byte[]>> input) {
        KvCoder<K, byte[]> inputCoder = (KvCoder<K, byte[]>) input.getCoder();
        Coder<O> outputCoder;
        try {
          outputCoder = fn.getDefaultOutputCoder(input.getPipeline().getCoderRegistry(), valueCoder);
        } catch (CannotProvideCoderException e) {
          throw new IllegalStateException("no coder for the output of " + fn.getClass().getName(), e);
        }
        return input
            .apply("Group", GroupByKey.create())
            .apply("Combine", ParDo.of(new CombineGroupFn<K, I, A, O>(fn, valueCoder)))
            .setCoder(KvCoder.of(inputCoder.getKeyCoder(), outputCoder));
      }
    };
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

  static final class EncodeFn<K, I> extends DoFn<KV<K, I>, KV<K, byte[]>> {
    private final Coder<I> coder;

    EncodeFn(Coder<I> coder) {
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element KV<K, I> kv, OutputReceiver<KV<K, byte[]>> out) throws CoderException {
      out.output(KV.of(kv.getKey(), CoderUtils.encodeToByteArray(coder, kv.getValue())));
    }
  }

  static final class CombineGroupFn<K, I, A, O> extends DoFn<KV<K, Iterable<byte[]>>, KV<K, O>> {
    private final CombineFn<I, A, O> fn;
    private final Coder<I> coder;

    CombineGroupFn(CombineFn<I, A, O> fn, Coder<I> coder) {
      this.fn = fn;
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element KV<K, Iterable<byte[]>> group, OutputReceiver<KV<K, O>> out) {
      Iterable<byte[]> inputs = group.getValue();
      O sum = Stage.COUNTING.time(() -> fn instanceof Summable.MergeFn<?> ? mergeLargest(inputs) : combine(inputs));
      out.output(KV.of(group.getKey(), sum));
    }

    private O combine(Iterable<byte[]> inputs) {
      A accumulator = fn.createAccumulator();
      for (byte[] input : inputs) {
        accumulator = fn.addInput(accumulator, decode(input));
      }
      return fn.extractOutput(accumulator);
    }

    /**
     * Merges tables by size: each input is decoded for this step alone, so the largest one so far
     * is the accumulator and the smaller one is merged into it, instead of every table being
     * copied into an empty one (a rerun's stored outlet totals are hundreds of times the new
     * documents' tables). The inputs are read once, as a shuffle may hand them over.
     */
    @SuppressWarnings("unchecked")
    private <T extends Summable<?, T>> O mergeLargest(Iterable<byte[]> inputs) {
      T accumulator = null;
      long accumulatedBytes = 0;
      for (byte[] input : inputs) {
        T table = (T) decode(input);
        if (accumulator == null) {
          accumulator = table;
        } else if (input.length > accumulatedBytes) {
          accumulator = table.merge(accumulator);
        } else {
          accumulator = accumulator.merge(table);
        }
        accumulatedBytes += input.length;
      }
      return accumulator == null ? fn.extractOutput(fn.createAccumulator()) : (O) accumulator;
    }

    private I decode(byte[] input) {
      try {
        return CoderUtils.decodeFromByteArray(coder, input);
      } catch (CoderException e) {
        throw new IllegalStateException("a value that its own coder wrote cannot be read back", e);
      }
    }
  }
}
