package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.function.Supplier;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * A mutable table that sums inputs (documents) and merges with other tables of its kind: the
 * accumulator of a Beam {@code CombineFn}, applied with {@link org.presslens.transforms.CombineGrouped}.
 */
public interface Summable<I, A extends Summable<I, A>> {

  /** Adds one input; returns this table. */
  A add(I input);

  /** Adds another table; returns this table. */
  A merge(A other);

  /** Creates empty tables; serializable so that a method reference such as {@code TermTable::new} can be shipped. */
  interface Empty<A> extends Supplier<A>, Serializable {}

  /**
   * A combiner summing inputs into tables made by {@code empty}. The table class is passed because
   * Beam cannot infer coders through the generic type; tables travel with Java serialization.
   */
  static <I, A extends Summable<I, A> & Serializable> Combine.CombineFn<I, A, A> combineFn(Class<A> type, Empty<A> empty) {
    return new Combine.CombineFn<>() {
      @Override
      public Coder<A> getAccumulatorCoder(CoderRegistry registry, Coder<I> inputCoder) {
        return SerializableCoder.of(type);
      }

      @Override
      public Coder<A> getDefaultOutputCoder(CoderRegistry registry, Coder<I> inputCoder) {
        return SerializableCoder.of(type);
      }

      @Override
      public A createAccumulator() {
        return empty.get();
      }

      @Override
      public A addInput(A acc, I input) {
        return acc.add(input);
      }

      @Override
      public A mergeAccumulators(Iterable<A> accs) {
        A merged = empty.get();
        for (A acc : accs) {
          merged.merge(acc);
        }
        return merged;
      }

      @Override
      public A extractOutput(A acc) {
        return acc;
      }
    };
  }
}
