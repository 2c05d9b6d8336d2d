package org.presslens.transforms;

import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A model loaded once per JVM and shared by every DoFn instance that holds it, which the JVM may
 * drop once no instance holds it and memory runs short; the next instance that asks loads it again.
 *
 * <p>The name-finder and language models are among the largest objects of a run and serve only
 * the analysis and the input checks, while a run's largest heap is needed later, by the statistics
 * over the summed tables. The DoFns that use these models therefore hold them for a bundle, not
 * for their lifetime (the direct runner keeps its DoFn instances until the pipeline ends), so that
 * the statistics can have the memory. Kept by a soft reference, a model stays loaded while memory
 * allows: a run with room to spare loads each model once.
 */
public final class ReleasableModel<T> {

  private final Supplier<T> load;
  private final Function<T, Reference<T>> reference;
  private Reference<T> kept;

  public ReleasableModel(Supplier<T> load) {
    this(load, SoftReference::new);
  }

  /** Keeps the model by the given kind of reference (tests use weak ones, which any collection clears). */
  ReleasableModel(Supplier<T> load, Function<T, Reference<T>> reference) {
    this.load = load;
    this.reference = reference;
    this.kept = reference.apply(null);
  }

  /** The model, loaded now if it has not been or the JVM has dropped it. */
  public synchronized T get() {
    T model = kept.get();
    if (model == null) {
      model = load.get();
      kept = reference.apply(model);
    }
    return model;
  }

  /** Whether the model is loaded now (for tests). */
  synchronized boolean isLoaded() {
    return kept.get() != null;
  }
}
