package org.presslens.transforms;

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

/**
 * A {@link CombineFn} applied after a {@link GroupByKey}, in one DoFn per key, instead of with
 * {@code Combine.perKey} / {@code Combine.globally}. For accumulators without a size bound: the
 * tables of every n-gram of an outlet, all entity pairs, all fingerprints. Flink's batch runner
 * lifts combiners and sorts their partial accumulators as single records, and such a record is
 * larger than its sort buffer allows (the SOTU corpus by party failed with "The record exceeds
 * the maximum size of a sort buffer"); after a GroupByKey the records it sorts are the inputs,
 * one document's worth each. The direct runner does not lift combiners, so it loses nothing.
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
        return input
            .apply("Group", GroupByKey.create())
            .apply("Combine", ParDo.of(new CombineGroupFn<K, I, A, O>(fn)))
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

  static final class CombineGroupFn<K, I, A, O> extends DoFn<KV<K, Iterable<I>>, KV<K, O>> {
    private final CombineFn<I, A, O> fn;

    CombineGroupFn(CombineFn<I, A, O> fn) {
      this.fn = fn;
    }

    @ProcessElement
    public void process(@Element KV<K, Iterable<I>> group, OutputReceiver<KV<K, O>> out) {
      O sum = Stage.COUNTING.time(() -> {
        A accumulator = fn.createAccumulator();
        for (I input : group.getValue()) {
          accumulator = fn.addInput(accumulator, input);
        }
        return fn.extractOutput(accumulator);
      });
      out.output(KV.of(group.getKey(), sum));
    }
  }
}
