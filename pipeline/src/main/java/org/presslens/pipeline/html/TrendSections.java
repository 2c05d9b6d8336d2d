package org.presslens.pipeline.html;

import static org.presslens.pipeline.html.ReportTables.number;
import static org.presslens.pipeline.html.ReportTables.text;
import static org.presslens.pipeline.html.Svg.esc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/**
 * The report's sections on change over time, from emerging.csv and term_trends.csv: "What is
 * new" (per scope, the items used more in the latest period) and "Trends" (small multiples of
 * the rate per period of the corpus's top rising terms, one line per outlet when there are few).
 */
final class TrendSections {

  static final int NEW_ITEMS = 10;
  static final int CHARTS = 12;
  /** Outlets drawn as their own lines at most; with more, each chart shows the corpus only. */
  static final int OUTLET_LINES = 8;
  private static final String UNDATED = "undated";

  private final List<CSVRecord> emerging;
  private final List<CSVRecord> trends;
  private final List<String> periods;

  TrendSections(ReportTables tables) throws IOException {
    this.emerging = tables.read("emerging.csv");
    this.trends = tables.read("term_trends.csv");
    this.periods = new ArrayList<>(trends.stream().map(r -> r.get("period")).filter(p -> !p.equals(UNDATED))
        .collect(Collectors.toCollection(TreeSet::new)));
  }

  /** Why there is nothing to compare, or empty when there are at least two periods. */
  private String onePeriod() {
    if (periods.isEmpty()) {
      return "No document has a date, so there are no periods to compare (the date comes from the manifest, "
          + "--dateField or the page's metadata).";
    }
    if (periods.size() == 1) {
      return "All dated documents fall in one period (" + periods.get(0) + "): there is no earlier period to compare "
          + "the latest with. A finer --period may give more.";
    }
    return "";
  }

  void whatIsNew(StringBuilder html) {
    html.append("<section id=\"new\"><h2>What is new</h2>");
    if (!onePeriod().isEmpty()) {
      html.append("<p class=\"empty\">").append(esc(onePeriod())).append("</p></section>\n");
      return;
    }
    String latest = periods.get(periods.size() - 1);
    html.append("<p>Terms and entities each scope uses significantly more in the latest period (")
        .append(esc(latest)).append(") than in its own earlier periods pooled (BH q &lt; 0.05), strongest first. ")
        .append("Rates are per 10,000 running words; the tooltip of a row gives G2, p and the rate test.</p><div class=\"grid\">");
    Map<String, List<CSVRecord>> byScope = new LinkedHashMap<>();
    emerging.stream().filter(r -> r.get("direction").equals("over"))
        .forEach(r -> byScope.computeIfAbsent(scopeName(r), k -> new ArrayList<>()).add(r));
    if (byScope.isEmpty()) {
      html.append("<p class=\"empty\">Nothing is used significantly more in ").append(esc(latest)).append(".</p>");
    }
    byScope.forEach((scope, rows) -> {
      html.append("<table class=\"new\" data-scope=\"").append(esc(scope)).append("\"><caption>").append(esc(scope))
          .append("</caption><thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Count ").append(esc(latest))
          .append("</th><th scope=\"col\">Count before</th><th scope=\"col\">Per 10k now / before</th>")
          .append("<th scope=\"col\">First seen</th></tr></thead><tbody>");
      rows.stream().sorted((a, b) -> Double.compare(number(b, "log_odds_z"), number(a, "log_odds_z"))).limit(NEW_ITEMS)
          .forEach(r -> html.append("<tr title=\"").append(esc(String.format(Locale.ROOT,
                  "z = %s, G2 = %s, p = %s, q = %s; rate test p = %s, q = %s; Log Ratio %s", r.get("log_odds_z"), r.get("g2"),
                  r.get("p"), r.get("q"), r.get("rate_test_p"), r.get("rate_test_q"), r.get("log_ratio"))))
              .append("\"><th scope=\"row\">").append(esc(text(r, "item")))
              .append(r.get("kind").equals("entity") ? " <small>(" + esc(r.get("type")) + ")</small>" : "")
              .append("</th><td>").append(r.get("count_latest")).append("</td><td>").append(r.get("count_earlier"))
              .append("</td><td>").append(r.get("per_10k_latest")).append(" / ").append(r.get("per_10k_earlier"))
              .append("</td><td>").append(esc(r.get("first_seen"))).append("</td></tr>"));
      html.append("</tbody></table>");
    });
    html.append("</div>").append("<p class=\"source\">Source: <a href=\"emerging.csv\">emerging.csv</a> (direction = over, "
        + "top " + NEW_ITEMS + " per scope by log_odds_z)</p></section>\n");
  }

