package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reruns merge their light segments among themselves, never a first run's heavy ones. */
class CompactionTest {

  @Test
  void sixteenSmallSegmentsStayAndASeventeenthMergesTheSmallOnesIntoOne() {
    Map<String, Long> weights = heavy(16, 800_000L);
    weights.put("first-light", 150_000L); // a first run's bundle of a few long documents: not small
    for (int i = 0; i < 16; i++) {
      weights.put("rerun-" + (char) ('a' + i), 3_000L + i);
    }
    assertTrue(Compaction.merged(weights).isEmpty(), "16 small segments are not too many");
    weights.put("rerun-q", 2_000L);
    List<String> merged = new ArrayList<>(Compaction.merged(weights));
    assertEquals(17, merged.size(), "all small ones fit into one segment");
    assertEquals("rerun-q", merged.get(0), "lightest first");
    assertTrue(merged.stream().allMatch(id -> id.startsWith("rerun-")), "a first run's segments are never merged");
  }

  @Test
  void aMergeWeighsAtMostHalfTheHeaviestTakingTheLightestFirst() {
    Map<String, Long> weights = heavy(1, 100_000L);
    for (int i = 0; i < 20; i++) {
      weights.put(String.format("s%02d", i), 10_000L + (i % 2)); // ten of 10,000 and ten of 10,001
    }
    List<String> merged = new ArrayList<>(Compaction.merged(weights));
    assertEquals(List.of("s00", "s02", "s04", "s06", "s08"), merged, "five of 10,000 rows, equal weights by id");
  }

  @Test
  void segmentsOfAnEighthOfTheHeaviestAreNotSmall() {
    Map<String, Long> weights = heavy(40, 100_000L);
    weights.put("heaviest", 800_000L);
    assertTrue(Compaction.merged(weights).isEmpty());
  }

  @Test
  void aSegmentWeighsItsMembersDistinctTerms() {
    Member a = new Member("a", "RT", "", "", "k", false, 10, 1, 5, 4, 4, 0, "p1");
    Member b = new Member("b", "RT", "", "", "k", true, 10, 1, 5, 4, 7, 0, "");
    assertEquals(11L, Compaction.weight(List.of(a, b)));
  }

  private static Map<String, Long> heavy(int count, long weight) {
    Map<String, Long> weights = new HashMap<>();
    for (int i = 0; i < count; i++) {
      weights.put("first-" + i, weight);
    }
    return weights;
  }
}
