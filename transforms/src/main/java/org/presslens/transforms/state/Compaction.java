package org.presslens.transforms.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which live segments a rerun merges into one new segment, so that scheduled reruns, each of
 * which adds a few small segments (one per bundle that held a new document), do not pile them up,
 * and do not rebuild large segments again and again either: a merge rebuilds its segments from
 * their members' stored analyses (their parts of the per-document tables stay as they are, but
 * for small ones, merged too), so it costs what it merges.
 *
 * <p>A segment's weight is its rows in document_terms (its members' distinct terms, summed): what
 * rebuilding it reads. A segment is small when its weight is under an eighth of the
 * heaviest live segment's. When more than {@value #MAX_SMALL} live segments are small, the small
 * ones are merged, lightest first (equal weights by id), as long as together they weigh at most
 * half the heaviest segment. Other segments are never merged: a first run's are its bundles, their
 * number grows with the corpus, and each stays the unit a removal rebuilds.
 */
final class Compaction {

  static final int MAX_SMALL = 16;
  /** A small segment weighs less than the heaviest's share of this. */
  static final int SMALL_PART = 8;
  /** A merge weighs at most the heaviest's share of this. */
  static final int MERGED_PART = 2;

  private Compaction() {}

  /** A segment's weight: its members' distinct terms, summed (its rows in document_terms). */
  static long weight(List<Member> members) {
    return members.stream().mapToLong(Member::terms).sum();
  }

  /**
   * @param weights the weight of each live segment
   * @return the segments to merge into one, lightest first; empty when none are
   */
  static Set<String> merged(Map<String, Long> weights) {
    if (weights.isEmpty()) {
      return Set.of();
    }
    long heaviest = Collections.max(weights.values());
    List<String> small = new ArrayList<>(weights.keySet().stream()
        .filter(id -> weights.get(id) * SMALL_PART < heaviest).toList());
    if (small.size() <= MAX_SMALL) {
      return Set.of();
    }
    small.sort((a, b) -> !weights.get(a).equals(weights.get(b)) ? Long.compare(weights.get(a), weights.get(b))
        : a.compareTo(b));
    Set<String> merged = new LinkedHashSet<>();
    long weight = 0;
    for (String id : small) {
      if ((weight + weights.get(id)) * MERGED_PART > heaviest) {
        break;
      }
      weight += weights.get(id);
      merged.add(id);
    }
    return merged.size() < 2 ? Set.of() : merged;
  }
}
