package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.ner.MentionMerger.Candidate;

class PlaceNamesTest {

  /**
   * The candidates that survive the building rule: one organisation for each capitalised token
   * and a place for each of {@code places} (given as token ranges, "from-to").
   */
  private static List<String> kept(String sentence, String... places) {
    String[] tokens = sentence.split(" ");
    List<Candidate> candidates = ModelSpans.oneForEachCapitalised(tokens, "organization");
    for (String place : places) {
      String[] range = place.split("-");
      candidates.add(new Candidate(Integer.parseInt(range[0]), Integer.parseInt(range[1]), "location", Mention.MODEL,
          0.9));
    }
    PlaceNames.removeBuildingsInLowerCase(tokens, candidates);
    return ModelSpans.words(tokens, candidates);
  }

  @Test
  void aBuildingNamedWithItsNounInLowerCaseIsNoMention() {
    assertEquals(List.of("Mr", "Sethness"), kept("Mr Sethness is in Illinois Masonic hospital for surgery"));
    // the place is only a part of the words before the noun
    assertEquals(List.of("It", "Nov."), kept("It opens in the Oak Park Arms hotel Nov. 2", "4-6"));
  }

  @Test
  void aPlaceThatIsAllTheWordsBeforeTheNounSaysWhereTheBuildingIs() {
    assertEquals(List.of("New York", "Boston"), kept("a New York hospital and a Boston hotel", "1-3", "6-7"));
    // an article before the place is not part of it
    assertEquals(List.of("The", "Fifth Avenue"), kept("The Fifth Avenue hotel", "1-3"));
    // a noun in lower case that names no building leaves the words before it alone
    assertEquals(List.of("Oak", "Park"), kept("in Oak Park schools"));
  }
}
