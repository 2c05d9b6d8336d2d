package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.junit.jupiter.api.Test;

class FailureMessageTest {

  @Test
  void theRunnersWrapperGivesWayToTheMessageThatNamesTheFileAndTheRemedy() {
    IOException damaged = new IOException("the cache file f is damaged (checksum mismatch); delete the cache folder c",
        new IOException("checksum mismatch"));
    assertEquals("the cache file f is damaged (checksum mismatch); delete the cache folder c",
        PressLens.failure(new PipelineExecutionException(damaged)));
  }

  @Test
  void wrappersWithoutAMessageOfTheirOwnAreLookedThrough() {
    assertEquals("no space left", PressLens.failure(new RuntimeException(new IOException("no space left"))));
    assertEquals("java.lang.IllegalStateException", PressLens.failure(new RuntimeException(new IllegalStateException())));
    assertEquals("first line", PressLens.failure(new IOException("first line\n\tat somewhere")));
  }
}
