package org.presslens.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;
import org.presslens.pipeline.html.GraphMl;
import org.presslens.pipeline.html.HtmlReport;
import org.presslens.transforms.Progress;
import org.presslens.transforms.io.OutletResolver;
import org.presslens.transforms.Stage;
import org.presslens.transforms.cache.CacheFolder;
import org.presslens.transforms.reports.DocumentTables;
import org.presslens.transforms.state.Member;
import org.presslens.transforms.reports.DocumentsReport;
import org.presslens.transforms.reports.DuplicatesReport;
import org.presslens.transforms.reports.RejectedReport;
import org.presslens.transforms.reports.ReportSpec;
import org.presslens.transforms.parquet.ParquetTable;
import org.presslens.transforms.reports.ReportTiers;
import org.presslens.transforms.reports.WriteReports;
import org.presslens.transforms.reports.WriteTable;

/**
 * One run of the pipeline: the output folder locked and staged (see {@link OutputFolder}), the
 * pipeline built from the run's configuration and run, the side files written (run manifest,
 * report.html, GraphML, data dictionary), the reports moved into place and the cache state
 * published.
 */
final class ReportRun {

  private static final Duration PROGRESS_EVERY = Duration.standardSeconds(15);

  private ReportRun() {}

  /**
   * Runs the pipeline and writes the run manifest and data dictionary; returns rows per report.
   * A local output folder is locked and filled through a staging folder (see {@link OutputFolder});
   * a folder on another filesystem is staged and published with a marker file ({@link RemoteOutput}). The summary is printed once the reports are in place.
   */
  static Map<String, Long> run(PressLensOptions options, RunConfig config) throws IOException {
    return run(options, config, new Timeline());
  }

  /** As {@link #run(PressLensOptions, RunConfig)}, marking where the time goes on {@code timeline}. */
  static Map<String, Long> run(PressLensOptions options, RunConfig config, Timeline timeline) throws IOException {
    if (config.cacheDir().isEmpty() || !RunConfig.isLocal(config.cacheDir())) {
      return runWithCacheHeld(options, config, timeline);
    }
    try (FolderLock cache = FolderLock.take(Path.of(config.cacheDir()), "another PressLens run is using the cache folder "
        + config.cacheDir() + "; try again when it has finished")) {
      return runWithCacheHeld(options, config, timeline);
    }
  }

  /** As {@link #run(PressLensOptions, RunConfig, Timeline)}, with the cache folder (if any) to itself. */
  private static Map<String, Long> runWithCacheHeld(PressLensOptions options, RunConfig config, Timeline timeline)
      throws IOException {
    Map<String, String> inputs = RunManifest.inputHashes(config.input().root(), config.input().files());
    if (!RunConfig.isLocal(config.outputDir())) {
      try (RemoteOutput folder = RemoteOutput.open(config.outputDir(), ReportPipeline.outputNames(),
          config.allowOtherFiles())) {
        RunState state = state(config, ""); // every file is written again: nothing of the last run is kept
        Written written = write(options, config, folder.staging(), state, inputs, timeline);
        folder.publish();
        if (state.store() != null) {
          state.store().publish(state.runId());
        }
        return finish(written, timeline);
      }
    }
    try (OutputFolder folder = OutputFolder.open(
        Path.of(config.outputDir()), ReportPipeline.outputNames(), config.allowOtherFiles())) {
      Path target = Path.of(config.outputDir());
      String cacheFolder = cacheFolder(config);
      // what is new since the last run is never the last run's answer: such runs reuse no reports
      LastReports last = cacheFolder.isEmpty() || !RunConfig.isLocal(cacheFolder) || config.trendOptions().sinceLastRun()
          ? null : LastReports.in(Path.of(cacheFolder), config, inputs);
      Optional<LastReports.Kept> same = last == null ? Optional.empty() : last.matching();
      if (same.isPresent()) { // the cache's state is not even read
        Written written = reuse(config, folder.staging(), same.get(), inputs, timeline);
        folder.commit(written.kept());
        return finish(written, timeline);
      }
      RunState state = state(config, target.resolve(ReportTiers.DATA_FOLDER).toString());
      Written written = write(options, config, folder.staging().toString(), state, inputs, timeline);
      folder.commit(written.kept());
      if (state.store() != null) {
        state.store().publish(state.runId());
      }
      if (last != null) {
        last.keep(state.runId(), target, keptWithReports(config), written.counters());
      }
      return finish(written, timeline);
    }
  }

