package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.csv.CsvCells;
import org.presslens.transforms.reports.KeywordInContextReport;
import org.presslens.transforms.reports.ReportSpec;

/** The two tiers: bounded CSV files for people, every row as Parquet for tools, agreeing where both hold a row. */
class FullDetailTierTest {

  @Test
  void everyCsvRowIsInItsFullDetailTableAndTheManifestCountsTheTables() throws Exception {
    Path out = SeedRun.output();
    Map<String, String> tableRows = new HashMap<>();
    for (CSVRecord r : PressLensRunTest.readCsv(out.resolve("run_manifest.csv"))) {
      if (r.get("section").equals("table")) {
        tableRows.put(r.get("key"), r.get("value"));
      }
    }
    int compared = 0;
    for (ReportSpec spec : ReportPipeline.REPORTS) {
      if (spec == KeywordInContextReport.SPEC) {
        continue; // concordance lines are bounded already and have no table
      }
      List<List<Object>> table = DataTables.query(out, "SELECT * FROM data/" + spec.tableName());
      assertEquals(Long.toString(table.size()), tableRows.get("data/" + spec.tableName()), spec.tableName());
      Set<List<String>> rendered = new HashSet<>();
      for (List<Object> row : table) {
        List<Object> values = new ArrayList<>(row);
        values.replaceAll(v -> v == null ? Double.NaN : v);
        rendered.add(spec.render(values).stream().map(CsvCells::neutralize).toList());
      }
      List<CSVRecord> csv = PressLensRunTest.readCsv(out.resolve(spec.fileName()));
      assertTrue(table.size() >= csv.size(), spec.fileName());
      for (CSVRecord record : csv) {
        assertTrue(rendered.contains(record.toList()), spec.fileName() + " row not in its table: " + record.toList());
        compared++;
      }
    }
    assertTrue(compared > 1000, "the seed reports have rows to compare: " + compared);
  }

  /** What entity_mentions documents: text[start:end] of the input file's text, in code points, is the mention as written. */
  @Test
  void everyMentionIsWhereItsOffsetsSayInTheInputFile() throws Exception {
    Path out = SeedRun.output();
    List<List<Object>> mentions = DataTables.query(out, "SELECT d.source_path, m.start, m.end, m.text "
        + "FROM data/entity_mentions m JOIN data/documents d ON d.doc_id = m.doc_id");
    Map<String, int[]> texts = new HashMap<>();
    for (List<Object> m : mentions) {
      int[] text = texts.computeIfAbsent((String) m.get(0), path -> {
        try {
          return Files.readString(SeedRun.ROOT.resolve("seeds").resolve(path)).replaceFirst("^\uFEFF", "").codePoints().toArray();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      int start = ((Number) m.get(1)).intValue();
      int end = ((Number) m.get(2)).intValue();
      assertEquals(m.get(3), new String(text, start, end - start).replaceAll("\\R", " "), m.toString());
    }
    assertTrue(mentions.size() > 300, "the seeds' mentions: " + mentions.size());
  }

  @Test
  void documentTermsAddUpToTheCorpusAndGiveTfIdfByTheDocumentedJoin() throws Exception {
    Path out = SeedRun.output();
    List<List<Object>> mismatches = DataTables.query(out, "SELECT t.term, t.count, d.total FROM data/term_frequencies t "
        + "JOIN (SELECT term, sum(count) AS total FROM data/document_terms GROUP BY term) d ON d.term = t.term "
        + "WHERE t.scope = 'corpus' AND t.count <> d.total");
    assertEquals(List.of(), mismatches);
    // nato is in all 5 seed documents: tf-idf 0; a term in one document: count x log10(5).
    List<List<Object>> tfIdf = DataTables.query(out, "SELECT d.term, d.count, d.count * log10(5.0 / t.doc_freq) "
        + "FROM data/document_terms d JOIN data/term_frequencies t ON t.scope = 'corpus' AND t.term = d.term "
        + "WHERE d.term IN ('nato') AND d.doc_id = (SELECT min(doc_id) FROM data/documents)");
    assertEquals(0.0, (Double) tfIdf.get(0).get(2), 1e-12);
  }

  @Test
  void theSpreadsheetLimitsCutTheCsvFilesAndNotTheTables(@TempDir Path dir) throws Exception {
    Map<String, Long> rows = SeedRun.run("--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + dir,
        "--csvTopTerms=3", "--csvTopContrasts=2", "--csvTopPairs=1", "--csvTopEntities=4", "--csvMaxRows=20");
    Map<String, Integer> perScope = new HashMap<>();
    for (CSVRecord r : PressLensRunTest.readCsv(dir.resolve("term_frequencies.csv"))) {
      perScope.merge(r.get("scope") + "/" + r.get("scope_key") + "/" + r.get("n"), 1, Integer::sum);
    }
    assertTrue(perScope.values().stream().allMatch(n -> n <= 3), perScope.toString());
    assertEquals(List.of(3, 3, 3), List.of(perScope.get("corpus//1"), perScope.get("corpus//2"), perScope.get("corpus//3")));
    assertEquals(4L, rows.get("entities.csv"));
    rows.forEach((file, n) -> assertTrue(n <= 20, file + " has " + n + " rows"));
    assertEquals(20L, rows.get("term_frequencies.csv"), "6 scopes x 3 n x 3 terms, cut at 20");
    List<CSVRecord> manifest = PressLensRunTest.readCsv(dir.resolve("run_manifest.csv"));
    assertTrue(manifest.stream().anyMatch(r -> r.get("section").equals("report-cut")
        && r.get("key").equals("term_frequencies.csv") && r.get("value").startsWith("34 rows")), "54 - 20 cut rows");
    assertTrue(manifest.stream().anyMatch(r -> r.get("section").equals("report-selection")
        && r.get("key").equals("term_frequencies.csv") && r.get("value").contains("the 3 most frequent terms")));
    assertEquals(DataTables.query(SeedRun.output(), "SELECT count(*) FROM data/term_frequencies"),
        DataTables.query(dir, "SELECT count(*) FROM data/term_frequencies"), "the full table keeps every row");
    String dictionary = Files.readString(dir.resolve("README.md"));
    assertTrue(dictionary.contains("Rows in this file: corpus and outlet scopes; per scope and n the 3 most frequent"), dictionary);
    assertTrue(dictionary.contains("### data/document_terms/"));
  }

  @Test
  void withoutTheTierNoTablesAreWritten(@TempDir Path dir) throws Exception {
    SeedRun.run("--input=" + SeedRun.ROOT.resolve("seeds"), "--output=" + dir, "--parquet=false", "--entities=false");
    assertFalse(Files.exists(dir.resolve("data")));
    assertTrue(Files.readString(dir.resolve("README.md")).contains("no full-detail tables (--parquet=false)"));
  }
}
