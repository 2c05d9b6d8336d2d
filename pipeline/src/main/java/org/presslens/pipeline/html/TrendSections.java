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
 * the rate per period of the corpus's top rising terms and entities, one line per outlet when
 * there are few).
 */
final class TrendSections {

  static final int NEW_ITEMS = 10;
  static final int CHARTS = 12;
  static final int ENTITY_CHARTS = 6;
  /** Outlets drawn as their own lines at most; with more, each chart shows the corpus only. */
  static final int OUTLET_LINES = 8;
  private static final String UNDATED = "undated";

  private final List<CSVRecord> emerging;
  private final List<CSVRecord> trends;
  private final List<CSVRecord> entityTrends;
  private final List<String> periods;

  /** @param withEntities whether the run wrote entity_trends.csv */
  TrendSections(ReportTables tables, boolean withEntities) throws IOException {
    this.emerging = tables.read("emerging.csv");
    this.trends = tables.read("term_trends.csv");
    this.entityTrends = withEntities ? tables.read("entity_trends.csv") : List.of();
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
    // with --since the test needs no second period: emerging.csv names what it tested
    String tested = emerging.isEmpty() ? "" : emerging.get(0).get("latest_period");
    boolean byPeriod = tested.isEmpty() || periods.contains(tested);
    if (byPeriod && !onePeriod().isEmpty()) {
      html.append("<p class=\"empty\">").append(esc(onePeriod())).append("</p></section>\n");
      return;
    }
    String latest = byPeriod ? periods.get(periods.size() - 1) : tested;
    html.append("<p>Terms and entities each scope uses significantly more ")
        .append(byPeriod ? "in the latest period (" + esc(latest) + ") than in its own earlier periods pooled"
            : esc(latest) + " than before")
        .append(" (BH q &lt; 0.05), strongest first. ")
        .append("Rates are per 10,000 running words; the tooltip of a row gives G2, p and the rate test.</p><div class=\"grid\">");
    Map<String, List<CSVRecord>> byScope = new LinkedHashMap<>();
    emerging.stream().filter(r -> r.get("direction").equals("over"))
        .forEach(r -> byScope.computeIfAbsent(scopeName(r), k -> new ArrayList<>()).add(r));
    if (byScope.isEmpty()) {
      html.append("<p class=\"empty\">Nothing is used significantly more in ").append(esc(latest)).append(".</p>");
    }
    byScope.forEach((scope, rows) -> {
      html.append("<table class=\"new\" data-scope=\"").append(esc(scope)).append("\"><caption>").append(esc(scope))
          .append("</caption><thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Count ")
          .append(esc(byPeriod ? latest : "new")).append("</th><th scope=\"col\">Count before</th><th scope=\"col\">Per 10k now / before</th>")
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
    long outlets = trends.stream().filter(r -> r.get("scope").equals("outlet")).map(r -> r.get("scope_key")).distinct().count();
    html.append("<p>Rate per 10,000 running words in each period (").append(esc(periods.get(0))).append(" to ")
        .append(esc(periods.get(periods.size() - 1))).append(") of the terms and entities rising most in the corpus (its ")
        .append("most frequent ones when none rises significantly)")
        .append(outlets <= OUTLET_LINES ? "; the bold line is the corpus, thin lines the outlets where they list the item."
            : "; the corpus only (more than " + OUTLET_LINES + " outlets).")
        .append(" Hover over a point for its count.</p>");
    charts(html, "term", trends, "term", "count", CHARTS, outlets);
    if (!entityTrends.isEmpty()) {
      charts(html, "entity", entityTrends, "entity", "mentions", ENTITY_CHARTS, outlets);
    }
    html.append("<p class=\"source\">Source: <a href=\"term_trends.csv\">term_trends.csv</a>")
        .append(entityTrends.isEmpty() ? "" : ", <a href=\"entity_trends.csv\">entity_trends.csv</a>")
        .append(" and <a href=\"emerging.csv\">emerging.csv</a> (scope = corpus, direction = over, top ").append(CHARTS)
        .append(" terms and ").append(ENTITY_CHARTS).append(" entities)</p></section>\n");
  }

  /** One small chart per rising item of a kind (its most frequent items when none rises). */
  private void charts(StringBuilder html, String kind, List<CSVRecord> rows, String itemColumn, String countColumn, int limit,
      long outlets) {
    List<String> rising = emerging.stream()
        .filter(r -> r.get("scope").equals("corpus") && r.get("kind").equals(kind) && r.get("direction").equals("over"))
        .map(r -> text(r, "item")).limit(limit).toList();
    if (rising.isEmpty()) {
      rising = rows.stream().filter(r -> r.get("scope").equals("corpus")).map(r -> text(r, itemColumn)).distinct()
          .limit(limit).toList();
    }
    Map<String, Map<String, Map<String, CSVRecord>>> byItem = new TreeMap<>();
    for (CSVRecord r : rows) {
      byItem.computeIfAbsent(text(r, itemColumn), k -> new TreeMap<>())
          .computeIfAbsent(scopeName(r), k -> new TreeMap<>()).put(r.get("period"), r);
    }
    html.append("<div class=\"multiples\" data-kind=\"").append(kind).append("\">");
    for (String item : rising) {
      List<Svg.Line> lines = new ArrayList<>();
      byItem.getOrDefault(item, Map.of()).forEach((scope, periodRows) -> {
        boolean main = scope.equals("corpus");
        if (main || outlets <= OUTLET_LINES) {
          lines.add(line(item, scope, main, periodRows, countColumn));
        }
      });
      lines.sort((a, b) -> Boolean.compare(a.main(), b.main()));
      html.append("<figure class=\"trend\" data-").append(kind).append("=\"").append(esc(item)).append("\"><figcaption>")
          .append(esc(item)).append("</figcaption>").append(Svg.lineChart("trend-" + kind + "-" + HtmlReport.slug(item),
              "Rate of " + item + " per period", "Line chart of the rate per 10,000 words of " + item + " in " + lines.size()
                  + " scope(s) over " + periods.size() + " periods; corpus: " + describe(lines), periods, lines))
          .append("</figure>");
    }
    html.append("</div>");
  }

  private Svg.Line line(String item, String scope, boolean main, Map<String, CSVRecord> rows, String countColumn) {
    double[] values = new double[periods.size()];
    List<String> tooltips = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      CSVRecord r = rows.get(periods.get(i));
      values[i] = r == null ? Double.NaN : number(r, "per_10k");
      tooltips.add(r == null ? "" : String.format(Locale.ROOT, "%s, %s, %s: %s per 10k (%s of %s words)", item, scope,
          periods.get(i), r.get("per_10k"), r.get(countColumn), r.get("period_words")));
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