  private static Map<String, Long> finish(Written written, Timeline timeline) {
    timeline.mark("move into place");
    written.summary().forEach(System.out::println);
    System.out.println("presslens: " + timeline.line());
    return written.rows();
  }

  /** The files a rerun with the same run key puts back: the CSV reports, report.html and the GraphML file. */
  private static List<String> keptWithReports(RunConfig config) {
    List<String> files = new ArrayList<>(ReportPipeline.reports(config.entities()).stream().map(ReportSpec::fileName).toList());
    files.add(HtmlReport.FILE_NAME);
    if (config.entities()) {
      files.add(GraphMl.FILE_NAME);
    }
    return files;
  }

  /** The cache folder of this run's settings, or "" without {@code --cacheDir}. */
  private static String cacheFolder(RunConfig config) {
    return config.cacheDir().isEmpty() ? ""
        : CacheFolder.of(config.cacheDir(), config.textOptions(), config.gazetteer(), config.entities());
  }

  /** The cache's state for this run's settings, or none without {@code --cacheDir}. */
  private static RunState state(RunConfig config, String previousDataDir) throws IOException {
    if (config.cacheDir().isEmpty()) {
      return RunState.none();
    }
    return RunState.in(cacheFolder(config), config.parquet() ? previousDataDir : "");
  }

  /**
   * Files of the last run's full-detail tier that this run keeps: those of the parts of the
   * per-document tables that its segments kept as they were.
   */
  private static Set<String> keptFiles(RunState state, Path staging, Path target) throws IOException {
    Set<String> parts = new TreeSet<>();
    if (state.store() != null) {
      for (String id : state.store().pending(state.runId(), false)) {
        List<Member> members = state.store().readMembers(id);
        if (members != null) {
          parts.addAll(DocumentTables.partsOf(members));
        }
      }
    }
    Set<String> keep = new TreeSet<>();
    for (String part : parts) {
      for (String file : DocumentTables.relativePaths(part)) {
        if (!Files.exists(staging.resolve(file)) && Files.exists(target.resolve(file))) {
          keep.add(file);
        }
      }
    }
    return keep;
  }

  /**
   * Rows per report of a finished run, the lines that tell the user about it, the files of the
   * last run's full-detail tier that stay (paths relative to the output folder), and the report
   * writers' counters (rows written and cut per report and table), which a rerun that reuses the
   * reports needs for its manifest.
   */
  private record Written(Map<String, Long> rows, List<String> summary, Set<String> kept, Map<String, Long> counters) {}

  /** What the pipeline reported: the report writers' counters, documents analysed, stage times. */
  private record Outcome(Instant start, Instant end, Map<String, Long> counters, long analysed, List<String> notes) {}

  private static Written write(PressLensOptions options, RunConfig config, String writeDir, RunState state,
      Map<String, String> inputs, Timeline timeline) throws IOException {
    Instant start = Instant.now();
    timeline.mark("prepare");
    // the models load while Beam builds the pipeline in this JVM; a run that reuses its reports loads none
    if (options.getRunner() == DirectRunner.class) {
      ModelPreload.start(config);
    }
    Pipeline pipeline = Pipeline.create(options);
    ReportPipeline.build(pipeline, config, writeDir, state);
    timeline.mark("build");
    PipelineResult result = pipeline.run();
    waitWithProgress(result, start);
    ReportPipeline.removeSpill(writeDir);
    Instant end = Instant.now();
    timeline.mark("run");
    Set<String> kept = RunConfig.isLocal(writeDir) && !writeDir.equals(config.outputDir())
        ? keptFiles(state, Path.of(writeDir), Path.of(config.outputDir())) : Set.of();
    Map<String, Long> progress = counters(result, Progress.NAMESPACE);
    List<String> notes = new ArrayList<>(List.of("presslens: " + stageTimes(result)));
    long withoutOutlet = progress.getOrDefault(Progress.NO_OUTLET, 0L);
    if (withoutOutlet > 0) {
      notes.add(String.format(Locale.ROOT, "presslens: %,d records have no field '%s' (--groupField) and no outlet in "
          + "their page's metadata: their documents go to the outlet '%s'", withoutOutlet,
          config.parameters().get("groupField"), OutletResolver.UNKNOWN));
    }
    Outcome outcome = new Outcome(start, end, counters(result, WriteReports.METRICS_NAMESPACE),
        progress.getOrDefault(Progress.ANALYSED, 0L), notes);
    return sideFiles(config, writeDir, inputs, outcome, kept, "", timeline);
  }

