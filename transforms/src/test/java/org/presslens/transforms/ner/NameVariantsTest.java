package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
}
