package org.presslens.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.boilerplate.BoilerplateRule;
import org.presslens.transforms.boilerplate.OutletBoilerplate;
import org.presslens.transforms.io.CorpusTags;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.model.TextCuts;

@ExtendWith(TestPipelineExtension.class)
class RemoveBoilerplateTest {

  private static SourceDocument doc(String id, String outlet, String text) {
    return new SourceDocument(id, outlet, "", "", id + ".txt", "UTF-8", text);
  }

  private static SourceDocument stripped(String id, String outlet, String text, TextCuts cuts) {
    return new SourceDocument(id, outlet, "", "", "", id + ".txt", "UTF-8", text, cuts);
  }

  @TempDir Path dir;

  @Test
  void dropsLinesRepeatedAcrossAnOutletOnly(TestPipeline pipeline) {
    dropsLinesRepeatedAcrossAnOutletOnly(pipeline, RemoveBoilerplate.with(new BoilerplateRule(3, 0.5)));
    pipeline.run().waitUntilFinish();
  }

  /** With a spill folder the documents wait for the counts in files, with the same outputs, and the files are an output too. */
  @Test
  void documentsWaitInFilesWithTheSameOutputs(TestPipeline pipeline) {
    PCollectionTuple out = dropsLinesRepeatedAcrossAnOutletOnly(pipeline,
        RemoveBoilerplate.with(new BoilerplateRule(3, 0.5)).spillingInto(dir.resolve("spill").toString()));
    Coder<SourceDocument> docCoder = out.get(CorpusTags.DOCUMENTS).getCoder();
    PAssert.that(out.get(RemoveBoilerplate.CHECKED_FILES)).satisfies(files -> {
      List<String> ids = new ArrayList<>();
      for (String file : files) {
        try {
          SpillToFiles.read(file, docCoder, doc -> ids.add(doc.docId() + " " + doc.text().length()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      assertEquals(List.of("bbc1 47", "bbc2 47", "bbc3 47", "bbc4 47", "bbc5 23", "rt1 36"), ids.stream().sorted().toList(),
          "the documents as they came in");
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  private PCollectionTuple dropsLinesRepeatedAcrossAnOutletOnly(TestPipeline pipeline, RemoveBoilerplate removeBoilerplate) {
    List<SourceDocument> docs = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      docs.add(doc("bbc" + i, "BBC", "Home | News\nStory number " + i + " is here.\nBack to Top"));
    }
    docs.add(doc("bbc5", "BBC", "Home | News\nBack to Top"));
    docs.add(doc("rt1", "RT", "Home | News\nAn RT story.\nBack to Top"));

    PCollectionTuple out = pipeline.apply(Create.of(docs)).apply(removeBoilerplate);

    PAssert.that(out.get(CorpusTags.DOCUMENTS)).containsInAnyOrder(
        // "Home | News\n" (12 code points) before, "Back to Top" (11) after the 24 code points kept
        stripped("bbc1", "BBC", "Story number 1 is here.\n", new TextCuts(new int[] {0, 24}, new int[] {12, 11})),
        stripped("bbc2", "BBC", "Story number 2 is here.\n", new TextCuts(new int[] {0, 24}, new int[] {12, 11})),
        stripped("bbc3", "BBC", "Story number 3 is here.\n", new TextCuts(new int[] {0, 24}, new int[] {12, 11})),
        stripped("bbc4", "BBC", "Story number 4 is here.\n", new TextCuts(new int[] {0, 24}, new int[] {12, 11})),
        doc("rt1", "RT", "Home | News\nAn RT story.\nBack to Top"));
    PAssert.that(out.get(CorpusTags.REJECTED)).containsInAnyOrder(new RejectedInput("bbc5.txt", "", "empty",
        "every line is boilerplate of outlet 'BBC' (see boilerplate.csv)"));
    PAssert.that(out.get(RemoveBoilerplate.LINES)).satisfies(lines -> {
      List<OutletBoilerplate> all = new ArrayList<>();
      lines.forEach(all::add);
      assertEquals(List.of(new OutletBoilerplate("BBC", 5, new TreeMap<>(java.util.Map.of("Back to Top", 5, "Home | News", 5)))), all);
      return null;
    });
    return out;
  }
}