  /** Puts the reports of the last run, which had the same run key, into {@code staging}. */
  private static Written reuse(RunConfig config, Path staging, LastReports.Kept same, Map<String, String> inputs,
      Timeline timeline) throws IOException {
    Instant start = Instant.now();
    timeline.mark("prepare");
    LastReports.restore(same, staging);
    Instant end = Instant.now();
    timeline.mark("reuse");
    Outcome outcome = new Outcome(start, end, same.counters(), 0, List.of("presslens: nothing changed since run "
        + same.runId() + " (same input files, options and PressLens): its reports are reused"));
    return sideFiles(config, staging.toString(), inputs, outcome, Set.of(), same.runId(), timeline);
  }

  /** Writes the run manifest, report.html, the GraphML file and the data dictionary beside the reports. */
  private static Written sideFiles(RunConfig config, String writeDir, Map<String, String> inputs, Outcome outcome,
      Set<String> kept, String reusedFrom, Timeline timeline) throws IOException {
    Map<String, Long> byCounter = outcome.counters();
    Map<String, Long> rows = reportRows(byCounter, ReportPipeline.reports(config.entities()));
    long documents = rows.getOrDefault(DocumentsReport.SPEC.fileName(), 0L);
    long rejected = rows.getOrDefault(RejectedReport.SPEC.fileName(), 0L);
    ReportTiers tiers = config.tiers(writeDir);
    List<ParquetTable> tables = ReportPipeline.tables(config);
    FullDetailTables.completeEmpty(tiers, tables, kept);
    RunManifest manifest = new RunManifest()
        .run(outcome.start(), outcome.end(), documents, rejected, outcome.analysed(), reusedFrom)
        .periods(byCounter, config.trendOptions())
        .parameters(config.parameters())
        .versions()
        .inputs(inputs)
        .reports(rows, cutRows(byCounter, ReportPipeline.reports(config.entities())),
            ReportPipeline.selections(tiers, config.trendOptions()))
        .tables(tables.stream().collect(Collectors.toMap(ParquetTable::name,
            t -> byCounter.getOrDefault(WriteTable.rowCounterName(t), 0L), (a, b) -> a, LinkedHashMap::new)));
    manifest.write(writeDir);
    // a run that reuses the last reports has their report.html and GraphML file too: both follow
    // from the reports and the options but --output, which the reports' run key covers
    boolean drawn = !reusedFrom.isEmpty() && Files.isRegularFile(Path.of(writeDir, HtmlReport.FILE_NAME));
    if (!drawn) {
      try (OutputStream out = OutputFiles.create(writeDir, HtmlReport.FILE_NAME)) {
        out.write(new HtmlReport(writeDir, config.parameters(), config.entities()).render().getBytes(StandardCharsets.UTF_8));
      }
    }
    if (config.entities() && !(drawn && Files.isRegularFile(Path.of(writeDir, GraphMl.FILE_NAME)))) {
      try (OutputStream out = OutputFiles.create(writeDir, GraphMl.FILE_NAME)) {
        GraphMl.write(writeDir, out);
      }
    }
    List<ReportSpec> all = new ArrayList<>(ReportPipeline.reports(config.entities()));
    all.add(RunManifest.SPEC);
    try (OutputStream out = OutputFiles.create(writeDir, DataDictionary.FILE_NAME)) {
      out.write(DataDictionary.markdown(all, ReportPipeline.selections(tiers, config.trendOptions()), tiers.maxRows(), tables)
          .getBytes(StandardCharsets.UTF_8));
    }
    int files = ReportPipeline.reportFiles(config.entities()).size();
    String summary = String.format(Locale.ROOT,
        "presslens: %d documents (%d duplicates, %d analysed in this run), %d rejected; %d reports in %s (%.1f s)",
        documents, rows.getOrDefault(DuplicatesReport.SPEC.fileName(), 0L), outcome.analysed(), rejected, files,
        config.outputDir(), (outcome.end().toEpochMilli() - outcome.start().toEpochMilli()) / 1000.0);
    timeline.mark("side files");
    List<String> lines = new ArrayList<>(List.of(summary));
    lines.addAll(outcome.notes());
    return new Written(rows, lines, kept, byCounter);
  }

