package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
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

  /**
   * Adds another table that the caller owns and needs no more (decoded for this sum alone);
   * returns the sum, which may be made of either's parts: a table of several parts merges each
   * smaller part into the larger. {@link #merge} unless a table knows better.
   */
  default A mergeOwned(A other) {
    return merge(other);
  }

  /** Creates empty tables; serializable so that a method reference such as {@code TermTable::new} can be shipped. */
  interface Empty<A> extends Supplier<A>, Serializable {}

  /** Adds an input (a document, or a whole table) to a table; serializable like {@link Empty}. */
  interface Adder<A, I> extends BiFunction<A, I, A>, Serializable {}

  /**
   * A combiner summing inputs into tables made by {@code empty}. The table class is passed because
   * Beam cannot infer coders through the generic type; tables travel with the coder registered
   * for their class ({@code @DefaultCoder}).
   */
  static <I, A extends Summable<I, A>> Combine.CombineFn<I, A, A> combineFn(Class<A> type, Empty<A> empty) {
    return new SumFn<>(type, empty, A::add);
  }

  /**
   * A combiner merging tables of disjoint sets of inputs into one: the corpus table from the
   * outlet tables (every document belongs to exactly one outlet) is the table of all inputs,
   * without adding every input a second time.
   */
  static <A extends Summable<?, A>> MergeFn<A> mergeFn(Class<A> type, Empty<A> empty) {
    return new MergeFn<>(type, empty);
  }

  /** Sums inputs into tables made by {@code empty}, each input added by {@code adder}. */
  class SumFn<I, A extends Summable<?, A>> extends Combine.CombineFn<I, A, A> {
    private final Class<A> type;
    private final Empty<A> empty;
    private final Adder<A, I> adder;

    SumFn(Class<A> type, Empty<A> empty, Adder<A, I> adder) {
      this.type = type;
      this.empty = empty;
      this.adder = adder;
    }

    @Override
    public Coder<A> getAccumulatorCoder(CoderRegistry registry, Coder<I> inputCoder)
        throws CannotProvideCoderException {
      return registry.getCoder(type);
    }

    @Override
    public Coder<A> getDefaultOutputCoder(CoderRegistry registry, Coder<I> inputCoder)
        throws CannotProvideCoderException {
      return registry.getCoder(type);
    }

    @Override
    public A createAccumulator() {
      return empty.get();
    }

    @Override
    public A addInput(A acc, I input) {
      return adder.apply(acc, input);
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
  }

  /**
   * Merges tables into a table ({@link #mergeFn}). Its inputs are tables of the kind it sums, and
   * merging is commutative, so a caller that owns its inputs may merge the smaller of two into
   * the larger ({@link Summable#merge}) instead of copying both into an empty one.
   */
  final class MergeFn<A extends Summable<?, A>> extends SumFn<A, A> {

    MergeFn(Class<A> type, Empty<A> empty) {
      super(type, empty, A::merge);
    }
  }
}
