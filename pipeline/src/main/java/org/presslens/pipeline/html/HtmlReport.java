package org.presslens.pipeline.html;

import static org.presslens.pipeline.html.ReportTables.number;
import static org.presslens.pipeline.html.ReportTables.text;
import static org.presslens.pipeline.html.Svg.esc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code report.html}: one self-contained page (inline CSS, SVG and a few lines of script; no
 * network access) drawn from the CSV reports of the same run, so every figure can be traced to a
 * file and the parameters that made it.
 */
public final class HtmlReport {

  public static final String FILE_NAME = "report.html";
  static final int TOP_TERMS = 15;
  static final int SCATTER_TERMS = 400;
  static final int TOP_ENTITIES = 10;
  /** Merged spellings named under the entity tables; entity_variants.csv has them all. */
  static final int TOP_VARIANTS = 10;
  static final int NETWORK_EDGES = 60;

  private final ReportTables tables;
  private final Map<String, String> parameters;
  private final boolean withEntities;

  /**
   * @param directory the folder holding the run's CSV reports
   * @param parameters the run's options by name, shown under the charts they shaped
   * @param withEntities whether the run recognised entities (then it wrote their reports)
   */
  public HtmlReport(String directory, Map<String, String> parameters, boolean withEntities) {
    this.tables = new ReportTables(directory);
    this.parameters = parameters;
    this.withEntities = withEntities;
  }

  public String render() throws IOException {
    List<CSVRecord> documents = tables.read("documents.csv");
    List<CSVRecord> contrasts = tables.read("outlet_contrasts.csv").stream()
        .filter(r -> r.get("reference").equals("rest")).toList();
    Map<String, List<CSVRecord>> byOutlet = documents.stream()
        .collect(Collectors.groupingBy(r -> text(r, "outlet"), TreeMap::new, Collectors.toList()));

    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>PressLens report</title><style>").append(STYLE).append("</style></head><body>\n")
        .append("<header><h1>PressLens report</h1><p>Drawn from the CSV reports in this folder. Hover over a bar, ")
        .append("point, node or line for its exact values.</p><nav><a href=\"#overview\">Overview</a> · ")
        .append("<a href=\"#distinctive\">Distinctive terms</a> · <a href=\"#scatter\">Outlet vs rest</a> · ")
        .append("<a href=\"#new\">What is new</a> · <a href=\"#trends\">Trends</a>")
        .append(withEntities ? " · <a href=\"#entities\">Entities</a> · <a href=\"#network\">Entity network</a>" : "")
        .append("</nav></header>\n");
    overview(html, documents, byOutlet);
    distinctive(html, byOutlet.keySet(), contrasts);
    scatter(html, byOutlet, contrasts);
    TrendSections time = new TrendSections(tables, withEntities);
    time.whatIsNew(html);
    time.trends(html);
    if (withEntities) {
      List<CSVRecord> entities = tables.read("entities.csv");
      List<CSVRecord> pairs = tables.read("entity_cooccurrence.csv").stream()
          .filter(r -> r.get("scope").equals("corpus") && r.get("window").equals("sentence")).toList();
      entities(html, byOutlet.keySet(), entities, tables.read("entity_variants.csv"));
      network(html, entities, pairs);
    } else {
      html.append("<section id=\"entities\"><h2>Entities</h2><p class=\"empty\">Not recognised in this run ")
          .append("(--entities=false).</p></section>\n");
    }
    html.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return html.toString();
  }

