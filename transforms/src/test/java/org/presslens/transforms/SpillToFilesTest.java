package org.presslens.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class SpillToFilesTest {

  @TempDir Path folder;

  private static final List<String> ELEMENTS = IntStream.range(0, 500)
      .mapToObj(i -> i % 7 == 0 ? "" : "element " + i + " ü " + "x".repeat(i)).toList();

  /** Every element comes back from the files, once, whatever the bundles were. */
  @Test
  void readsBackEveryElementOnce(TestPipeline pipeline) {
    String spill = folder.resolve("spill").toString();
    PCollection<String> files = pipeline.apply(Create.of(ELEMENTS).withCoder(StringUtf8Coder.of()))
        .apply(SpillToFiles.into(spill));
    PAssert.that(files).satisfies(names -> {
      List<String> back = new ArrayList<>();
      for (String file : names) {
        try {
          SpillToFiles.read(file, StringUtf8Coder.of(), back::add);
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }
      assertEquals(ELEMENTS.stream().sorted().toList(), back.stream().sorted().toList());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  /** With a key, a reader that wants some keys gets exactly those elements, in the order written. */
  @Test
  void readsTheElementsOfTheWantedKeysOnly(TestPipeline pipeline) {
    String spill = folder.resolve("spill").toString();
    PCollection<String> files = pipeline.apply(Create.of(ELEMENTS).withCoder(StringUtf8Coder.of()))
        .apply(SpillToFiles.<String>into(spill).keyedBy(element -> String.valueOf(element.length() % 3)));
    PAssert.that(files).satisfies(names -> {
      List<String> back = new ArrayList<>();
      for (String file : names) {
        try {
          SpillToFiles.readWhere(file, StringUtf8Coder.of(), "1"::equals, back::add);
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }
      List<String> expected = ELEMENTS.stream().filter(e -> e.length() % 3 == 1).sorted().toList();
      assertFalse(expected.isEmpty());
      assertEquals(expected, back.stream().sorted().toList());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aCutFileIsAnErrorAndDeleteRemovesTheFolder(TestPipeline pipeline) throws IOException {
    String spill = folder.resolve("spill").toString();
    pipeline.apply(Create.of(ELEMENTS).withCoder(StringUtf8Coder.of())).apply(SpillToFiles.into(spill));
    pipeline.run().waitUntilFinish();
    List<Path> files;
    try (var list = Files.list(Path.of(spill))) {
      files = list.toList();
    }
    assertFalse(files.isEmpty());
    Path file = files.get(0);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 1)); // the end marker is missing
    IOException cut = assertThrows(IOException.class, () -> SpillToFiles.read(file.toString(), StringUtf8Coder.of(), e -> {}));
    assertTrue(cut.getMessage().contains("ends before its end marker"), cut.getMessage());
    SpillToFiles.delete(spill);
    assertFalse(Files.exists(Path.of(spill)));
    SpillToFiles.delete(spill); // nothing left: no error
  }
}
