package org.presslens.pipeline.html;

import java.util.List;

/**
 * Fruchterman-Reingold force-directed layout in the unit square: linked nodes attract, all nodes
 * repel, the step size cools linearly. Nodes start on a circle in input order, so the same graph
 * always gets the same picture.
 */
final class NetworkLayout {

  /** A link between two nodes (indices) with a weight that scales its pull. */
  record Link(int a, int b, double weight) {}

  private static final int ITERATIONS = 300;

  private NetworkLayout() {}

  /** x and y of each node, each within [0, 1]. */
  static double[][] layout(int nodes, List<Link> links) {
    double[][] pos = new double[nodes][2];
    for (int i = 0; i < nodes; i++) {
      double angle = 2 * Math.PI * i / Math.max(1, nodes);
      pos[i][0] = 0.5 + 0.4 * Math.cos(angle);
      pos[i][1] = 0.5 + 0.4 * Math.sin(angle);
    }
    if (nodes < 2) {
      return pos;
    }
    double k = Math.sqrt(1.0 / nodes);
    double maxWeight = links.stream().mapToDouble(Link::weight).max().orElse(1);
    for (int iter = 0; iter < ITERATIONS; iter++) {
      double temperature = 0.1 * (1 - iter / (double) ITERATIONS);
      double[][] shift = new double[nodes][2];
      for (int i = 0; i < nodes; i++) {
        for (int j = i + 1; j < nodes; j++) {
          double dx = pos[i][0] - pos[j][0];
          double dy = pos[i][1] - pos[j][1];
          double d = Math.max(1e-4, Math.hypot(dx, dy));
          double force = k * k / d;
          shift[i][0] += dx / d * force;
          shift[i][1] += dy / d * force;
          shift[j][0] -= dx / d * force;
          shift[j][1] -= dy / d * force;
        }
      }
      for (Link link : links) {
        double dx = pos[link.a()][0] - pos[link.b()][0];
        double dy = pos[link.a()][1] - pos[link.b()][1];
        double d = Math.max(1e-4, Math.hypot(dx, dy));
        double force = d * d / k * (0.5 + 0.5 * link.weight() / maxWeight);
        shift[link.a()][0] -= dx / d * force;
        shift[link.a()][1] -= dy / d * force;
        shift[link.b()][0] += dx / d * force;
        shift[link.b()][1] += dy / d * force;
      }
      for (int i = 0; i < nodes; i++) {
        double length = Math.max(1e-9, Math.hypot(shift[i][0], shift[i][1]));
        double step = Math.min(length, temperature);
        pos[i][0] = Math.min(1, Math.max(0, pos[i][0] + shift[i][0] / length * step));
        pos[i][1] = Math.min(1, Math.max(0, pos[i][1] + shift[i][1] / length * step));
      }
    }
    return pos;
  }
}