  private void overview(StringBuilder html, List<CSVRecord> documents, Map<String, List<CSVRecord>> byOutlet)
      throws IOException {
    int rejected = tables.read("rejected.csv").size();
    int copies = tables.read("duplicates.csv").size();
    html.append("<section id=\"overview\"><h2>Corpus overview</h2><table class=\"summary\"><tbody>")
        .append(row("Documents", String.format(Locale.ROOT, "%,d", documents.size())))
        .append(row("Running words", String.format(Locale.ROOT, "%,d", (long) documents.stream().mapToDouble(r -> number(r, "tokens")).sum())))
        .append(row("Outlets", Integer.toString(byOutlet.size())))
        .append(row("Dates", dateRange(documents)))
        .append(row("Copies of other documents", String.format(Locale.ROOT, "%,d", copies)))
        .append(row("Rejected inputs", String.format(Locale.ROOT, "%,d", rejected)))
        .append("</tbody></table><table class=\"outlets\"><caption>Documents per outlet</caption><thead><tr>")
        .append("<th scope=\"col\">Outlet</th><th scope=\"col\">Documents</th><th scope=\"col\">Running words</th>")
        .append("<th scope=\"col\">Dates</th></tr></thead><tbody>");
    byOutlet.forEach((outlet, docs) -> html.append("<tr data-outlet=\"").append(esc(outlet)).append("\"><th scope=\"row\">")
        .append(esc(outlet)).append("</th><td>").append(docs.size()).append("</td><td>")
        .append(String.format(Locale.ROOT, "%,d", (long) docs.stream().mapToDouble(r -> number(r, "tokens")).sum()))
        .append("</td><td>").append(esc(dateRange(docs))).append("</td></tr>"));
    html.append("</tbody></table>").append(source("documents.csv", "rejected.csv", "duplicates.csv")).append("</section>\n");
  }

  private void distinctive(StringBuilder html, Iterable<String> outlets, List<CSVRecord> contrasts) {
    html.append("<section id=\"distinctive\"><h2>Most distinctive terms per outlet</h2><p>Terms each outlet uses ")
        .append("more than all other outlets together, by weighted log-odds z-score (above 1.96: significant at ")
        .append("5 % for one term). Bar length is z; the tooltip gives counts, G2 and the BH-adjusted q. A term ")
        .append("marked (+n) stands for n echoes folded into it, parts said almost only inside it or longer phrases ")
        .append("that add nothing to it; the tooltip names them.</p><div class=\"grid\">");
    for (String outlet : outlets) {
      List<Svg.Bar> bars = contrasts.stream()
          .filter(r -> text(r, "outlet").equals(outlet) && r.get("direction").equals("over"))
          .sorted(Comparator.comparingDouble(r -> -number(r, "log_odds_z")))
          .limit(TOP_TERMS)
          .map(r -> new Svg.Bar(text(r, "term"), withFoldedCount(r), number(r, "log_odds_z"), String.format(Locale.ROOT,
              "%s: z = %s; %s times in %s (%s per 10k), %s in the rest (%s per 10k); G2 = %s, q = %s",
              withFolded(r), r.get("log_odds_z"), r.get("count_target"), outlet, r.get("per_10k_target"),
              r.get("count_reference"), r.get("per_10k_reference"), r.get("g2"), r.get("q"))))
          .toList();
      html.append("<figure class=\"bars\" data-outlet=\"").append(esc(outlet)).append("\"><figcaption>")
          .append(esc(outlet)).append("</figcaption>");
      html.append(bars.isEmpty() ? "<p class=\"empty\">No term reaches the minimum count.</p>" : Svg.barChart(
          "terms-" + slug(outlet), "Most distinctive terms of " + outlet,
          "Bar chart of the " + bars.size() + " terms with the highest z-score for " + outlet + ": "
              + bars.stream().map(b -> b.label() + " " + String.format(Locale.ROOT, "%.2f", b.value()))
                  .collect(Collectors.joining(", ")) + ".", bars));
      html.append("</figure>");
    }
    html.append("</div>").append(source(List.of("outlet_contrasts.csv"),
        "reference = rest, direction = over, top " + TOP_TERMS + " by log_odds_z",
        List.of("contrastMinCount", "priorScale", "maxNgram", "stopWords", "lemmatize"))).append("</section>\n");
  }

  /** The term with the echoes folded into it: "collective security (+ collective, collective security system)". */
  private static String withFolded(CSVRecord contrast) {
    String folded = text(contrast, "folded");
    return folded.isEmpty() ? text(contrast, "term") : text(contrast, "term") + " (+ " + folded.replace("; ", ", ") + ")";
  }

  /** The term and how many echoes were folded into it, short enough for a bar's label: "collective security (+2)". */
  private static String withFoldedCount(CSVRecord contrast) {
    String folded = text(contrast, "folded");
    return folded.isEmpty() ? text(contrast, "term") : text(contrast, "term") + " (+" + folded.split("; ").length + ")";
  }

