package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermIndexTest {

  @Test
  void numbersStringsInTheOrderTheyComeAndFindsThem() {
    TermIndex index = new TermIndex(0);
    assertEquals(0, index.add("nato"));
    assertEquals(1, index.add("asia"));
    assertEquals(0, index.add("nato"), "a known string keeps its number");
    // "Aa" and "BB" have the same String hash: both are kept apart
    assertEquals(2, index.add("Aa"));
    assertEquals(3, index.add("BB"));
    assertEquals(3, index.find("BB"));
    assertEquals(2, index.find("Aa"));
    assertEquals(TermIndex.ABSENT, index.find("china"));
    assertEquals(List.of("nato", "asia", "Aa", "BB"), index.terms());
    assertEquals(4, index.size());
  }

  @Test
  void growsPastItsFirstSizeWithoutLosingAString() {
    TermIndex index = new TermIndex(4);
    List<String> added = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      String term = "w" + Integer.toString(i * 7919, 36) + (i % 3 == 0 ? " of the" : "");
      assertEquals(i, index.add(term));
      added.add(term);
    }
    assertEquals(added, index.terms());
    for (int i = 0; i < added.size(); i += 97) {
      assertEquals(i, index.find(added.get(i)));
      assertEquals(added.get(i), index.term(i));
    }
    assertEquals(TermIndex.ABSENT, index.find("w-1"));
  }
}
