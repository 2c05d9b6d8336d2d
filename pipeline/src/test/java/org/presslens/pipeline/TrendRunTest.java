package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two outlets over three months, and one undated document: the trend reports count every period,
 * list the undated words, find the flood that North starts writing about in March, and answer
 * --since for a date and for the last run of a cache.
 */
class TrendRunTest {

  @TempDir Path tmp;

  /** Two documents per outlet and month; North's March documents are about a flood (5 times each). */
  private static String months(String... months) {
    StringBuilder lines = new StringBuilder();
    int n = 0;
    for (String month : months) {
      for (String outlet : List.of("North", "South")) {
        for (int d = 1; d <= 2; d++) {
          String flood = outlet.equals("North") && month.equals("2024-03")
              ? " The flood closed the bridge. The flood reached the market. The flood was the worst flood in years. "
                  + "Flood defences failed." : "";
          lines.append(String.format(Locale.ROOT, "{\"doc_id\":\"%s-%s-%d\",\"outlet\":\"%s\",\"published\":\"%s-1%d\","
              + "\"text\":\"The council met on budget day %d. Residents asked about the harbour, the school and the "
              + "roads of district %d.%s\"}%n", outlet, month, d, outlet, month, d, n, n++, flood));
        }
      }
    }
    return lines.toString();
  }

  private Path corpus(String name, String content) throws IOException {
    Path file = tmp.resolve("corpus").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private static List<CSVRecord> rows(Path out, String file) throws IOException {
    return PressLensRunTest.readCsv(out.resolve(file));
  }

  private static CSVRecord emerging(Path out, String scopeKey, String item) throws IOException {
    return rows(out, "emerging.csv").stream()
        .filter(r -> r.get("scope_key").equals(scopeKey) && r.get("item").equals(item)).findFirst().orElseThrow();
  }

  @Test
  void monthsGiveTrendsAndTheFloodEmerges() throws IOException {
    Path input = corpus("news.jsonl", months("2024-01", "2024-02", "2024-03")
        + "{\"doc_id\":\"undated\",\"outlet\":\"North\",\"text\":\"The council met again without a date.\"}\n");
    Path out = tmp.resolve("out");
    SeedRun.run("--input=" + input, "--output=" + out, "--period=month", "--entities=false");

    CSVRecord flood = emerging(out, "", "flood");
    assertEquals("2024-03", flood.get("latest_period"));
    assertEquals("10", flood.get("count_latest"));
    assertEquals("0", flood.get("count_earlier"));
    assertEquals("over", flood.get("direction"));
    assertEquals("2024-03", flood.get("first_seen"));
    assertEquals("corpus", flood.get("scope"));
    assertEquals("10", emerging(out, "North", "flood").get("count_latest"));

    List<CSVRecord> trend = rows(out, "term_trends.csv").stream()
        .filter(r -> r.get("scope").equals("outlet") && r.get("scope_key").equals("North") && r.get("term").equals("flood"))
        .toList();
    assertEquals(List.of("2024-01", "2024-02", "2024-03", "undated"), trend.stream().map(r -> r.get("period")).toList());
    assertEquals(List.of("0", "0", "10", "0"), trend.stream().map(r -> r.get("count")).toList());
    CSVRecord march = trend.get(2);
    assertEquals("2", march.get("documents"));
    assertEquals("2", march.get("period_documents"));
    double words = Double.parseDouble(march.get("period_words"));
    assertEquals(10 / words * 10_000, Double.parseDouble(march.get("per_10k")), 1e-3);
    assertEquals("1", trend.get(3).get("period_documents"), "the undated document is listed");
    List<String> manifest = rows(out, "run_manifest.csv").stream().filter(r -> r.get("section").equals("run"))
        .map(r -> r.get("key") + "=" + r.get("value")).toList();
    assertTrue(manifest.containsAll(List.of("period unit=month", "periods=3")), manifest.toString());
  }

  @Test
  void sinceADateTestsTheDocumentsFromThenOn() throws IOException {
    Path input = corpus("news.jsonl", months("2024-01", "2024-02", "2024-03"));
    Path out = tmp.resolve("out");
    SeedRun.run("--input=" + input, "--output=" + out, "--period=month", "--since=2024-02-12", "--entities=false");
    CSVRecord flood = emerging(out, "", "flood");
    assertEquals("since 2024-02-12", flood.get("latest_period"));
    assertEquals("10", flood.get("count_latest"));
    assertEquals("0", flood.get("count_earlier"));
    // the documents from the 12th of February on: February's second and March's two, of each outlet
    List<CSVRecord> documents = rows(out, "documents.csv");
    long newWords = documents.stream().filter(r -> r.get("published").compareTo("2024-02-12") >= 0)
        .mapToLong(r -> Long.parseLong(r.get("tokens"))).sum();
    assertEquals(10 / (double) newWords * 10_000, Double.parseDouble(flood.get("per_10k_latest")), 1e-3);
  }

  @Test
  void sinceTheLastRunTestsWhatTheCacheHasNotSeen() throws IOException {
    Path cache = tmp.resolve("cache");
    corpus("a.jsonl", months("2024-01", "2024-02"));
    String input = "--input=" + tmp.resolve("corpus") + "/*.jsonl";
    SeedRun.run(input, "--output=" + tmp.resolve("first"), "--cacheDir=" + cache, "--since=last-run", "--entities=false");
    assertEquals(List.of(), rows(tmp.resolve("first"), "emerging.csv"), "everything is new: nothing to compare with");

    corpus("b.jsonl", months("2024-03"));
    Path second = tmp.resolve("second");
    SeedRun.run(input, "--output=" + second, "--cacheDir=" + cache, "--since=last-run", "--entities=false");
    CSVRecord flood = emerging(second, "", "flood");
    assertEquals("new since the last run", flood.get("latest_period"));
    assertEquals("10", flood.get("count_latest"));
    assertEquals("0", flood.get("count_earlier"));
    String page = Files.readString(second.resolve("report.html"));
    assertTrue(page.contains("uses significantly more new since the last run than before"), "report.html names the test");
    assertTrue(page.contains("<table class=\"new\" data-scope=\"corpus\">"));

    Path third = tmp.resolve("third");
    SeedRun.run(input, "--output=" + third, "--cacheDir=" + cache, "--since=last-run", "--entities=false");
    assertEquals(List.of(), rows(third, "emerging.csv"), "nothing new since the second run");
  }

  @Test
  void badTrendOptionsStopWithAMessage() {
    String seeds = "--input=" + SeedRun.ROOT.resolve("seeds");
    String out = "--output=" + tmp.resolve("out");
    UsageException lastRun = assertThrows(UsageException.class,
        () -> RunConfig.from(PressLensRunTest.options(seeds, out, "--since=last-run")));
    assertTrue(lastRun.getMessage().contains("needs --cacheDir"), lastRun.getMessage());
    assertThrows(UsageException.class, () -> RunConfig.from(PressLensRunTest.options(seeds, out, "--since=yesterday")));
    assertThrows(UsageException.class, () -> RunConfig.from(PressLensRunTest.options(seeds, out, "--period=fortnight")));
  }
}
