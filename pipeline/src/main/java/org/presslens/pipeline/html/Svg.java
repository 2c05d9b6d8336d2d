package org.presslens.pipeline.html;

import static org.apache.commons.text.StringEscapeUtils.escapeXml10;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts. Every chart is an {@code <svg role="img">} labelled by its {@code <title>}
 * and {@code <desc>} (the text alternative screen readers announce); every mark carries a
 * {@code <title>} with its exact values, which browsers show as a tooltip.
 */
final class Svg {

  /** One bar: what it stands for (its {@code data-term}), the label shown, length, and the tooltip text. */
  record Bar(String term, String label, double value, String tooltip) {}

  /** One scatter point in data units, with a label shown next to it when {@code labelled}. */
  record Point(String label, double x, double y, boolean over, boolean labelled, String tooltip) {}

  /** A network node at (x, y) in [0, 1], and links between node indices. */
  record Node(String label, String type, double x, double y, double size, String tooltip) {}

  record Edge(int a, int b, double width, double opacity, String tooltip) {}

  /** One line of a line chart: a value per period (NaN where the scope has no documents) and a tooltip per point. */
  record Line(String name, boolean main, double[] values, List<String> tooltips) {}

  private Svg() {}

  static String esc(String text) {
    return escapeXml10(text);
  }

  static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static StringBuilder open(String id, double width, double height, String title, String desc) {
    return new StringBuilder()
        .append("<svg id=\"").append(esc(id)).append("\" role=\"img\" aria-labelledby=\"").append(esc(id))
        .append("-title ").append(esc(id)).append("-desc\" viewBox=\"0 0 ").append(num(width)).append(' ')
        .append(num(height)).append("\" width=\"").append(num(width)).append("\">")
        .append("<title id=\"").append(esc(id)).append("-title\">").append(esc(title)).append("</title>")
        .append("<desc id=\"").append(esc(id)).append("-desc\">").append(esc(desc)).append("</desc>");
  }

