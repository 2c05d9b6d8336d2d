package org.presslens.pipeline;

import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Entry point: {@code mvn -q -pl pipeline -am compile exec:java} runs it on {@code seeds/} and
 * writes {@code output/}. Parse the options, check them into a {@link RunConfig}, run
 * ({@link ReportRun}), print the summary. Exit codes: 0 success (also when some inputs were
 * rejected), 1 the run failed (the previous reports are left as they were), 2 invalid options or
 * paths, 3 out of memory, 4 another run is writing to the same output folder or
 * using the same cache folder.
 */
public final class PressLens {

  private PressLens() {}

  public static void main(String[] args) {
    // when the heap runs out, the runner's threads may still hold it all: the advice is written
    // beforehand, and a reserve is freed to print it
    if (List.of(args).contains("--help")) {
      System.out.print(OptionsHelp.text());
      return;
    }
    String outOfMemory = "presslens: " + OutOfMemory.advice(Runtime.getRuntime().maxMemory());
    byte[][] reserve = {new byte[OutOfMemory.RESERVE_BYTES]};
    Timeline timeline = new Timeline();
    try {
      PressLensOptions options = parse(args);
      RunConfig config = RunConfig.from(options);
      timeline.mark("options");
      ReportRun.run(options, config, timeline);
    } catch (Exception | OutOfMemoryError e) {
      int code = exitCode(e);
      if (code == OutOfMemory.EXIT_CODE) {
        reserve[0] = null;
        System.err.println(outOfMemory);
        System.exit(code);
      }
      exit(code, code == 1 ? "run failed: " + failure(e) : e.getMessage());
    }
  }

  /**
   * The options as given, with Beam's direct runner (the default) set up for a real run unless
   * the arguments say otherwise: its immutability and encodability checks re-encode every element
   * to catch a DoFn that changes its input, a test-time check that more than doubles the run time
   * (the tests keep them on), and {@code --blockOnRun=false} lets the main thread report progress.
   */
  static PressLensOptions parse(String[] args) {
    PipelineOptionsFactory.register(PressLensOptions.class);
    PressLensOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(PressLensOptions.class);
    } catch (IllegalArgumentException e) {
      throw new UsageException(OptionErrors.describe(e, args));
    }
    DirectOptions direct = options.as(DirectOptions.class);
    List<String> given = List.of(args);
    if (given.stream().noneMatch(a -> a.startsWith("--enforceImmutability"))) {
      direct.setEnforceImmutability(false);
    }
    if (given.stream().noneMatch(a -> a.startsWith("--enforceEncodability"))) {
      direct.setEnforceEncodability(false);
    }
    if (given.stream().noneMatch(a -> a.startsWith("--blockOnRun"))) {
      direct.setBlockOnRun(false);
    }
    return options;
  }

  /**
   * The exit code for what ended a run: out of memory wherever it happened (Beam wraps an error
   * it meets while serializing the options in an {@link IllegalArgumentException}, which would
   * otherwise read as a usage error), 2 for a usage error, 4 for an output folder in use, 1 for
   * anything else.
   */
  static int exitCode(Throwable e) {
    if (OutOfMemory.causedBy(e)) {
      return OutOfMemory.EXIT_CODE;
    }
    if (e instanceof UsageException || e instanceof IllegalArgumentException) {
      return 2;
    }
    return e instanceof FolderLock.BusyException ? 4 : 1;
  }

  private static void exit(int code, String message) {
    System.err.println("presslens: " + message);
    System.exit(code);
  }

  /**
   * What went wrong, as one line: the message of the outermost exception that says more than the
   * one it wraps. Runners wrap the exception a transform threw in their own, whose message is
   * that exception's {@code toString()}; PressLens wraps a cause in a message that names the file
   * and the remedy ("the cache file ... is damaged (checksum mismatch); delete the cache folder
   * ..."), which the innermost message ("checksum mismatch") alone would lose.
   */
  static String failure(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
      t = t.getCause();
    }
    return OptionErrors.firstLine(t.getMessage() == null ? t.toString() : t.getMessage());
  }
}
