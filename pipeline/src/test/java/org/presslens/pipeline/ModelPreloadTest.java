package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPreloadTest {

  @TempDir Path out;

  private RunConfig config(String... args) {
    List<String> all = new ArrayList<>(List.of("--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + out));
    all.addAll(List.of(args));
    return RunConfig.from(SeedRun.options(all.toArray(String[]::new)));
  }

  @Test
  void loadsOnlyTheModelsTheRunUses() {
    assertEquals(3, ModelPreload.loadsFor(config()).size()); // tokenizer, language, name finders
    assertEquals(2, ModelPreload.loadsFor(config("--entities=false")).size());
    assertEquals(1, ModelPreload.loadsFor(config("--entities=false", "--englishOnly=false")).size());
  }

  @Test
  void aFailedLoadIsLeftToTheStepThatNeedsTheModel() throws InterruptedException {
    AtomicBoolean uncaught = new AtomicBoolean();
    AtomicBoolean otherLoaded = new AtomicBoolean();
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.set(true));
    try {
      Runnable failing = () -> {
        throw new IllegalStateException("model missing");
      };
      Runnable outOfMemory = () -> {
        throw new OutOfMemoryError("Java heap space");
      };
      List<Thread> threads = ModelPreload.start(List.of(failing, outOfMemory, () -> otherLoaded.set(true)));
      for (Thread thread : threads) {
        assertTrue(thread.isDaemon(), "a preload must never keep the JVM alive");
        thread.join(10_000);
      }
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(before);
    }
    assertFalse(uncaught.get(), "the failure reached the uncaught-exception handler (a stack trace)");
    assertTrue(otherLoaded.get());
  }
}
