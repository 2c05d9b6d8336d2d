package org.presslens.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.presslens.transforms.io.RecordFields;
import org.presslens.transforms.io.Manifest;
import org.presslens.transforms.boilerplate.BoilerplateRule;
import org.presslens.transforms.io.CorpusFiles;
import org.presslens.transforms.io.HtmlText;
import org.presslens.transforms.io.ReadCsvFiles;
import org.presslens.transforms.io.ReadJsonLines;
import org.presslens.transforms.io.ReadTextFiles;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.reports.ContrastOptions;
import org.presslens.transforms.reports.ReportTiers;
import org.presslens.transforms.text.InputLimits;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.PublishedDates;
import org.presslens.transforms.text.TextOptions;
import org.presslens.transforms.reports.TrendOptions;
import org.presslens.transforms.time.PeriodPlan;
import org.presslens.transforms.time.PeriodUnit;

/**
 * The run as the options describe it, checked and resolved once before the pipeline is built:
 * paths made absolute, the small inputs loaded (manifest, stop words, gazetteer), every value the
 * pipeline and the side files need. Mistakes stop the run here with a one-line message. Nothing
 * downstream reads the options again, and nothing changes them.
 *
 * @param cacheDir the cache folder, resolved; empty without a cache
 * @param parameters every option of {@link PressLensOptions} by name, as the run used it (paths
 *     resolved), for the run manifest and report.html
 */
