package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

  /** Keys put before and after room is reserved, and after the map grows past it, are all found. */
  @Test
  void findsEveryKeyWhetherRoomWasReservedOrGrown() {
    Random random = new Random(3);
    LongIntMap map = new LongIntMap();
    Map<Long, Integer> expected = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      if (i == 100) {
        map.reserve(5_000);
      }
      if (i == 200) {
        map.reserve(50); // less than it holds: nothing changes
      }
      long key = random.nextLong();
      if (!expected.containsKey(key)) {
        map.putNew(key, i);
        expected.put(key, i);
      }
    }
    assertEquals(expected.size(), map.size());
    expected.forEach((key, value) -> assertEquals(value, map.get(key)));
    assertEquals(-1, map.get(42L));
  }
}
