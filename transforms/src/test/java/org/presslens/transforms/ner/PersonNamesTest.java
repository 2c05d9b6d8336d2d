package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.text.StopWords;

class PersonNamesTest {

  private static final PersonNames NAMES = new PersonNames(StopWords.english());

  private static List<String> afterTitles(String sentence) {
    String[] tokens = sentence.split(" ");
    return NAMES.afterTitles(tokens).stream()
        .map(span -> String.join(" ", Arrays.copyOfRange(tokens, span[0], span[1]))).toList();
  }

  @Test
  void capitalisedWordsAfterATitleAreAPersonsName() {
    assertEquals(List.of("Sumner Redstone"), afterTitles("Investor Sumner Redstone , who leads a group"));
    assertEquals(List.of("Abdul-Aziz bin Khalifa al-Thani"),
        afterTitles("Finance Minister Sheikh Abdul-Aziz bin Khalifa al-Thani said"));
    assertEquals(List.of("Carl Singer", "Kennedy"), afterTitles("Chairman Carl Singer met President Kennedy ."));
    assertEquals(List.of("Javier Solana"), afterTitles("NATO Secretary General Javier Solana said"));
    assertEquals(List.of(), afterTitles("the President said the Chairman of the board"), "a title alone names nobody");
    assertEquals(List.of(), afterTitles("the Lord Mayor said"));
    assertEquals(List.of(), afterTitles("Minister of Regional Expansion"), "a word other than a name ends it");
  }

  @Test
  void titlesAreLeftOutAndParticlesKept() {
    String[] tokens = "said Sheikh Ali al-Khalifa al-Sabah and Ludwig van Beethoven".split(" ");
    assertEquals(2, PersonNames.withoutTitles(tokens, 1, 3), "Ali");
    assertEquals(5, PersonNames.withParticles(tokens, 3), "al-Khalifa al-Sabah");
    assertEquals(9, PersonNames.withParticles(tokens, 7), "van Beethoven");
    assertEquals(5, PersonNames.withParticles(tokens, 5), "and is not a particle");
  }

  @Test
  void descriptionsWrittenAsTitlesAreLeftOutButGivenNamesOfTheirShapeKept() {
    String[] tokens = "Valedictorian Holmes , Conductor Pfohl , Geneticist Beadle , Victor Hugo , Julian Bond".split(" ");
    assertEquals(1, PersonNames.withoutTitles(tokens, 0, 2), "Holmes");
    assertEquals(4, PersonNames.withoutTitles(tokens, 3, 5), "Pfohl");
    assertEquals(7, PersonNames.withoutTitles(tokens, 6, 8), "Beadle");
    assertEquals(9, PersonNames.withoutTitles(tokens, 9, 11), "Victor is a given name");
    assertEquals(12, PersonNames.withoutTitles(tokens, 12, 14), "Julian is a given name");
  }
}
