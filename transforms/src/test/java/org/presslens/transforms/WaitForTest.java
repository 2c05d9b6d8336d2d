package org.presslens.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class WaitForTest {

  @Test
  void everyElementComesOutOnceAsItWentIn(TestPipeline pipeline) {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      files.add("spill-" + i);
    }
    files.add("spill-3"); // equal elements stay two
    PCollection<Long> signal = pipeline.apply("Signal", Create.of(1L, 2L, 3L));
    PCollection<Long> empty = pipeline.apply("Empty", Create.empty(VarLongCoder.of()));
    PCollection<String> held = pipeline.apply("Files", Create.of(files))
        .apply(WaitFor.completionOf((String f) -> f, signal, empty));
    PAssert.that(held).containsInAnyOrder(files);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void filesInOwnBundlesComeOneInEachBundle(TestPipeline pipeline) {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      files.add("/tmp/spill/run-" + i + ".bin");
    }
    assertEquals(files.size(), files.stream().map(f -> Spread.bucketOf(f, WaitFor.OWN_BUCKETS)).distinct().count(),
        "the test's files should have buckets of their own");
    PCollection<String> held = pipeline.apply("Files", Create.of(files))
        .apply(WaitFor.completionOf((String f) -> f, pipeline.apply("Signal", Create.of(1L))).inOwnBundles());
    PAssert.that(held).containsInAnyOrder(files);
    PAssert.that(held.apply(ParDo.of(new BundleSizeFn()))).satisfies(sizes -> {
      sizes.forEach(size -> assertEquals(1, size, "elements in one bundle"));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  /** The number of elements of each bundle, output when it finishes. */
  private static final class BundleSizeFn extends DoFn<String, Integer> {
    private int size;

    @StartBundle
    public void start() {
      size = 0;
    }

    @ProcessElement
    public void process() {
      size++;
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      c.output(size, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
    }
  }

  @Test
  void nothingInNothingOut(TestPipeline pipeline) {
    PCollection<String> held = pipeline.apply("None", Create.empty(StringUtf8Coder.of()))
        .apply(WaitFor.completionOf((String f) -> f, pipeline.apply("Signal", Create.of(1L))));
    PAssert.that(held).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aSideInputOfTheSignalIsCompleteForEveryElement(TestPipeline pipeline) {
    PCollection<Long> signal = pipeline.apply("Signal", Create.of(1L, 2L, 3L, 4L));
    PCollectionView<Long> sum = signal.apply(Sum.longsGlobally().asSingletonView());
    PCollection<String> seen = pipeline.apply("Elements", Create.of("a", "b"))
        .apply(WaitFor.completionOf((String s) -> s, signal))
        .apply(ParDo.of(new WithSumFn(sum)).withSideInputs(sum));
    PAssert.that(seen).containsInAnyOrder("a10", "b10");
    pipeline.run().waitUntilFinish();
  }

  private static final class WithSumFn extends DoFn<String, String> {
    private final PCollectionView<Long> sum;

    WithSumFn(PCollectionView<Long> sum) {
      this.sum = sum;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(c.element() + c.sideInput(sum));
    }
  }
}
