package org.presslens.transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class GroupEncodedTest {

  @Test
  void eachKeyGetsItsValuesBackDecoded(TestPipeline pipeline) {
    List<KV<Integer, String>> input = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      input.add(KV.of(i % 3, "value \u00e9 " + i));
    }
    input.add(KV.of(1, "value \u00e9 1")); // an equal value stays a value of its own
    PCollection<String> groups = pipeline
        .apply(Create.of(input).withCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of())))
        .apply(GroupEncoded.perKey())
        .apply(MapElements.into(TypeDescriptors.strings()).via(group -> {
          List<String> values = new ArrayList<>();
          group.getValue().forEach(values::add);
          values.sort(null);
          return group.getKey() + ": " + String.join(", ", values);
        }));
    PAssert.that(groups).containsInAnyOrder(
        "0: value \u00e9 0, value \u00e9 12, value \u00e9 15, value \u00e9 18, value \u00e9 21, value \u00e9 24, value \u00e9 27, "
            + "value \u00e9 3, value \u00e9 6, value \u00e9 9",
        "1: value \u00e9 1, value \u00e9 1, value \u00e9 10, value \u00e9 13, value \u00e9 16, value \u00e9 19, value \u00e9 22, "
            + "value \u00e9 25, value \u00e9 28, value \u00e9 4, value \u00e9 7",
        "2: value \u00e9 11, value \u00e9 14, value \u00e9 17, value \u00e9 2, value \u00e9 20, value \u00e9 23, value \u00e9 26, "
            + "value \u00e9 29, value \u00e9 5, value \u00e9 8");
    pipeline.run().waitUntilFinish();
  }

  /** A key's values past one batch's bytes come back, every one once, in several batches. */
  @Test
  void valuesBeyondOneBatchComeBackEveryOne(TestPipeline pipeline) {
    List<KV<Integer, String>> input = new ArrayList<>();
    String filler = "\u00fc".repeat(600); // 1,200 bytes a value
    int many = 6 * GroupEncoded.EncodeFn.BATCH_BYTES / 1_200;
    for (int i = 0; i < many; i++) {
      input.add(KV.of(1, i + " " + filler));
    }
    input.add(KV.of(2, "alone"));
    PCollection<String> groups = pipeline
        .apply(Create.of(input).withCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of())))
        .apply(GroupEncoded.perKey())
        .apply(MapElements.into(TypeDescriptors.strings()).via(group -> {
          java.util.Set<String> distinct = new java.util.TreeSet<>();
          int count = 0;
          for (String value : group.getValue()) {
            count++;
            distinct.add(value.substring(0, value.indexOf(' ') < 0 ? value.length() : value.indexOf(' ')));
          }
          return group.getKey() + ": " + count + " values, " + distinct.size() + " distinct";
        }));
    PAssert.that(groups).containsInAnyOrder("1: " + many + " values, " + many + " distinct", "2: 1 values, 1 distinct");
    pipeline.run().waitUntilFinish();
  }
}
