package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reruns merge their small segments among themselves, never a first run's large ones. */
class CompactionTest {

  @Test
  void sixteenSmallSegmentsStayAndASeventeenthMergesTheSmallestIntoOne() {
    Map<String, Integer> sizes = large(16, 1_500);
    for (int i = 0; i < 16; i++) {
      sizes.put("small-" + (char) ('a' + i), 7 + i);
    }
    assertTrue(Compaction.merged(sizes).isEmpty(), "16 small segments are not too many");
    sizes.put("small-q", 3);
    List<String> merged = new ArrayList<>(Compaction.merged(sizes));
    assertEquals(17, merged.size(), "all small ones fit into one segment");
    assertEquals("small-q", merged.get(0), "smallest first");
    assertTrue(merged.stream().allMatch(id -> id.startsWith("small-")), "a first run's segments are never merged");
  }

  @Test
  void aMergeStopsAtTheMembersOfOneSegmentTakingTheSmallestFirst() {
    Map<String, Integer> sizes = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      sizes.put(String.format("s%02d", i), 1_000 + (i % 2)); // ten of 1,000 and ten of 1,001
    }
    List<String> merged = new ArrayList<>(Compaction.merged(sizes));
    assertEquals(List.of("s00", "s02", "s04", "s06", "s08"), merged, "five of 1,000 members, equal sizes by id");
  }

  @Test
  void segmentsOfAQuarterOfTheLargestSizeAreNotSmall() {
    Map<String, Integer> sizes = large(40, Compaction.SMALL);
    assertTrue(Compaction.merged(sizes).isEmpty());
  }

  private static Map<String, Integer> large(int count, int members) {
    Map<String, Integer> sizes = new HashMap<>();
    for (int i = 0; i < count; i++) {
      sizes.put("first-" + i, members);
    }
    return sizes;
  }
}
