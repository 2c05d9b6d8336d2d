package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.DocumentEntities;
import org.presslens.transforms.model.EntityTable;
import org.presslens.transforms.model.EntityTable.Entity;
import org.presslens.transforms.model.Mention;

class NameVariantsTest {

  @Test
  void transliterationsOfOneNameHaveOneKey() {
    assertEquals(NameVariants.key("Volodymyr Zelensky"), NameVariants.key("Volodymyr Zelenskyy"));
    assertEquals(NameVariants.key("Zelensky"), NameVariants.key("Zelenskiy"));
    assertEquals(NameVariants.key("Kadhafi"), NameVariants.key("Qaddafi"));
    assertEquals(NameVariants.key("Kiev"), NameVariants.key("Kyiv"));
    assertEquals(NameVariants.key("Recep Tayyip Erdogan"), NameVariants.key("Recep Tayyip Erdoğan"));
    assertEquals(NameVariants.key("Abdel Fattah el-Sisi"), NameVariants.key("Abdel Fattah al-Sisi"));
    assertEquals("zelenski", NameVariants.key("Zelenskyy"));
    assertNotEquals(NameVariants.key("Jan Smith"), NameVariants.key("Ian Smith"));
    assertNotEquals(NameVariants.key("Austria"), NameVariants.key("Australia"));
  }

  private static Mention m(String canonical, String type) {
    return new Mention(canonical, type, canonical, 0, 0, 1, Mention.MODEL);
  }

  private static List<String> names(List<Mention> mentions) {
    return mentions.stream().map(Mention::canonical).toList();
  }

  @Test
  void variantsInADocumentAreOneEntityTheMostMentionedSpellingOrAGazetteerName() {
    List<Mention> doc = List.of(m("Zelenskyy", "person"), m("Zelensky", "person"), m("Zelensky", "person"),
        m("Kiev", "location"), m("Kyiv", "location"), m("Li", "person"), m("Ly", "person"), m("Zelenskiy", "organization"));
    assertEquals(List.of("Zelensky", "Zelensky", "Zelensky", "Kyiv", "Kyiv", "Li", "Ly", "Zelenskiy"),
        names(NameVariants.merge(doc, Set.of("Kyiv")::contains, name -> false)),
        "short keys and organisations are left alone");
    assertEquals(List.of("Zelensky", "Zelensky", "Zelensky", "Kiev", "Kiev"),
        names(NameVariants.merge(doc.subList(0, 5), name -> false, name -> false)),
        "the most used spelling; the first of equally used ones");
    assertEquals(List.of("Zelenskyy", "Zelensky", "Zelensky"),
        names(NameVariants.merge(doc.subList(0, 3), name -> false, Set.of("Zelenskyy")::contains)), "an alias decides");
  }

  /** A corpus table of one document per name: each mentioned {@code times} times. */
  private static EntityTable corpus(Object... nameTypeTimes) {
    EntityTable table = new EntityTable();
    for (int i = 0; i < nameTypeTimes.length; i += 3) {
      ArrayList<Mention> mentions = new ArrayList<>();
      for (int k = 0; k < (int) nameTypeTimes[i + 2]; k++) {
        mentions.add(m((String) nameTypeTimes[i], (String) nameTypeTimes[i + 1]));
      }
      table.add(new DocumentEntities("d" + i, "o", mentions, 1, new HashMap<>()));
    }
    return table;
  }

  private static String describe(NameVariants.Group g) {
    return g.name().canonical() + " (" + g.chosenBy() + "): " + g.spellings().stream().map(Entity::canonical).toList();
  }

  @Test
  void acrossTheCorpusVariantsOfFullNamesAndPlacesAreGrouped() {
    EntityTable table = corpus("Volodymyr Zelenskyy", "person", 2, "Volodymyr Zelensky", "person", 5,
        "Volodymyr Zelenskiy", "person", 1, "Kiev", "location", 4, "Kyiv", "location", 1, "Brian", "person", 2,
        "Bryan", "person", 3, "Hayti", "location", 1, "Haiti", "location", 1, "Zelensky Fund", "organization", 1,
        "Zelenskyy Fund", "organization", 1);
    List<NameVariants.Group> groups = NameVariants.acrossCorpus(table, Set.of("Kyiv")::contains, name -> false);
    assertEquals(List.of("Haiti (most mentioned): [Haiti, Hayti]", "Kyiv (gazetteer name): [Kiev, Kyiv]",
        "Volodymyr Zelensky (most mentioned): [Volodymyr Zelensky, Volodymyr Zelenskyy, Volodymyr Zelenskiy]"),
        groups.stream().map(NameVariantsTest::describe).toList(),
        "one-word person names and organisations stay apart; equal counts go to the first name in order");
    assertEquals(Map.of(Mention.key("Kiev", "location"), Mention.key("Kyiv", "location"),
        Mention.key("Hayti", "location"), Mention.key("Haiti", "location"),
        Mention.key("Volodymyr Zelenskyy", "person"), Mention.key("Volodymyr Zelensky", "person"),
        Mention.key("Volodymyr Zelenskiy", "person"), Mention.key("Volodymyr Zelensky", "person")),
        NameVariants.renames(groups));
  }

  @Test
  void anAliasKeepsASpellingOutOfTheCorpusMerge() {
    EntityTable table = corpus("Kiev", "location", 4, "Kyiv", "location", 1, "Kyyiv", "location", 1);
    List<NameVariants.Group> groups = NameVariants.acrossCorpus(table, name -> false, Set.of("Kiev")::contains);
    assertEquals(List.of("Kyiv (most mentioned): [Kyiv, Kyyiv]"), groups.stream().map(NameVariantsTest::describe).toList());
    assertEquals(List.of(), NameVariants.acrossCorpus(corpus("Kiev", "location", 4), name -> false, name -> false));
  }
}
