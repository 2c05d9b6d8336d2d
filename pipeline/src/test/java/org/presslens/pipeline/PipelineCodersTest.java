package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can cross a runner's shuffle (every collection, and the accumulators that Flink and Spark
 * combine before one) is coded by the project's coders or Beam's, never by Java serialization,
 * which is slow and large.
 */
class PipelineCodersTest {

  @TempDir Path dir;

  @Test
  void noCollectionOrAccumulatorIsCodedByJavaSerialization() throws Exception {
    String seeds = "--input=" + SeedRun.ROOT.resolve("seeds");
    for (List<String> args : List.of(List.of(seeds), List.of(seeds, "--contrastPairs=true", "--dateField=published"),
        List.of(seeds, "--cacheDir=" + dir.resolve("cache")))) {
      PressLensOptions options = SeedRun.options(args.toArray(String[]::new));
      RunConfig config = RunConfig.from(options);
      Pipeline pipeline = Pipeline.create(options);
      RunState state = config.cacheDir().isEmpty() ? RunState.none() : RunState.in(dir.resolve("cache").toString(), "");
      ReportPipeline.build(pipeline, config, dir.resolve("out").toString(), state);

      Checked checked = new Checked(pipeline);
      pipeline.traverseTopologically(checked);
      assertTrue(checked.collections > 100 && checked.accumulators > 0,
          "the pipeline has collections and combiners to check: " + checked.collections + ", " + checked.accumulators);
      assertEquals(List.of(), checked.javaSerialized, args.toString());
    }
  }

  private static final class Checked extends Pipeline.PipelineVisitor.Defaults {
    private final Pipeline pipeline;
    final List<String> javaSerialized = new ArrayList<>();
    int collections;
    int accumulators;

    Checked(Pipeline pipeline) {
      this.pipeline = pipeline;
    }

    @Override
    public void visitValue(PValue value, TransformHierarchy.Node producer) {
      if (value instanceof PCollection<?> collection) {
        collections++;
        check(producer.getFullName(), collection.getCoder());
      }
    }

    @Override
    public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
      if (node.getTransform() instanceof Combine.PerKey<?, ?, ?> perKey && perKey.getFn() instanceof Combine.CombineFn<?, ?, ?> fn) {
        Coder<?> input = ((PCollection<?>) node.getInputs().values().iterator().next()).getCoder();
        accumulator(node, fn, ((KvCoder<?, ?>) input).getValueCoder());
      } else if (node.getTransform() instanceof Combine.Globally<?, ?> globally
          && globally.getFn() instanceof Combine.CombineFn<?, ?, ?> fn) {
        accumulator(node, fn, ((PCollection<?>) node.getInputs().values().iterator().next()).getCoder());
      }
      return CompositeBehavior.ENTER_TRANSFORM;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void accumulator(TransformHierarchy.Node node, Combine.CombineFn fn, Coder input) {
      accumulators++;
      try {
        check(node.getFullName() + " (accumulator)", fn.getAccumulatorCoder(pipeline.getCoderRegistry(), input));
      } catch (CannotProvideCoderException e) {
        javaSerialized.add(node.getFullName() + ": no accumulator coder (" + e.getMessage() + ")");
      }
    }

    /** Beam's own expansion of {@code Create} reads its source once, at the start, through Java serialization. */
    private void check(String where, Coder<?> coder) {
      if (coder instanceof SerializableCoder<?> serialized && !BoundedSource.class.isAssignableFrom(serialized.getRecordType())) {
        javaSerialized.add(where + ": " + coder);
      }
      for (Coder<?> component : coder.getCoderArguments()) {
        check(where, component);
      }
    }
  }
}
