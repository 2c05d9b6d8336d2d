package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.CooccurrenceTable.Pair;
import org.presslens.transforms.model.CooccurrenceTable.Window;

class CooccurrenceTableTest {

  private static Mention mention(String name, int sentence, int start) {
    return new Mention(name, "person", name, sentence, start, start + 1, Mention.DICTIONARY);
  }

  @Test
  void aUnitWithMoreEntitiesThanTheLimitPairsOnlyItsMostMentioned() {
    int n = CooccurrenceTable.MAX_PAIRED_ENTITIES + 1;
    ArrayList<Mention> mentions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = String.format("E%04d", i);
      mentions.add(mention(name, i, 0));
      if (i != 7) { // E0007 is the one entity mentioned once
        mentions.add(mention(name, i, 2));
      }
    }
    CooccurrenceTable table = new CooccurrenceTable()
        .add(new DocumentEntities("d", "o", mentions, n, new HashMap<>()));
    CooccurrenceTable.Units document = table.units(Window.DOCUMENT);
    List<Pair> pairs = document.pairs(1);
    long expected = (long) (n - 1) * (n - 2) / 2;
    assertEquals(expected, pairs.size(), "pairs among the 1,000 most mentioned");
    assertTrue(pairs.stream().noneMatch(p -> p.a().startsWith("E0007") || p.b().startsWith("E0007")));
    assertTrue(document.unitsOf(mentions.get(14).key()) == 1 && document.unitsOf(mention("E0007", 0, 0).key()) == 1,
        "every entity still counts its unit");
  }

  /**
   * Pairs put in order of their entities' key ranks as packed numbers come in the same order as
   * through the map from rank pair to index, which serves tables too large to pack; pairs counted
   * fewer times than asked are left out either way.
   */
  @Test
  void pairsInKeyOrderPackedOrMappedAlike() {
    java.util.Random random = new java.util.Random(11);
    CooccurrenceTable table = new CooccurrenceTable();
    for (int d = 0; d < 300; d++) {
      ArrayList<Mention> mentions = new ArrayList<>();
      for (int m = 0; m < 6; m++) {
        mentions.add(mention("N" + random.nextInt(60), 0, 2 * m));
      }
      table.add(new DocumentEntities("d" + d, "o", mentions, 1, new HashMap<>()));
    }
    CooccurrenceTable.Units document = table.units(Window.DOCUMENT);
    assertTrue(document.packs());
    int[] rank = document.keyRanks();
    for (long minCount : new long[] {1, 2, 5}) {
      int[] packed = document.inKeyOrder(rank, minCount, true);
      assertEquals(java.util.Arrays.toString(document.inKeyOrder(rank, minCount, false)), java.util.Arrays.toString(packed));
      assertTrue(packed.length > 10, "enough pairs at " + minCount + ": " + packed.length);
    }
    assertTrue(document.inKeyOrder(rank, 5, true).length < document.inKeyOrder(rank, 1, true).length);
  }

  @Test
  void belowTheLimitEveryPairCounts() {
    ArrayList<Mention> mentions = new ArrayList<>(List.of(mention("A", 0, 0), mention("B", 0, 2), mention("C", 1, 0)));
    CooccurrenceTable table = new CooccurrenceTable().add(new DocumentEntities("d", "o", mentions, 2, new HashMap<>()));
    assertEquals(3, table.units(Window.DOCUMENT).pairs(1).size());
    assertEquals(1, table.units(Window.SENTENCE).pairs(1).size());
  }
  @Test
  void pairsComeByCountThenKeysWithTheirEntitiesUnits() {
    java.util.Random random = new java.util.Random(7);
    String[] names = {"Zeta", "alpha", "Alpha", "Mu", "B\u00e9la", "Bela", "Kyiv", "Kiev", "Oslo", "Ng"};
    CooccurrenceTable table = new CooccurrenceTable();
    for (int d = 0; d < 60; d++) {
      ArrayList<Mention> mentions = new ArrayList<>();
      for (int sentence = 0; sentence < 3; sentence++) {
        for (int k = random.nextInt(4); k >= 0; k--) {
          mentions.add(mention(names[random.nextInt(names.length)], sentence, 2 * k));
        }
      }
      table.add(new DocumentEntities("d" + d, "o", mentions, 3, new HashMap<>()));
    }
    for (Window window : Window.values()) {
      CooccurrenceTable.Units units = table.units(window);
      long min = units.pairs(1).stream().mapToLong(Pair::cooccurrences).min().orElseThrow() + 1;
      List<Pair> listed = units.pairs(min);
      List<Pair> sorted = new ArrayList<>(listed);
      java.util.Collections.shuffle(sorted, random);
      sorted.sort(java.util.Comparator.comparingLong(Pair::cooccurrences).reversed()
          .thenComparing(Pair::a).thenComparing(Pair::b));
      assertTrue(listed.size() > 10, window + ": pairs to order, " + listed.size());
      assertEquals(sorted, listed, window.code());
      assertEquals(units.pairs(1).stream().filter(p -> p.cooccurrences() >= min).count(), listed.size(),
          window + ": every pair of at least " + min + " units");
      assertTrue(units.pairs(1).size() > listed.size(), window + ": pairs left out");
      for (Pair p : listed) {
        assertTrue(p.a().compareTo(p.b()) < 0);
        assertEquals(units.unitsOf(p.a()), p.unitsA());
        assertEquals(units.unitsOf(p.b()), p.unitsB());
      }
    }
  }
}