  private void scatter(StringBuilder html, Map<String, List<CSVRecord>> byOutlet, List<CSVRecord> contrasts) {
    String chosen = byOutlet.entrySet().stream()
        .max(Comparator.<Map.Entry<String, List<CSVRecord>>>comparingInt(e -> e.getValue().size())
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse("");
    html.append("<section id=\"scatter\"><h2>One outlet against the rest</h2><p>Each point is a term: how often ")
        .append("the outlet uses it (up) against how often the other outlets do (right), per 10,000 words on log ")
        .append("scales. Above the diagonal: used more by the outlet; labelled: the most distinctive terms.</p>")
        .append("<label for=\"scatter-outlet\">Outlet </label><select id=\"scatter-outlet\">");
    for (String outlet : byOutlet.keySet()) {
      html.append("<option").append(outlet.equals(chosen) ? " selected" : "").append(" value=\"").append(esc(outlet))
          .append("\">").append(esc(outlet)).append("</option>");
    }
    html.append("</select>");
    for (String outlet : byOutlet.keySet()) {
      List<CSVRecord> terms = contrasts.stream().filter(r -> text(r, "outlet").equals(outlet))
          .sorted(Comparator.comparingDouble(r -> -(number(r, "count_target") + number(r, "count_reference"))))
          .limit(SCATTER_TERMS).toList();
      List<Svg.Point> points = new ArrayList<>();
      for (CSVRecord r : terms) {
        boolean over = r.get("direction").equals("over");
        int rank = (int) number(r, "rank");
        points.add(new Svg.Point(text(r, "term"), number(r, "per_10k_reference"), number(r, "per_10k_target"), over,
            rank <= (over ? 8 : 4), String.format(Locale.ROOT, "%s: %s per 10k in %s, %s in the rest; z = %s",
                text(r, "term"), r.get("per_10k_target"), outlet, r.get("per_10k_reference"), r.get("log_odds_z"))));
      }
      html.append("<figure class=\"scatter\" data-outlet=\"").append(esc(outlet)).append('"')
          .append(outlet.equals(chosen) ? "" : " hidden").append('>')
          .append(Svg.scatter("scatter-" + slug(outlet), "Term use in " + outlet + " against the rest",
              "Scatter plot of " + points.size() + " terms: per 10,000 words in " + outlet
                  + " against the other outlets. Most distinctive: " + points.stream().filter(p -> p.labelled() && p.over())
                  .map(Svg.Point::label).collect(Collectors.joining(", ")) + ".",
              "per 10k words in the rest", "per 10k words in " + outlet, points))
          .append("</figure>");
    }
    html.append(source(List.of("outlet_contrasts.csv"), "reference = rest; the " + SCATTER_TERMS
        + " most frequent tested terms", List.of("contrastMinCount", "priorScale", "maxNgram"))).append("</section>\n");
  }

  private void entities(StringBuilder html, Iterable<String> outlets, List<CSVRecord> entities, List<CSVRecord> variants) {
    Map<String, Map<String, Integer>> perOutlet = new HashMap<>();
    Map<String, String> types = new HashMap<>();
    for (CSVRecord r : entities) {
      types.put(text(r, "entity"), r.get("type"));
      for (String part : text(r, "mentions_per_outlet").split("; ")) {
        int colon = part.lastIndexOf(": ");
        if (colon > 0) {
          perOutlet.computeIfAbsent(part.substring(0, colon), o -> new LinkedHashMap<>())
              .put(text(r, "entity"), Integer.parseInt(part.substring(colon + 2).strip()));
        }
      }
    }
    html.append("<section id=\"entities\"><h2>Top entities per outlet</h2><div class=\"grid\">");
    for (String outlet : outlets) {
      html.append("<table class=\"entities\" data-outlet=\"").append(esc(outlet)).append("\"><caption>")
          .append(esc(outlet)).append("</caption><thead><tr><th scope=\"col\">Entity</th><th scope=\"col\">Type</th>")
          .append("<th scope=\"col\">Mentions</th></tr></thead><tbody>");
      perOutlet.getOrDefault(outlet, Map.of()).entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(TOP_ENTITIES)
          .forEach(e -> html.append("<tr><td>").append(esc(e.getKey())).append("</td><td>")
              .append(esc(types.get(e.getKey()))).append("</td><td>").append(e.getValue()).append("</td></tr>"));
      html.append("</tbody></table>");
    }
    html.append("</div>");
    if (!variants.isEmpty()) {
      html.append("<p>Spellings counted as one entity: ").append(variants.stream().limit(TOP_VARIANTS)
          .map(r -> esc(text(r, "variant")) + " as " + esc(text(r, "entity"))).collect(Collectors.joining("; ")))
          .append(variants.size() > TOP_VARIANTS ? "; " + (variants.size() - TOP_VARIANTS) + " more" : "")
          .append(". An alias line for a spelling keeps it apart.</p>");
    }
    html.append(source(List.of("entities.csv", "entity_variants.csv"), "mentions_per_outlet, top " + TOP_ENTITIES,
        List.of("minEntityCount", "gazetteer", "aliases"))).append("</section>\n");
  }

  private void network(StringBuilder html, List<CSVRecord> entities, List<CSVRecord> pairs) {
    List<CSVRecord> top = pairs.stream()
        .sorted(Comparator.comparingDouble((CSVRecord r) -> -number(r, "cooccurrences"))
            .thenComparing(r -> text(r, "entity_a")).thenComparing(r -> text(r, "entity_b")))
        .limit(NETWORK_EDGES).toList();
    Map<String, CSVRecord> entityRows = entities.stream()
        .collect(Collectors.toMap(r -> text(r, "entity"), r -> r, (a, b) -> a));
    List<String> names = new ArrayList<>(new TreeSet<>(top.stream()
        .flatMap(r -> java.util.stream.Stream.of(text(r, "entity_a"), text(r, "entity_b"))).toList()));
    Map<String, Integer> index = new HashMap<>();
    names.forEach(n -> index.put(n, index.size()));
    List<NetworkLayout.Link> links = top.stream().map(r -> new NetworkLayout.Link(
        index.get(text(r, "entity_a")), index.get(text(r, "entity_b")), number(r, "cooccurrences"))).toList();
    double[][] pos = NetworkLayout.layout(names.size(), links);
    double maxMentions = names.stream().mapToDouble(n -> mentions(entityRows.get(n))).max().orElse(1);
    double maxCount = top.stream().mapToDouble(r -> number(r, "cooccurrences")).max().orElse(1);
    List<Svg.Node> nodes = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      CSVRecord row = entityRows.get(names.get(i));
      double mentions = mentions(row);
      nodes.add(new Svg.Node(names.get(i), row == null ? "" : row.get("type"), pos[i][0], pos[i][1],
          4 + 14 * Math.sqrt(mentions / maxMentions), names.get(i) + (row == null ? "" : " (" + row.get("type")
              + "): " + (long) mentions + " mentions in " + row.get("documents") + " documents")));
    }
    List<Svg.Edge> edges = top.stream().map(r -> new Svg.Edge(index.get(text(r, "entity_a")), index.get(text(r, "entity_b")),
        1 + 5 * number(r, "cooccurrences") / maxCount, Math.min(1, Math.max(0.2, 0.2 + number(r, "npmi"))),
        String.format(Locale.ROOT, "%s – %s: together in %s sentences, NPMI %s, G2 %s", text(r, "entity_a"),
            text(r, "entity_b"), r.get("cooccurrences"), r.get("npmi"), r.get("g2")))).toList();
    html.append("<section id=\"network\"><h2>Who appears with whom</h2><p>Entities named in the same sentence, ")
        .append("the ").append(NETWORK_EDGES).append(" most frequent pairs in the corpus. Node size: mentions; line ")
        .append("width: sentences together; line opacity: NPMI (how much more often than chance). Colours: ")
        .append("<span class=\"key person\">person</span> <span class=\"key organization\">organisation</span> ")
        .append("<span class=\"key location\">place</span>.</p><figure>")
        .append(nodes.isEmpty() ? "<p class=\"empty\">No entity pair reaches the minimum count.</p>" : Svg.network(
            "entity-network", "Entity co-occurrence network",
            "Network of " + nodes.size() + " entities and " + edges.size() + " pairs. Strongest pairs: "
                + top.stream().limit(5).map(r -> text(r, "entity_a") + " and " + text(r, "entity_b") + " ("
                    + r.get("cooccurrences") + ")").collect(Collectors.joining(", ")) + ".", nodes, edges))
        .append("</figure>").append(source(List.of("entity_cooccurrence.csv", "entity_cooccurrence.graphml"),
            "scope = corpus, window = sentence, top " + NETWORK_EDGES + " pairs by cooccurrences",
            List.of("minPairCount", "minEntityCount"))).append("</section>\n");
  }

