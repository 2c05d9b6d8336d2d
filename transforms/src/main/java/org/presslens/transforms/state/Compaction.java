package org.presslens.transforms.state;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which live segments a rerun merges into one new segment, so that scheduled reruns, each of
 * which adds a few small segments (one per bundle that held a new document), do not pile them up,
 * and do not rebuild large segments again and again either: a merge rebuilds its segments from
 * their members' stored analyses, so it costs what it merges.
 *
 * <p>A segment of fewer than {@value #SMALL} members (a quarter of the
 * {@value AnalyzeIntoSegments#MAX_MEMBERS} a segment holds at most) is small. When more than
 * {@value #MAX_SMALL} live segments are small, the small ones are merged, smallest first (equal
 * sizes by id), as many as fit into one segment of at most {@value AnalyzeIntoSegments#MAX_MEMBERS}
 * members. Larger segments are never merged: their number grows with the corpus, as a first run's
 * does, and each stays the unit a removal rebuilds.
 */
final class Compaction {

  static final int SMALL = AnalyzeIntoSegments.MAX_MEMBERS / 4;
  static final int MAX_SMALL = 16;

  private Compaction() {}

  /**
   * @param sizes members per live segment
   * @return the segments to merge into one, smallest first; empty when none are
   */
  static Set<String> merged(Map<String, Integer> sizes) {
    List<String> small = new ArrayList<>(sizes.keySet().stream().filter(id -> sizes.get(id) < SMALL).toList());
    if (small.size() <= MAX_SMALL) {
      return Set.of();
    }
    small.sort((a, b) -> !sizes.get(a).equals(sizes.get(b)) ? Integer.compare(sizes.get(a), sizes.get(b)) : a.compareTo(b));
    Set<String> merged = new LinkedHashSet<>();
    long members = 0;
    for (String id : small) {
      if (members + sizes.get(id) > AnalyzeIntoSegments.MAX_MEMBERS) {
        break;
      }
      members += sizes.get(id);
      merged.add(id);
    }
    return merged.size() < 2 ? Set.of() : merged;
  }
}
