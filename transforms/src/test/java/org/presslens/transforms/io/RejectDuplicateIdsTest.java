package org.presslens.transforms.io;

import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;

@ExtendWith(TestPipelineExtension.class)
class RejectDuplicateIdsTest {

  private static SourceDocument doc(String id, String source) {
    return new SourceDocument(id, "RT", "", "", source, "UTF-8", "text of " + source);
  }

  @Test
  void keepsTheFirstSourceOfEachIdAndRejectsTheOthers(TestPipeline pipeline) {
    PCollectionTuple out = pipeline
        .apply(Create.of(doc("x", "b.txt"), doc("x", "a.txt"), doc("y", "c.txt"), doc("x", "d.txt")))
        .apply(RejectDuplicateIds.create());
    PAssert.that(out.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(doc("x", "a.txt"), doc("y", "c.txt"));
    PAssert.that(out.get(CorpusTags.REJECTED)).containsInAnyOrder(
        RejectedInput.of("b.txt", "", RejectedInput.Reason.DUPLICATE_ID, "doc_id 'x' is already used by a.txt"),
        RejectedInput.of("d.txt", "", RejectedInput.Reason.DUPLICATE_ID, "doc_id 'x' is already used by a.txt"));
    pipeline.run().waitUntilFinish();
  }
}
