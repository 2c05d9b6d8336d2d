package org.presslens.transforms;

import java.io.IOException;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.presslens.transforms.dedup.Duplicate;
import org.presslens.transforms.dedup.DuplicateFinderTest;
import org.presslens.transforms.model.SourceDocument;

@ExtendWith(TestPipelineExtension.class)
class FindDuplicatesTest {

  @Test
  void listsEachCopyWithTheDocumentKept(TestPipeline pipeline) throws IOException {
    String story = DuplicateFinderTest.words("003_014d4eb2fc7f5c0c.txt", 250);
    String other = DuplicateFinderTest.words("004_1b6d78fd8a170e76.txt", 250);
    PCollection<Duplicate> copies = pipeline
        .apply(Create.of(
            new SourceDocument("rt/1", "RT", "2022-05", "", "rt/1.txt", "UTF-8", story),
            new SourceDocument("gt/9", "Global Times", "2022-06", "", "gt/9.txt", "UTF-8", "\"" + story + "\""),
            new SourceDocument("gt/2", "Global Times", "2022-06", "", "gt/2.txt", "UTF-8", other)))
        .apply(FindDuplicates.withThreshold(0.8));
    PAssert.that(copies).containsInAnyOrder(new Duplicate("gt/9", "Global Times", "rt/1", "RT", "exact", 1.0));
    pipeline.run().waitUntilFinish();
  }
}
