package org.presslens.transforms.ner;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Precision, recall and F1 of predicted entity mentions against gold ones, both given as counts
 * per key (document + entity + type). Mentions: true positives per key = min(gold, predicted).
 * Entities: the keys with at least one mention.
 */
public record MentionScore(double precision, double recall) {

  public double f1() {
    return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
  }

  public static MentionScore mentions(Map<String, Long> gold, Map<String, Long> predicted) {
    long tp = 0;
    for (Map.Entry<String, Long> g : gold.entrySet()) {
      tp += Math.min(g.getValue(), predicted.getOrDefault(g.getKey(), 0L));
    }
    return of(tp, sum(predicted), sum(gold));
  }

  public static MentionScore entities(Map<String, Long> gold, Map<String, Long> predicted) {
    Set<String> found = new HashSet<>(predicted.keySet());
    found.retainAll(gold.keySet());
    return of(found.size(), predicted.size(), gold.size());
  }

  private static MentionScore of(long tp, long predicted, long gold) {
    return new MentionScore(predicted == 0 ? 0.0 : (double) tp / predicted, gold == 0 ? 0.0 : (double) tp / gold);
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
