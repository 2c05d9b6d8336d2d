package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermOrderTest {

  /**
   * Characters on each side of every boundary the packed starts have: the end of a string, NUL,
   * ASCII, Latin-1 above 127 (the sign of a long), 254 / 255 / 256 (where a start stops), beyond
   * Latin-1 and surrogate pairs.
   */
  private static final String ALPHABET = "\u0000 -abz\u007f\u0080\u00e9\u00fe\u00ff\u0100\u0101\u4e2d\ud83d\ude00";

  @Test
  void ordersAsCompareToDoes() {
    Random random = new Random(20261206);
    Set<String> distinct = new LinkedHashSet<>();
    while (distinct.size() < 60_000) {
      StringBuilder term = new StringBuilder();
      int length = random.nextInt(9);
      for (int i = 0; i < length; i++) {
        term.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      distinct.add(term.toString());
    }
    String[] terms = distinct.toArray(String[]::new);
    String[] expected = terms.clone();
    Arrays.sort(expected);
    assertArrayEquals(expected, Arrays.stream(TermOrder.of(terms)).mapToObj(i -> terms[i]).toArray(String[]::new));
  }

  @Test
  void startsPackCharactersBelow255AndStopAtTheFirstOther() {
    assertEquals(0x6162000000L, TermOrder.start("ab"));
    assertEquals(0x61e9FF0000L, TermOrder.start("a\u00e9\u0100z"), "stops at the first character of 256");
    assertEquals(0x61FF000000L, TermOrder.start("a\u00ffz"), "stops at 255 too, which it cannot tell from 256");
    assertEquals(TermOrder.start("ab"), TermOrder.start("ab\u0000"), "an end and a NUL pack alike: compareTo decides");
  }

  @Test
  void aFewTermsKeepTheirStrings() {
    String[] terms = {"peace", "asia", "nato", "zoo", "nation", "nat"};
    assertArrayEquals(new String[] {"asia", "nat", "nation", "nato", "peace", "zoo"},
        Arrays.stream(TermOrder.of(terms)).mapToObj(i -> terms[i]).toArray(String[]::new));
  }
}