  /** Waits for the run, printing the progress counters every {@link #PROGRESS_EVERY} on long runs. */
  private static void waitWithProgress(PipelineResult result, Instant start) {
    while (true) {
      PipelineResult.State state = result.waitUntilFinish(PROGRESS_EVERY);
      if (state != null && state.isTerminal()) {
        if (state != PipelineResult.State.DONE) {
          throw new IllegalStateException("pipeline ended in state " + state);
        }
        return;
      }
      Map<String, Long> counts = counters(result, Progress.NAMESPACE);
      System.out.printf("presslens: %.0f s: %,d %s, %,d %s%n",
          (Instant.now().toEpochMilli() - start.toEpochMilli()) / 1000.0,
          counts.getOrDefault(Progress.READ, 0L), Progress.READ, counts.getOrDefault(Progress.ANALYSED, 0L), Progress.ANALYSED);
    }
  }

  /**
   * Seconds spent in each {@link Stage}, summed over worker threads, and the words analysed, e.g.
   * "stages (CPU s, all threads): ingest 1.2, tokenize 3.0, ...; 1,800,055 words". The benchmark
   * script reads this line.
   */
  static String stageTimes(PipelineResult result) {
    Map<String, Long> nanos = counters(result, Stage.NAMESPACE);
    long words = counters(result, Progress.NAMESPACE).getOrDefault(Progress.WORDS, 0L);
    StringBuilder line = new StringBuilder("stages (CPU s, all threads):");
    for (Stage stage : Stage.values()) {
      line.append(String.format(Locale.ROOT, " %s %.1f%s", stage.label(), nanos.getOrDefault(stage.label(), 0L) / 1e9,
          stage.ordinal() < Stage.values().length - 1 ? "," : ";"));
    }
    return line.append(String.format(Locale.ROOT, " %,d words", words)).toString();
  }

  /** Rows written per report, from the counters of {@link WriteReports}, in report order. */
  private static Map<String, Long> reportRows(Map<String, Long> byName, List<ReportSpec> reports) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (ReportSpec spec : reports) {
      rows.put(spec.fileName(), byName.getOrDefault(WriteReports.rowCounterName(spec), 0L));
    }
    return rows;
  }

  /** Rows left out of each CSV file by the row limit, in report order. */
  private static Map<String, Long> cutRows(Map<String, Long> byName, List<ReportSpec> reports) {
    Map<String, Long> cut = new LinkedHashMap<>();
    for (ReportSpec spec : reports) {
      cut.put(spec.fileName(), byName.getOrDefault(WriteReports.cutCounterName(spec), 0L));
    }
    return cut;
  }

  /** The run's counters in a namespace, by name, summed over steps (attempted values). */
  private static Map<String, Long> counters(PipelineResult result, String namespace) {
    Map<String, Long> byName = new LinkedHashMap<>();
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(namespace)).build()).getCounters()) {
      byName.merge(counter.getName().getName(), counter.getAttempted(), Long::sum);
    }
    return byName;
  }

}
