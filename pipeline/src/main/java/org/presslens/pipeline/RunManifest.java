package org.presslens.pipeline;

import static org.presslens.transforms.reports.ReportSpec.col;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.commons.codec.digest.DigestUtils;
import org.presslens.transforms.SumPeriods;
import org.presslens.transforms.Versions;
import org.presslens.transforms.csv.CsvReportWriter;
import org.presslens.transforms.ner.NameFinderModels;
import org.presslens.transforms.reports.ReportSpec;
import org.presslens.transforms.reports.TrendOptions;
import org.presslens.transforms.text.LanguageGuesser;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.time.PeriodPlan;

/** run_manifest.csv: what a run used and produced, so its reports can be traced and reproduced. */
final class RunManifest {

  static final ReportSpec SPEC = new ReportSpec(
      "run_manifest.csv",
      "Provenance of the run: parameters, software and model versions, input files with hashes, times, rows per report.",
      List.of(
          col("section", "run, parameter, version, model, input, report (data rows of a CSV file), report-selection "
              + "(how the file selects its rows), report-cut (rows left out by --csvMaxRows) or table (rows of a "
              + "full-detail table)"),
          col("key", "parameter name, component, model file, input file (relative to the input folder) or report file"),
          col("value", "its value: times in ISO 8601 UTC, input files as SHA-256 of their bytes, reports as data rows")));

  private final List<List<String>> rows = new ArrayList<>();

  RunManifest add(String section, String key, String value) {
    rows.add(List.of(section, key, value == null ? "" : value));
    return this;
  }

  /**
   * @param analysed documents analysed in this run; the others' analyses came from the cache
   * @param reusedFrom the run whose reports this run reused (see {@link LastReports}), or ""
   */
  RunManifest run(Instant start, Instant end, long documents, long rejected, long analysed, String reusedFrom) {
    add("run", "started", start.toString());
    add("run", "finished", end.toString());
    add("run", "seconds", String.format(Locale.ROOT, "%.3f", Duration.between(start, end).toMillis() / 1000.0));
    add("run", "documents", Long.toString(documents));
    add("run", "analysed", Long.toString(analysed));
    add("run", "rejected", Long.toString(rejected));
    return reusedFrom.isEmpty() ? this : add("run", "reports reused from run", reusedFrom);
  }

  /** The periods of the trend reports: the unit (chosen or set) and how many dated periods there are. */
  RunManifest periods(Map<String, Long> counters, TrendOptions trends) {
    String unit = counters.keySet().stream().filter(n -> n.startsWith(SumPeriods.UNIT_COUNTER)).findFirst()
        .map(n -> n.substring(SumPeriods.UNIT_COUNTER.length())).orElse("");
    add("run", "period unit", unit + (trends.period().equals(PeriodPlan.AUTO) && !unit.isEmpty() ? " (auto)" : ""));
    return add("run", "periods", Long.toString(counters.getOrDefault(SumPeriods.PERIODS_COUNTER, 0L)));
  }

  /** Every option of the run by name, as it used it ({@link RunConfig#parameters}). */
  RunManifest parameters(Map<String, String> parameters) {
    parameters.forEach((name, value) -> add("parameter", name, value));
    return this;
  }

  RunManifest versions() {
    add("version", "presslens", Versions.presslens());
    add("version", "apache-beam", Versions.beam());
    add("version", "apache-opennlp", Versions.opennlp());
    add("version", "java", System.getProperty("java.version"));
    for (String[] model : new String[][] {
        {"sentdetect", OpenNlpModels.SENTENCE_MODEL}, {"tokenizer", OpenNlpModels.TOKENIZER_MODEL},
        {"pos", OpenNlpModels.POS_MODEL}, {"lemmatizer", OpenNlpModels.LEMMATIZER_MODEL}}) {
      add("model", model[1], "org.apache.opennlp:opennlp-models-" + model[0] + "-en:" + modelArtifactVersion(model[0]));
    }
    for (String type : new String[] {"person", "organization", "location"}) {
      add("model", NameFinderModels.fileName(type), "OpenNLP 1.5 English name finder (2010), from org.apache.tika:tika-parsers:1.28.5:tests");
    }
    add("model", LanguageGuesser.MODEL,
        "OpenNLP language detector, from org.apache.tika:tika-langdetect-opennlp:" + Versions.tikaLangdetect());
    add("model", "en/name.yml", "English given names and surnames, from net.datafaker:datafaker:" + Versions.datafaker());
    return this;
  }

  /**
   * SHA-256 of every input file by name (relative to {@code root}), sorted by path as given; a file
   * that cannot be read is noted as such.
   */
  static Map<String, String> inputHashes(String root, List<String> files) {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String path : files) {
      String name = path.startsWith(root) ? path.substring(root.length()) : path;
      try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
        hashes.put(name, DigestUtils.sha256Hex(in));
      } catch (IOException e) {
        hashes.put(name, "unreadable");
      }
    }
    return hashes;
  }

  /** The input files with their hashes ({@link #inputHashes}). */
  RunManifest inputs(Map<String, String> hashes) {
    hashes.forEach((name, hash) -> add("input", name, hash));
    return this;
  }

  /**
   * Rows per CSV file; rows the row limit left out ("cut"); and how each file selects its rows.
   */
  RunManifest reports(Map<String, Long> rowsByReport, Map<String, Long> cutByReport, Map<String, String> selections) {
    rowsByReport.forEach((file, n) -> add("report", file, Long.toString(n)));
    cutByReport.forEach((file, n) -> {
      if (n > 0) {
        add("report-cut", file, n + " rows beyond the limit of --csvMaxRows, in the full-detail table only");
      }
    });
    new java.util.TreeMap<>(selections).forEach((file, rule) -> add("report-selection", file, rule));
    return this;
  }

  /** Rows per full-detail table. */
  RunManifest tables(Map<String, Long> rowsByTable) {
    rowsByTable.forEach((table, n) -> add("table", "data/" + table, Long.toString(n)));
    return this;
  }

  void write(String outputDir) throws IOException {
    try (OutputStream out = OutputFiles.create(outputDir, SPEC.fileName())) {
      CsvReportWriter.write(out, SPEC.header(), rows);
    }
  }

  private static String modelArtifactVersion(String name) {
    String resource = "/META-INF/maven/org.apache.opennlp/opennlp-models-" + name + "-en/pom.properties";
    try (InputStream in = RunManifest.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Versions.opennlpModels();
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", Versions.opennlpModels());
    } catch (IOException e) {
      return Versions.opennlpModels();
    }
  }
}