  private static double mentions(CSVRecord entity) {
    return entity == null ? 1 : number(entity, "mentions");
  }

  private static String dateRange(List<CSVRecord> documents) {
    TreeSet<String> dates = documents.stream().map(r -> r.get("published")).filter(d -> !d.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
    return dates.isEmpty() ? "none given" : dates.first().equals(dates.last()) ? dates.first()
        : dates.first() + " to " + dates.last() + (dates.size() < documents.size() ? " (some undated)" : "");
  }

  private static String row(String label, String value) {
    return "<tr><th scope=\"row\">" + esc(label) + "</th><td>" + esc(value) + "</td></tr>";
  }

  private static String source(String... files) {
    return "<p class=\"source\">Source: " + java.util.Arrays.stream(files)
        .map(f -> "<a href=\"" + esc(f) + "\">" + esc(f) + "</a>").collect(Collectors.joining(", ")) + "</p>";
  }

  private String source(List<String> files, String selection, List<String> options) {
    String params = options.stream().map(o -> "--" + o + "=" + parameters.getOrDefault(o, ""))
        .collect(Collectors.joining(" "));
    return "<p class=\"source\">Source: " + files.stream().map(f -> "<a href=\"" + esc(f) + "\">" + esc(f) + "</a>")
        .collect(Collectors.joining(", ")) + " (" + esc(selection) + "). Parameters: <code>" + esc(params) + "</code></p>";
  }

  static String slug(String outlet) {
    return Integer.toHexString(outlet.hashCode()) + "-" + outlet.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
  }

  private static final String STYLE = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:1200px;padding:0 1rem 3rem;color:#222}",
      "h1{margin-bottom:.2rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}",
      "nav a{color:#0b5cad}table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #eee}",
      "td{font-variant-numeric:tabular-nums}.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:1rem}",
      "figure{margin:0}figcaption,caption{font-weight:600;text-align:left}svg{max-width:100%;height:auto;font-size:11px}",
      ".bar rect{fill:#3b78b5}.bar .value{fill:#555}.axis{stroke:#888}.diagonal{stroke:#bbb;stroke-dasharray:4 3}",
      ".point.over circle{fill:#c0392b;fill-opacity:.7}.point.under circle{fill:#2c7bb6;fill-opacity:.5}",
      ".edge{stroke:#777}.node circle{stroke:#fff;stroke-width:1}.node text{font-size:10px}",
      ".person circle,.key.person{fill:#e07b39;background:#e07b39}.organization circle,.key.organization{fill:#3b78b5;background:#3b78b5}",
      ".location circle,.key.location{fill:#4a9d5b;background:#4a9d5b}.key{color:#fff;padding:0 .3rem;border-radius:3px}",
      ".source{font-size:.85rem;color:#555}.empty{color:#777;font-style:italic}",
      ".multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:1rem}",
      ".series path{fill:none;stroke:#9bb7d4;stroke-width:1}.series circle{fill:#9bb7d4}",
      ".series.main path{stroke:#c0392b;stroke-width:2}.series.main circle{fill:#c0392b}");

  private static final String SCRIPT = String.join("\n",
      "document.getElementById('scatter-outlet').addEventListener('change', function (event) {",
      "  document.querySelectorAll('figure.scatter').forEach(function (figure) {",
      "    figure.hidden = figure.dataset.outlet !== event.target.value;",
      "  });",
      "});");
}
