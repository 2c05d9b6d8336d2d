package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.CooccurrenceTable.Window;

/**
 * Renaming spelling variants in summed tables gives the tables the documents would have summed to
 * had they written one spelling: for entities, co-occurrence and the trend tables' mention counts.
 */
class RenamedTablesTest {

  private static final String KIEV = Mention.key("Kiev", "location");
  private static final String KYIV = Mention.key("Kyiv", "location");
  private static final Map<String, String> RENAMES = Map.of(KIEV, KYIV);

  private static Mention m(String name, String type, String surface, int sentence, int start) {
    return new Mention(name, type, surface, sentence, start, start + 1, Mention.DICTIONARY);
  }

  /** Three documents of two outlets; the first calls the city Kiev, the others Kyiv. */
  private static List<AnalyzedDocument> documents(UnaryOperator<String> name) {
    return List.of(
        doc("a", "X", m(name.apply("Kiev"), "location", "Kiev", 0, 2), m("Putin", "person", "Putin", 0, 5),
            m("NATO", "organization", "NATO", 1, 0), m(name.apply("Kiev"), "location", "Kiev", 2, 4)),
        doc("b", "Y", m("Kyiv", "location", "Kyiv", 0, 0), m("Putin", "person", "Putin", 1, 1), m("Kyiv", "location", "Kyiv", 2, 3)),
        doc("c", "X", m("Kyiv", "location", "Kyiv", 0, 3), m("NATO", "organization", "NATO", 0, 0)));
  }

  private static AnalyzedDocument doc(String id, String outlet, Mention... mentions) {
    HashMap<Integer, String> quoted = new HashMap<>();
    for (Mention m : mentions) {
      quoted.put(m.sentence(), id + " sentence " + m.sentence());
    }
    return new AnalyzedDocument(id, outlet, "2024-01-0" + (id.charAt(0) - 'a' + 1), "", "", "UTF-8", "", "", 100, 3, 30, 10,
        new HashMap<>(Map.of("word", 3)), new ArrayList<>(List.of(mentions)), quoted);
  }

  /** The documents summed one table each, then merged: the way the runners sum them. */
  private static OutletTables summed(List<AnalyzedDocument> docs) {
    OutletTables total = new OutletTables();
    docs.forEach(d -> total.merge(new OutletTables().add(d)));
    return total;
  }

  @Test
  void renamedTablesEqualTablesOfDocumentsWithOneSpelling() {
    OutletTables variants = summed(documents(name -> name));
    OutletTables oneSpelling = summed(documents(name -> name.equals("Kiev") ? "Kyiv" : name));
    assertNotEquals(oneSpelling.entities(), variants.entities(), "the test starts from different tables");
    OutletTables renamed = variants.withEntitiesRenamed(RENAMES);
    assertEquals(oneSpelling.entities(), renamed.entities());
    assertEquals(oneSpelling.cooccurrence(), renamed.cooccurrence());
    assertEquals(3, renamed.entities().entities().get(KYIV).documentCount());
    assertEquals(Map.of("Kiev", 2L, "Kyiv", 3L), renamed.entities().entities().get(KYIV).surfaces(), "spellings as written stay");
    assertEquals(3, renamed.cooccurrence().units(Window.DOCUMENT).unitsOf(KYIV));
    assertEquals(0, renamed.cooccurrence().units(Window.DOCUMENT).unitsOf(KIEV));
  }

  @Test
  void renamedMentionCountsEqualThoseOfDocumentsWithOneSpelling() {
    DatedTables variants = new DatedTables();
    documents(name -> name).forEach(variants::add);
    DatedTables oneSpelling = new DatedTables();
    documents(name -> name.equals("Kiev") ? "Kyiv" : name).forEach(oneSpelling::add);
    DatedTables renamed = variants.withEntitiesRenamed(RENAMES);
    assertEquals(oneSpelling.entities(), renamed.entities());
    assertEquals(5, renamed.entities().count(KYIV));
    assertEquals(3, renamed.entities().documentFrequency(KYIV));
    assertSame(variants.terms(), renamed.terms());
  }

  @Test
  void anOutletWithoutTheChosenSpellingGetsIt() {
    OutletTables outletX = summed(documents(name -> name).subList(0, 1));
    OutletTables renamed = outletX.withEntitiesRenamed(RENAMES);
    assertEquals(summed(documents(name -> name.equals("Kiev") ? "Kyiv" : name).subList(0, 1)).entities(), renamed.entities());
    assertEquals("Kyiv", renamed.entities().entities().get(KYIV).canonical());
  }

  @Test
  void tablesWithoutARenamedEntityStayAsTheyAre() {
    OutletTables outletY = summed(documents(name -> name).subList(1, 2));
    assertSame(outletY, outletY.withEntitiesRenamed(RENAMES));
    assertSame(outletY.entities(), outletY.entities().renamed(Map.of()));
    DatedTables datedY = new DatedTables();
    documents(name -> name).subList(1, 2).forEach(datedY::add);
    org.presslens.transforms.time.PeriodTables periods =
        new org.presslens.transforms.time.PeriodTables(new java.util.TreeMap<>(Map.of("2024-01", datedY)));
    assertSame(periods, periods.withEntitiesRenamed(RENAMES));
  }
}