  void trends(StringBuilder html) {
    html.append("<section id=\"trends\"><h2>Trends</h2>");
    if (!onePeriod().isEmpty()) {
      html.append("<p class=\"empty\">").append(esc(onePeriod())).append("</p></section>\n");
      return;
    }
    List<String> rising = emerging.stream()
        .filter(r -> r.get("scope").equals("corpus") && r.get("kind").equals("term") && r.get("direction").equals("over"))
        .map(r -> text(r, "item")).limit(CHARTS).toList();
    boolean fallback = rising.isEmpty();
    if (fallback) {
      rising = trends.stream().filter(r -> r.get("scope").equals("corpus")).map(r -> text(r, "term")).distinct()
          .limit(CHARTS).toList();
    }
    Map<String, Map<String, Map<String, CSVRecord>>> byTerm = new TreeMap<>();
    for (CSVRecord r : trends) {
      byTerm.computeIfAbsent(text(r, "term"), k -> new TreeMap<>())
          .computeIfAbsent(scopeName(r), k -> new TreeMap<>()).put(r.get("period"), r);
    }
    long outlets = trends.stream().filter(r -> r.get("scope").equals("outlet")).map(r -> r.get("scope_key")).distinct().count();
    html.append("<p>Rate per 10,000 running words in each period (").append(esc(periods.get(0))).append(" to ")
        .append(esc(periods.get(periods.size() - 1))).append(") of ")
        .append(fallback ? "the corpus's most frequent terms (none rises significantly)" : "the terms rising most in the corpus")
        .append(outlets <= OUTLET_LINES ? "; the bold line is the corpus, thin lines the outlets where they list the term."
            : "; the corpus only (more than " + OUTLET_LINES + " outlets).")
        .append(" Hover over a point for its count.</p><div class=\"multiples\">");
    for (String term : rising) {
      Map<String, Map<String, CSVRecord>> scopes = byTerm.getOrDefault(term, Map.of());
      List<Svg.Line> lines = new ArrayList<>();
      scopes.forEach((scope, rows) -> {
        boolean main = scope.equals("corpus");
        if (main || outlets <= OUTLET_LINES) {
          lines.add(line(term, scope, main, rows));
        }
      });
      lines.sort((a, b) -> Boolean.compare(a.main(), b.main()));
      html.append("<figure class=\"trend\" data-term=\"").append(esc(term)).append("\"><figcaption>").append(esc(term))
          .append("</figcaption>").append(Svg.lineChart("trend-" + HtmlReport.slug(term), "Rate of " + term + " per period",
              "Line chart of the rate per 10,000 words of " + term + " in " + lines.size() + " scope(s) over "
                  + periods.size() + " periods; corpus: " + describe(lines), periods, lines))
          .append("</figure>");
    }
    html.append("</div><p class=\"source\">Source: <a href=\"term_trends.csv\">term_trends.csv</a> and "
        + "<a href=\"emerging.csv\">emerging.csv</a> (scope = corpus, kind = term, direction = over, top " + CHARTS + ")</p></section>\n");
  }

  private Svg.Line line(String term, String scope, boolean main, Map<String, CSVRecord> rows) {
    double[] values = new double[periods.size()];
    List<String> tooltips = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      CSVRecord r = rows.get(periods.get(i));
      values[i] = r == null ? Double.NaN : number(r, "per_10k");
      tooltips.add(r == null ? "" : String.format(Locale.ROOT, "%s, %s, %s: %s per 10k (%s of %s words)", term, scope,
          periods.get(i), r.get("per_10k"), r.get("count"), r.get("period_words")));
    }
    return new Svg.Line(scope, main, values, tooltips);
  }

  private String describe(List<Svg.Line> lines) {
    return lines.stream().filter(Svg.Line::main).findFirst().map(l -> {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < periods.size(); i++) {
        if (!Double.isNaN(l.values()[i])) {
          parts.add(periods.get(i) + " " + String.format(Locale.ROOT, "%.1f", l.values()[i]));
        }
      }
      return String.join(", ", parts);
    }).orElse("not listed");
  }

  private static String scopeName(CSVRecord r) {
    return r.get("scope").equals("corpus") ? "corpus" : text(r, "scope_key");
  }
}
