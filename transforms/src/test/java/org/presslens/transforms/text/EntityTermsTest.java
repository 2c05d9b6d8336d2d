package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.Mention;

class EntityTermsTest {

  private static Mention mention(String canonical, int sentence, int start, int end) {
    return new Mention(canonical, "person", canonical, sentence, start, end, Mention.BOTH);
  }

  @Test
  void multiwordMentionsBecomeOneTermAndNgramsRunAcrossThem() {
    // "Jens Stoltenberg met the U.S. delegation ." / "The Bank of England , however , waited ."
    List<String[]> terms = List.of(
        new String[] {"jens", "stoltenberg", "met", "the", "u.s.", "delegation", null},
        new String[] {"the", "bank", "of", "england", null, "however", null, "waited", null});
    List<Mention> mentions = List.of(mention("Jens Stoltenberg", 0, 0, 2), mention("United States", 0, 4, 5),
        mention("Bank of England", 1, 1, 4));

    List<String[]> compound = EntityTerms.compound(terms, mentions);

    assertArrayEquals(new String[] {"jens_stoltenberg", "met", "the", "u.s.", "delegation", null}, compound.get(0));
    assertArrayEquals(new String[] {"the", "bank_of_england", null, "however", null, "waited", null}, compound.get(1));
    TermCounter counter = new TermCounter(StopWords.english(), 2, false);
    Map<String, Integer> counts = counter.count(compound);
    assertEquals(1, counts.get("jens_stoltenberg"));
    assertEquals(1, counts.get("jens_stoltenberg met"));
    assertEquals(null, counts.get("stoltenberg"));
    assertEquals(null, counts.get("jens"));
    assertEquals(1, counts.get("bank_of_england"));
    assertEquals(1, TermCounter.gramSize("bank_of_england"));
  }

  @Test
  void punctuationInsideAMentionIsLeftOutAndOverlapsAreSkipped() {
    List<String[]> terms = List.<String[]>of(new String[] {"procter", null, "gamble", "rose"});
    List<Mention> mentions = List.of(mention("Procter & Gamble", 0, 0, 3), mention("Gamble", 0, 2, 4));

    assertArrayEquals(new String[] {"procter_gamble", "rose"}, EntityTerms.compound(terms, mentions).get(0));
    assertEquals(0, EntityTerms.compound(List.of(), mentions).size());
  }
}