  /** Horizontal bars, longest first as given. */
  static String barChart(String id, String title, String desc, List<Bar> bars) {
    double labelWidth = 190;
    double barArea = 230;
    double rowHeight = 18;
    double height = Math.max(1, bars.size()) * rowHeight + 8;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
    StringBuilder svg = open(id, labelWidth + barArea + 60, height, title, desc);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double y = 4 + i * rowHeight;
      double length = max > 0 ? Math.max(1, bar.value() / max * barArea) : 1;
      svg.append("<g class=\"bar\" data-term=\"").append(esc(bar.term())).append("\">")
          .append("<title>").append(esc(bar.tooltip())).append("</title>")
          .append("<text x=\"").append(num(labelWidth - 6)).append("\" y=\"").append(num(y + 12))
          .append("\" text-anchor=\"end\">").append(esc(bar.label())).append("</text>")
          .append("<rect x=\"").append(num(labelWidth)).append("\" y=\"").append(num(y + 2)).append("\" width=\"")
          .append(num(length)).append("\" height=\"").append(num(rowHeight - 5)).append("\"/>")
          .append("<text class=\"value\" x=\"").append(num(labelWidth + length + 4)).append("\" y=\"")
          .append(num(y + 12)).append("\">").append(esc(String.format(Locale.ROOT, "%.2f", bar.value()))).append("</text>")
          .append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  /** Log-log scatter of per-10k rates: x the rest of the corpus, y the outlet; the diagonal marks equal use. */
  static String scatter(String id, String title, String desc, String xLabel, String yLabel, List<Point> points) {
    double size = 560;
    double margin = 40;
    double max = points.stream().mapToDouble(p -> Math.max(p.x(), p.y())).max().orElse(1);
    double scale = Math.log10(1 + max);
    StringBuilder svg = open(id, size + margin + 10, size + margin + 10, title, desc);
    svg.append("<line class=\"axis\" x1=\"").append(num(margin)).append("\" y1=\"").append(num(size))
        .append("\" x2=\"").append(num(margin + size)).append("\" y2=\"").append(num(size)).append("\"/>")
        .append("<line class=\"axis\" x1=\"").append(num(margin)).append("\" y1=\"0\" x2=\"").append(num(margin))
        .append("\" y2=\"").append(num(size)).append("\"/>")
        .append("<line class=\"diagonal\" x1=\"").append(num(margin)).append("\" y1=\"").append(num(size))
        .append("\" x2=\"").append(num(margin + size)).append("\" y2=\"0\"/>")
        .append("<text x=\"").append(num(margin + size / 2)).append("\" y=\"").append(num(size + 30))
        .append("\" text-anchor=\"middle\">").append(esc(xLabel)).append("</text>")
        .append("<text transform=\"rotate(-90)\" x=\"").append(num(-size / 2)).append("\" y=\"14\" text-anchor=\"middle\">")
        .append(esc(yLabel)).append("</text>");
    for (Point p : points) {
      double x = margin + Math.log10(1 + p.x()) / scale * size;
      double y = size - Math.log10(1 + p.y()) / scale * size;
      svg.append("<g class=\"point ").append(p.over() ? "over" : "under").append("\" data-term=\"")
          .append(esc(p.label())).append("\"><title>").append(esc(p.tooltip())).append("</title>")
          .append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"3\"/>");
      if (p.labelled()) {
        svg.append("<text x=\"").append(num(x + 5)).append("\" y=\"").append(num(y - 4)).append("\">")
            .append(esc(p.label())).append("</text>");
      }
      svg.append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  static String network(String id, String title, String desc, List<Node> nodes, List<Edge> edges) {
    double width = 760;
    double height = 560;
    double pad = 60;
    StringBuilder svg = open(id, width, height, title, desc);
    for (Edge e : edges) {
      Node a = nodes.get(e.a());
      Node b = nodes.get(e.b());
      svg.append("<line class=\"edge\" x1=\"").append(num(pad + a.x() * (width - 2 * pad))).append("\" y1=\"")
          .append(num(pad + a.y() * (height - 2 * pad))).append("\" x2=\"").append(num(pad + b.x() * (width - 2 * pad)))
          .append("\" y2=\"").append(num(pad + b.y() * (height - 2 * pad))).append("\" stroke-width=\"")
          .append(num(e.width())).append("\" stroke-opacity=\"").append(String.format(Locale.ROOT, "%.2f", e.opacity()))
          .append("\"><title>").append(esc(e.tooltip())).append("</title></line>");
    }
    for (Node n : nodes) {
      double x = pad + n.x() * (width - 2 * pad);
      double y = pad + n.y() * (height - 2 * pad);
      svg.append("<g class=\"node ").append(esc(n.type())).append("\" data-entity=\"").append(esc(n.label()))
          .append("\"><title>").append(esc(n.tooltip())).append("</title><circle cx=\"").append(num(x))
          .append("\" cy=\"").append(num(y)).append("\" r=\"").append(num(n.size())).append("\"/><text x=\"")
          .append(num(x)).append("\" y=\"").append(num(y - n.size() - 3)).append("\" text-anchor=\"middle\">")
          .append(esc(n.label())).append("</text></g>");
    }
    return svg.append("</svg>").toString();
  }

  /** A small line chart over periods: the main line bold, the others thin; a point per value with its tooltip. */
  static String lineChart(String id, String title, String desc, List<String> periods, List<Line> lines) {
    double width = 300;
    double height = 150;
    double left = 36;
    double bottom = 20;
    double max = lines.stream().flatMapToDouble(l -> java.util.Arrays.stream(l.values())).filter(v -> !Double.isNaN(v))
        .max().orElse(1);
    double top = max > 0 ? max : 1;
    double step = periods.size() > 1 ? (width - left - 8) / (periods.size() - 1) : 0;
    StringBuilder svg = open(id, width, height, title, desc);
    svg.append("<line class=\"axis\" x1=\"").append(num(left)).append("\" y1=\"").append(num(height - bottom))
        .append("\" x2=\"").append(num(width - 4)).append("\" y2=\"").append(num(height - bottom)).append("\"/>")
        .append("<text x=\"2\" y=\"10\">").append(esc(String.format(Locale.ROOT, "%.1f", top))).append("</text>")
        .append("<text x=\"").append(num(left)).append("\" y=\"").append(num(height - 4)).append("\">")
        .append(esc(periods.isEmpty() ? "" : periods.get(0))).append("</text>")
        .append("<text x=\"").append(num(width - 4)).append("\" y=\"").append(num(height - 4))
        .append("\" text-anchor=\"end\">").append(esc(periods.isEmpty() ? "" : periods.get(periods.size() - 1))).append("</text>");
    for (Line line : lines) {
      StringBuilder path = new StringBuilder();
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < periods.size(); i++) {
        double v = line.values()[i];
        if (Double.isNaN(v)) {
          continue;
        }
        double x = left + i * step;
        double y = height - bottom - v / top * (height - bottom - 14);
        path.append(path.length() == 0 ? "M" : "L").append(num(x)).append(' ').append(num(y));
        points.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"")
            .append(line.main() ? "2.5" : "1.5").append("\"><title>").append(esc(line.tooltips().get(i)))
            .append("</title></circle>");
      }
      svg.append("<g class=\"series").append(line.main() ? " main" : "").append("\" data-scope=\"").append(esc(line.name()))
          .append("\"><path d=\"").append(path).append("\"/>").append(points).append("</g>");
    }
    return svg.append("</svg>").toString();
  }
}
