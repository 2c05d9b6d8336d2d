package org.presslens.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.presslens.transforms.model.SourceDocument;

@ExtendWith(TestPipelineExtension.class)
class SpreadTest {

  private static SourceDocument doc(String id, String source) {
    return new SourceDocument(id, "out", "", "", source, "UTF-8", "Text of " + id + ".");
  }

  @Test
  void everyElementComesOutOnceAlsoTwoWithTheSameName(TestPipeline pipeline) {
    List<SourceDocument> docs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      docs.add(doc("doc-" + i, "feed.jsonl:" + i));
    }
    docs.add(doc("doc-7", "other.txt"));
    PCollection<SourceDocument> spread = pipeline.apply(Create.of(docs)).apply(Spread.byName(SourceDocument::docId, 3));
    PAssert.that(spread).containsInAnyOrder(docs);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theBucketIsTheNamesStringHashModuloTheBuckets() {
    assertEquals(2, Spread.bucketOf("abc", 8)); // "abc".hashCode() = 96354 = 8 * 12044 + 2
    // "polygenelubricants".hashCode() = -2^31; -2^31 = 7 * -306783379 + 5
    assertEquals(5, Spread.bucketOf("polygenelubricants", 7));
    assertEquals(0, Spread.bucketOf("anything", 1));
  }

  @Test
  void noBucketsIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Spread.byName(SourceDocument::docId, 0));
  }
}
