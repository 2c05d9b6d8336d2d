package org.presslens.pipeline.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.presslens.pipeline.SeedRun;

/**
 * Opens report.html of a seed run in headless Chromium (Debian's chromium and chromium-driver,
 * installed by {@link Chromium} when missing): no console errors, every outlet's chart with its
 * most distinctive terms, a working outlet selector, the entity network; a screenshot is saved to
 * {@code target/report-screenshot.png}.
 */
class ReportPageBrowserTest {

  @TempDir static Path profile;
  @TempDir static Path manyOutlets;
  private static ChromeDriver browser;
  private static Path output;

  @BeforeAll
  static void openReport() throws IOException {
    Chromium.install();
    output = SeedRun.output();
    browser = start(profile.resolve("seeds"));
    browser.get(output.resolve(HtmlReport.FILE_NAME).toUri().toString());
  }

  private static ChromeDriver start(Path userData) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Chromium.BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + userData, "--window-size=1280,6000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Chromium.DRIVER.toFile()).build(), options);
  }

  private static List<String> consoleProblems(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
  }

  @AfterAll
  static void close() throws IOException {
    if (browser != null) {
      Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
      browser.quit();
    }
  }

  @Test
  void pageLoadsWithoutConsoleErrors() {
    assertEquals("PressLens report", browser.getTitle());
    assertEquals(List.of(), consoleProblems(browser));
  }

  @Test
  void theSeedsFallInOnePeriodAndThePageSaysSo() {
    for (String section : List.of("new", "trends")) {
      String text = browser.findElement(By.cssSelector("#" + section + " .empty")).getText();
      assertTrue(text.startsWith("All dated documents fall in one period (2020s)"), text);
    }
    assertTrue(browser.findElements(By.cssSelector("#trends figure")).isEmpty());
  }

  /**
   * Fifty outlets of three short documents each, every outlet with a word of its own; two
   * documents of January, one of February, when every outlet starts writing of a zeppelin.
   */
  @Test
  void fiftyOutletsGetFiftyCharts() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      String word = "qux" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
      for (int d = 0; d < 3; d++) {
        String news = d == 2 ? " A zeppelin flew over, and the zeppelin landed." : "";
        lines.append(String.format("{\"doc_id\":\"o%02d-%d\",\"outlet\":\"Outlet %02d\",\"published\":\"%s\","
            + "\"text\":\"Report %d of outlet %d on the harbour, the budget and the %s. The %s matters to readers in town %d.%s\"}%n",
            i, d, i, d == 2 ? "2024-02-10" : "2024-01-1" + d, d, i, word, word, i * 3 + d, news));
      }
    }
    Path input = manyOutlets.resolve("fifty.jsonl");
    Files.writeString(input, lines);
    SeedRun.run("--input=" + input, "--output=" + manyOutlets.resolve("out"), "--period=month");
    ChromeDriver fifty = start(profile.resolve("fifty"));
    try {
      fifty.get(manyOutlets.resolve("out").resolve(HtmlReport.FILE_NAME).toUri().toString());
      assertEquals(List.of(), consoleProblems(fifty));
      List<WebElement> figures = fifty.findElements(By.cssSelector("figure.bars"));
      assertEquals(50, figures.size());
      assertEquals("quxbx", figures.get(49).findElements(By.cssSelector("g.bar")).get(0).getAttribute("data-term"));
      assertEquals(50, new Select(fifty.findElement(By.id("scatter-outlet"))).getOptions().size());
      assertEquals(50, fifty.findElements(By.cssSelector("table.entities")).size());
      WebElement corpusNew = fifty.findElement(By.cssSelector("#new table.new[data-scope='corpus']"));
      assertEquals("zeppelin", corpusNew.findElement(By.cssSelector("tbody th")).getText());
      long scopes = new ReportTables(manyOutlets.resolve("out").toString()).read("emerging.csv").stream()
          .filter(r -> r.get("direction").equals("over")).map(r -> r.get("scope") + r.get("scope_key")).distinct().count();
      assertEquals(scopes, fifty.findElements(By.cssSelector("#new table.new")).size(), "one table per scope with news");
      WebElement trend = fifty.findElement(By.cssSelector("#trends figure.trend[data-term='zeppelin']"));
      List<WebElement> series = trend.findElements(By.cssSelector("g.series"));
      assertEquals(1, series.size(), "fifty outlets: the corpus line only");
      assertEquals(2, series.get(0).findElements(By.tagName("circle")).size(), "January and February");
      assertTrue(series.get(0).findElement(By.tagName("circle")).findElement(By.tagName("title"))
          .getAttribute("textContent").startsWith("zeppelin, corpus, 2024-01: 0 per 10k"));
      long entityCharts = new ReportTables(manyOutlets.resolve("out").toString()).read("entity_trends.csv").stream()
          .filter(r -> r.get("scope").equals("corpus")).map(r -> r.get("entity")).distinct().limit(6).count();
      assertEquals(entityCharts, fifty.findElements(By.cssSelector("#trends div.multiples[data-kind='entity'] figure")).size(),
          "the corpus's most frequent entities, none rising");
    } finally {
      fifty.quit();
    }
  }

  @Test
  void everyOutletHasItsMostDistinctiveTermsCharted() throws IOException {
    Map<String, String> topTerm = new ReportTables(output.toString()).read("outlet_contrasts.csv").stream()
        .filter(r -> r.get("reference").equals("rest") && r.get("direction").equals("over"))
        .collect(Collectors.groupingBy(r -> r.get("outlet"), Collectors.collectingAndThen(
            Collectors.maxBy(Comparator.comparingDouble((CSVRecord r) -> Double.parseDouble(r.get("log_odds_z")))),
            r -> r.orElseThrow().get("term"))));
    assertEquals(5, topTerm.size());
    for (Map.Entry<String, String> outlet : topTerm.entrySet()) {
      WebElement figure = browser.findElement(By.cssSelector("figure.bars[data-outlet='" + outlet.getKey() + "']"));
      List<WebElement> bars = figure.findElements(By.cssSelector("g.bar"));
      assertEquals(HtmlReport.TOP_TERMS, bars.size(), outlet.getKey());
      assertEquals(outlet.getValue(), bars.get(0).getAttribute("data-term"), outlet.getKey());
      assertTrue(bars.get(0).findElement(By.tagName("rect")).getSize().getWidth() > 100, "the longest bar is drawn");
    }
  }

  @Test
  void outletSelectorShowsThatOutletsScatter() {
    List<WebElement> shown = browser.findElements(By.cssSelector("figure.scatter")).stream().filter(WebElement::isDisplayed).toList();
    assertEquals(1, shown.size());
    String before = shown.get(0).getAttribute("data-outlet");
    String other = before.equals("RT") ? "Global Times" : "RT";
    new Select(browser.findElement(By.id("scatter-outlet"))).selectByValue(other);
    List<WebElement> now = browser.findElements(By.cssSelector("figure.scatter")).stream().filter(WebElement::isDisplayed).toList();
    assertEquals(List.of(other), now.stream().map(f -> f.getAttribute("data-outlet")).toList());
    assertFalse(now.get(0).findElements(By.cssSelector("g.point")).isEmpty());
  }

  @Test
  void networkAndEntityTablesShowTheMainActors() {
    assertTrue(browser.findElement(By.cssSelector("#entity-network g.node[data-entity='NATO'] circle")).isDisplayed());
    assertFalse(browser.findElements(By.cssSelector("#entity-network line.edge")).isEmpty());
    WebElement rt = browser.findElement(By.cssSelector("table.entities[data-outlet='RT']"));
    assertTrue(rt.getText().contains("Liz Truss"), rt.getText());
    assertEquals("outlet_contrasts.csv",
        browser.findElement(By.cssSelector("#distinctive .source a")).getAttribute("href").replaceAll(".*/", ""));
  }
}