record RunConfig(
    Input input, String outputDir, String cacheDir, String manifestPath, InputLimits limits, BoilerplateRule boilerplate,
    TextOptions textOptions, ContrastOptions contrastOptions, TrendOptions trendOptions, Gazetteer gazetteer, List<RejectedInput> setupRejects,
    boolean entities, boolean parquet, boolean keepDuplicates, boolean allowOtherFiles, double duplicateSimilarity,
    long minCount, long minEntityCount, long minPairCount, int csvTopTerms, int csvTopContrasts, int csvTopEntities,
    int csvTopPairs, long csvMaxRows, Map<String, String> parameters) {

  /**
   * What to read: the reader transform, the file pattern it matches, the files it will read (for
   * the run manifest) and the prefix removed from file names in reports.
   */
  record Input(PTransform<PBegin, PCollectionTuple> reader, String pattern, List<String> files, String root) {}

  private static final Pattern JSON_LINES = Pattern.compile(".*\\.(jsonl|ndjson|json)(\\.gz)?$");
  private static final Pattern CSV = Pattern.compile(".*\\.csv(\\.gz)?$");

  private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+://.*");

  static RunConfig from(PressLensOptions options) {
    checkRanges(options);
    FileSystems.setDefaultPipelineOptions(options);
    String output = resolveOutput(options.getOutput());
    String cacheDir = options.getCacheDir().isEmpty() ? "" : absolute(options.getCacheDir());
    String format = options.getFormat();
    if (!List.of("auto", "txt", "html", "jsonl", "csv").contains(format)) {
      throw new UsageException("--format must be auto, txt, html, jsonl or csv, was " + format);
    }
    if (!List.of("auto", "always", "never").contains(options.getHtml())) {
      throw new UsageException("--html must be auto, always or never, was " + options.getHtml());
    }
    HtmlText.Mode html = format.equals("html") ? HtmlText.Mode.ALWAYS : HtmlText.Mode.of(options.getHtml());
    long maxBytes = options.getMaxDocumentMB() * 1_000_000L;
    InputLimits limits = new InputLimits(maxBytes, options.getMaxWordChars(), options.getEnglishOnly());
    boolean csv = format.equals("csv") || format.equals("auto") && CSV.matcher(options.getInput()).matches();
    boolean jsonLines = format.equals("jsonl") || format.equals("auto") && JSON_LINES.matcher(options.getInput()).matches();
    String manifestPath = "";
    Manifest manifest = Manifest.empty();
    List<RejectedInput> setupRejects = new ArrayList<>();
    Input input;
    if (jsonLines || csv) {
      String pattern = resolveFiles(options.getInput());
      String root = pattern.substring(0, pattern.lastIndexOf('/', firstWildcard(pattern)) + 1);
      RecordFields fields = new RecordFields(options.getTextField(), options.getIdField(), options.getGroupField(),
          options.getDateField(), options.getTitleField(), options.getAuthorField());
      PTransform<PBegin, PCollectionTuple> reader =
          csv ? ReadCsvFiles.from(pattern, root, fields).html(html)
              : ReadJsonLines.from(pattern, root, fields).maxBytes(maxBytes).html(html);
      input = new Input(reader, pattern, requireFiles(options.getInput(), pattern), root);
    } else {
      String root = resolveInput(options.getInput());
      manifestPath = options.getManifest().isEmpty() ? defaultManifest(root) : options.getManifest();
      manifest = manifestPath.isEmpty() ? Manifest.empty() : readManifest(manifestPath);
      ReadTextFiles reader = ReadTextFiles.from(root, manifest).maxBytes(maxBytes).html(html);
      String pattern = root + "**.{txt,html,htm}[.gz]";
      if (isLocal(root)) {
        Set<Path> notItems = manifestPath.isEmpty() || !isLocal(manifestPath) ? Set.of()
            : Set.of(Path.of(manifestPath).toAbsolutePath().normalize());
        CorpusFiles.Listing listing = listLocal(options.getInput(), Path.of(root), notItems);
        setupRejects.addAll(listing.problems());
        List<String> files = listing.files().stream().map(Path::toString).toList();
        input = new Input(reader.files(listing.files()), pattern, files, root);
      } else {
        List<String> all = requireFiles(options.getInput(), reader.filePattern());
        List<String> files = all.stream().filter(CorpusFiles::isDocument).toList();
        if (files.isEmpty()) {
          throw new UsageException("--input " + options.getInput() + ": no .txt or .html files found in " + root);
        }
        for (String other : all) {
          String name = other.substring(other.lastIndexOf('/') + 1);
          if (!CorpusFiles.isDocument(other) && !CorpusFiles.isHidden(name) && !other.equals(manifestPath)) {
            setupRejects.add(RejectedInput.of(other.substring(root.length()), "", RejectedInput.Reason.OTHER_FILE,
                CorpusFiles.otherFileDetail(name)));
          }
        }
        input = new Input(reader, pattern, files, root);
      }
    }
    List<String> relative = input.files().stream()
        .map(f -> f.startsWith(input.root()) ? f.substring(input.root().length()) : f).toList();
    String manifestName = manifestPath.substring(manifestPath.lastIndexOf('/') + 1);
    for (Manifest.Entry missing : manifest.unmatched(relative)) {
      setupRejects.add(RejectedInput.of(manifestName, "file " + missing.file(), RejectedInput.Reason.MISSING_FILE,
          "the manifest lists a file that is not in the input folder"));
    }
    StopWords stopWords = stopWords(options.getStopWords());
    if (options.getEntityTerms() && !options.getEntities()) {
      throw new UsageException("--entityTerms counts recognised entities as terms: it needs --entities=true");
    }
    TextOptions text = new TextOptions(stopWords, options.getMaxNgram(), options.getKeepStopWords(), options.getLemmatize(),
        options.getEntityTerms());
    ContrastOptions contrast = new ContrastOptions(options.getContrastMinCount(), options.getPriorScale(),
        options.getContrastPairs(), options.getKwicTerms(), options.getKwicLines(), options.getKwicWindow());
    if (!options.getPeriod().equals(PeriodPlan.AUTO) && PeriodUnit.parse(options.getPeriod()).isEmpty()) {
      throw new UsageException("--period must be day, week, month, quarter, year, decade or auto, was " + options.getPeriod());
    }
    TrendOptions trends = new TrendOptions(options.getPeriod(), options.getTrendTerms(), options.getEmergingTop(),
        since(options.getSince(), cacheDir));
    BoilerplateRule boilerplate = new BoilerplateRule(options.getBoilerplateMinDocuments(), options.getBoilerplateMinShare());
    requireApart(options.getInput(), input, "--output", output, "write the reports to a folder outside the input and not holding it");
    if (!cacheDir.isEmpty()) {
      requireApart(options.getInput(), input, "--cacheDir", cacheDir, "keep the cache in a folder outside the input and not holding it");
      requireSeparateFolders("--cacheDir", cacheDir, "--output", output);
    }
    if (isLocal(output)) {
      resolveFolder("--output", output); // created only now that the input is known to be elsewhere
    }
    if (!cacheDir.isEmpty()) {
      resolveFolder("--cacheDir", cacheDir);
    }
    Map<String, String> resolved = new TreeMap<>(Map.of("input", input.pattern(), "output", output,
        "manifest", manifestPath, "cacheDir", cacheDir,
        "stopWords", options.getStopWords().isEmpty() ? "built-in English (" + stopWords.size() + " words)" : options.getStopWords(),
        "gazetteer", options.getGazetteer().isEmpty() ? "built-in" : "built-in + " + options.getGazetteer(),
        "aliases", options.getAliases().isEmpty() ? "built-in" : "built-in + " + options.getAliases(),
        "runner", options.getRunner().getSimpleName()));
    return new RunConfig(input, output, cacheDir, manifestPath, limits, boilerplate, text, contrast, trends, gazetteer(options),
        setupRejects, options.getEntities(), options.getParquet(), options.getKeepDuplicates(), options.getAllowOtherFiles(),
        options.getDuplicateSimilarity(), options.getMinCount(), options.getMinEntityCount(), options.getMinPairCount(),
        options.getCsvTopTerms(), options.getCsvTopContrasts(), options.getCsvTopEntities(), options.getCsvTopPairs(),
        options.getCsvMaxRows(), parameters(options, resolved));
  }

  /** --since as emerging.csv uses it: "", {@link TrendOptions#LAST_RUN} (which needs a cache), or a normalised date. */
  private static String since(String since, String cacheDir) {
    if (since.isEmpty()) {
      return "";
    }
    if (since.equals(TrendOptions.LAST_RUN)) {
      if (cacheDir.isEmpty()) {
        throw new UsageException("--since=last-run compares with the last run kept in the cache: it needs --cacheDir");
      }
      return since;
    }
    return PublishedDates.normalise(since).filter(d -> !d.isEmpty()).orElseThrow(() -> new UsageException(
        "--since must be a date (2024-05-01, 2024-05 or 2024) or last-run, was " + since));
  }

  /** The limits of the spreadsheet tier and the folder of the full-detail tier, for reports written to {@code out}. */
  ReportTiers tiers(String out) {
    String data = parquet ? FileSystems.matchNewResource(out, true)
        .resolve(ReportTiers.DATA_FOLDER, StandardResolveOptions.RESOLVE_DIRECTORY).toString() : "";
    return new ReportTiers(csvTopTerms, csvTopContrasts, csvTopEntities, csvTopPairs, csvMaxRows, data);
  }

  /** The options PressLens declares, sorted by name. */
  static List<Method> declaredOptions() {
    return Arrays.stream(PressLensOptions.class.getDeclaredMethods())
        .filter(m -> m.getParameterCount() == 0 && (m.getName().startsWith("get") || m.getName().startsWith("is")))
        .sorted(Comparator.comparing(RunConfig::optionName)).toList();
  }

  static String optionName(Method getter) {
    String bare = getter.getName().replaceFirst("^(get|is)", "");
    return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
  }

  /** Refuses a value outside the {@link Range} of its option, NaN and infinities included. */
  private static void checkRanges(PressLensOptions options) {
    for (Method getter : declaredOptions()) {
      Range range = getter.getAnnotation(Range.class);
      if (range == null) {
        continue;
      }
      double value = ((Number) invoke(getter, options)).doubleValue();
      if (!(value >= range.min() && value <= range.max())) {
        throw new UsageException(String.format(Locale.ROOT, "--%s must be %s, was %s", optionName(getter),
            bounds(range), invoke(getter, options)));
      }
    }
  }

  /**
   * A range as a reader writes it: "between 1 and 5", "above 0 and at most 1,000,000" (a range
   * from the smallest double), "at least 1" (a range up to the largest int or long, which stands
   * for no upper bound).
   */
  static String bounds(Range range) {
    boolean unbounded = range.max() >= Integer.MAX_VALUE;
    if (range.min() == Double.MIN_VALUE) {
      return unbounded ? "above 0" : "above 0 and at most " + number(range.max());
    }
    return unbounded ? "at least " + number(range.min()) : "between " + number(range.min()) + " and " + number(range.max());
  }

  /** A range end as a reader writes it: 1 rather than 1.0, thousands separated. */
  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) value)
        : Double.toString(value);
  }

  /** Every declared option by name, with the run's resolved value where there is one. */
  private static Map<String, String> parameters(PressLensOptions options, Map<String, String> resolved) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (Method getter : declaredOptions()) {
      String name = optionName(getter);
      parameters.put(name, resolved.getOrDefault(name, String.valueOf(invoke(getter, options))));
    }
    parameters.put("runner", resolved.get("runner"));
    return Collections.unmodifiableMap(parameters);
  }

  private static Object invoke(Method getter, PressLensOptions options) {
    try {
      return getter.invoke(options);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("option " + getter.getName() + " cannot be read", e);
    }
  }

  /** A path without a URI scheme is on the local filesystem. */
  static boolean isLocal(String path) {
    return !URI_SCHEME.matcher(path).matches();
  }

  private static String resolveInput(String input) {
    if (input.isBlank()) {
      throw new UsageException("--input is empty: give the folder that holds the .txt files");
    }
    if (!isLocal(input)) {
      return input.endsWith("/") ? input : input + "/";
    }
    Path dir = Path.of(input).toAbsolutePath().normalize();
    if (Files.isRegularFile(dir)) {
      throw new UsageException("--input " + input + ": is a file; PressLens reads a folder of .txt or .html files (such as "
          + dir.getParent() + "), or a JSON Lines file (.jsonl, .ndjson, a .json file of JSON Lines or of one array of records, or any name with --format=jsonl) or a CSV file");
    }
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--input " + input + ": no such folder (" + dir + ")");
    }
    return dir + "/";
  }

  /** The files a pattern matches, sorted; stops the run when there are none. */
  private static List<String> requireFiles(String input, String pattern) {
    try {
      MatchResult match = FileSystems.match(pattern);
      if (match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
        throw new UsageException("--input " + input + ": no input files found (looked for " + pattern + ")");
      }
      return match.metadata().stream().map(m -> m.resourceId().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UsageException("--input " + input + ": cannot list files (" + e.getMessage() + ")");
    }
  }

  /** The .txt files of a local folder; stops the run when there are none. */
  private static CorpusFiles.Listing listLocal(String input, Path root, Set<Path> notItems) {
    try {
      CorpusFiles.Listing listing = CorpusFiles.list(root, notItems);
      if (listing.files().isEmpty()) {
        throw new UsageException("--input " + input + ": no .txt or .html files found in " + root + recordFilesHint(root));
      }
      return listing;
    } catch (IOException e) {
      throw new UsageException("--input " + input + ": cannot list files (" + e.getMessage() + ")");
    }
  }

  /** For a folder without text files: the JSON Lines or CSV files it holds, which are read one file or pattern at a time. */
  private static String recordFilesHint(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      List<String> names = walk.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
          .filter(CorpusFiles::isRecordFile).sorted().toList();
      if (names.isEmpty()) {
        return "";
      }
      String first = names.get(0);
      String ending = Stream.of(".jsonl.gz", ".jsonl", ".ndjson.gz", ".ndjson", ".json.gz", ".json", ".csv.gz", ".csv")
          .filter(e -> first.toLowerCase(Locale.ROOT).endsWith(e)).findFirst().orElseThrow();
      return " (it holds " + names.size() + " JSON Lines or CSV file" + (names.size() == 1 ? "" : "s") + ", such as "
          + first + ": give a file as --input, or a pattern such as --input='" + root.resolve("*" + ending) + "')";
    }
  }

  /** A JSON Lines or CSV file or glob; a local file must exist. */
  private static String resolveFiles(String input) {
    if (!isLocal(input)) {
      return input;
    }
    if (firstWildcard(input) < input.length()) {
      return Path.of(input).isAbsolute() ? input : Path.of("").toAbsolutePath() + "/" + input;
    }
    Path file = Path.of(input).toAbsolutePath().normalize();
    if (Files.isDirectory(file)) {
      throw new UsageException("--input " + input + ": is a folder; JSON Lines and CSV input is a file or a pattern of files,"
          + " such as --input='" + file.resolve("*.jsonl.gz") + "'");
    }
    if (!Files.isRegularFile(file)) {
      throw new UsageException("--input " + input + ": no such file (" + file + ")");
    }
    return file.toString();
  }

  private static int firstWildcard(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      if ("*?[{".indexOf(pattern.charAt(i)) >= 0) {
        return i;
      }
    }
    return pattern.length();
  }

  private static String resolveOutput(String output) {
    if (output.isBlank()) {
      throw new UsageException("--output is empty: give the folder the reports are written to");
    }
    return absolute(output);
  }

  /** A local folder made absolute, not yet created; other filesystems as given. */
  private static String absolute(String folder) {
    return isLocal(folder) ? Path.of(folder).toAbsolutePath().normalize().toString() : folder;
  }

  /**
   * Stops a run whose output folder (or cache folder) is the input folder, holds input files, or
   * lies where the input is read at any depth (a folder of texts, a {@code **} glob): the reports
   * would replace or mix with the corpus, and a rerun would read them, or the cache's files, as input.
   *
   * @param option {@code --output} or {@code --cacheDir}, and {@code folder} its value
   * @param advice what to do instead, for the message
   */
  private static void requireApart(String given, Input input, String option, String folder, String advice) {
    if (!isLocal(folder) || !isLocal(input.root())) {
      return;
    }
    Path out = realPath(Path.of(folder));
    Path root = realPath(Path.of(input.root()));
    boolean anyDepth = input.pattern().contains("**"); // a folder of texts, or a recursive glob
    boolean overlaps = root.startsWith(out) || anyDepth && out.startsWith(root)
        || input.files().stream().anyMatch(f -> realPath(Path.of(f)).startsWith(out));
    if (overlaps) {
      throw new UsageException(option + " " + folder + " and --input " + given + " overlap: " + advice);
    }
  }

  /**
   * Stops a run whose cache folder and output folder are one, or one holds the other: the run
   * refuses to write reports beside files it did not write, and the cache keeps only its own files.
   */
  private static void requireSeparateFolders(String option, String folder, String otherOption, String other) {
    if (!isLocal(folder) || !isLocal(other)) {
      return;
    }
    Path a = realPath(Path.of(folder));
    Path b = realPath(Path.of(other));
    if (a.startsWith(b) || b.startsWith(a)) {
      throw new UsageException(option + " " + folder + " and " + otherOption + " " + other
          + " overlap: keep the cache and the reports in separate folders, neither inside the other");
    }
  }

  /** The path with symbolic links resolved as far as it exists, so that two names of one folder compare equal. */
  private static Path realPath(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      return absolute;
    }
  }

  /** A local folder is created and checked for writing, and made absolute; other filesystems pass. */
  private static String resolveFolder(String option, String folder) {
    if (!isLocal(folder)) {
      return folder;
    }
    Path dir = Path.of(folder).toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UsageException(option + " " + folder + ": cannot create folder (" + e.getMessage() + ")");
    }
    if (!Files.isWritable(dir)) {
      throw new UsageException(option + " " + folder + ": folder is not writable");
    }
    return dir.toString();
  }

  private static String defaultManifest(String root) {
    String candidate = root + "manifest.csv";
    try {
      MatchResult match = FileSystems.match(candidate);
      return match.status() == MatchResult.Status.OK && !match.metadata().isEmpty() ? candidate : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static Manifest readManifest(String path) {
    try {
      ResourceId id = FileSystems.matchSingleFileSpec(path).resourceId();
      try (InputStream in = Channels.newInputStream(FileSystems.open(id))) {
        return Manifest.read(in, path);
      }
    } catch (IOException e) {
      throw new UsageException("--manifest " + path + ": cannot read (" + e.getMessage() + ")");
    } catch (IllegalArgumentException e) {
      throw new UsageException("--manifest " + e.getMessage());
    }
  }

  /** The built-in gazetteer and aliases plus the user's files. */
  private static Gazetteer gazetteer(PressLensOptions options) {
    Gazetteer gazetteer = Gazetteer.english();
    try {
      if (!options.getGazetteer().isEmpty()) {
        try (InputStream in = Files.newInputStream(Path.of(options.getGazetteer()))) {
          gazetteer.addNames(in, options.getGazetteer());
        }
      }
      if (!options.getAliases().isEmpty()) {
        try (InputStream in = Files.newInputStream(Path.of(options.getAliases()))) {
          gazetteer.addAliases(in, options.getAliases());
        }
      }
    } catch (IOException e) {
      throw new UsageException("--gazetteer/--aliases: cannot read (" + e.getMessage() + ")");
    } catch (IllegalArgumentException e) {
      throw new UsageException("--gazetteer/--aliases " + e.getMessage());
    }
    return gazetteer;
  }

  private static StopWords stopWords(String option) {
    if (option.isEmpty()) {
      return StopWords.english();
    }
    if (option.equals("none")) {
      return StopWords.none();
    }
    try (InputStream in = Files.newInputStream(Path.of(option))) {
      return StopWords.read(in);
    } catch (IOException e) {
      throw new UsageException("--stopWords " + option + ": cannot read (" + e.getMessage() + ")");
    }
  }
}
