package org.presslens.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.presslens.transforms.ner.NameFinderModels;
import org.presslens.transforms.text.LanguageGuesser;
import org.presslens.transforms.text.OpenNlpModels;

/**
 * Starts loading the run's models in background threads when the pipeline runs inside this JVM
 * (the direct runner), so that they load while Beam builds and starts the pipeline, instead of
 * when the first document reaches each step: the tokenizer models, then the language model when
 * the language check is on (most English texts never need it,
 * {@link org.presslens.transforms.text.LanguageGuesser}, but a corpus with one that does would
 * otherwise stop every instance of the check for its load), and the name-finder models. The DoFns
 * still ask for the shared models when a bundle's first text needs them: they wait for a
 * load in progress, or, if a load failed here, load again and fail the run with their own message.
 */
final class ModelPreload {

  private ModelPreload() {}

  /** Starts the loads the run calls for; the run never waits for these threads. */
  static List<Thread> start(RunConfig config) {
    return start(loadsFor(config));
  }

  static List<Runnable> loadsFor(RunConfig config) {
    List<Runnable> loads = new ArrayList<>();
    loads.add(OpenNlpModels::shared);
    if (config.limits().englishOnly()) {
      loads.add(LanguageGuesser::preload);
    }
    if (config.entities()) {
      loads.add(NameFinderModels::preload);
    }
    return loads;
  }

  static List<Thread> start(List<Runnable> loads) {
    List<Thread> threads = new ArrayList<>();
    for (Runnable load : loads) {
      Thread thread = new Thread(() -> quietly(load), "presslens-model-preload");
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    return threads;
  }

  private static void quietly(Runnable load) {
    try {
      load.run();
    } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
      // Reported by the step that needs the model, which loads it again (and runs out of memory
      // again, which PressLens reports with advice rather than this thread's stack trace).
    }
  }
}
