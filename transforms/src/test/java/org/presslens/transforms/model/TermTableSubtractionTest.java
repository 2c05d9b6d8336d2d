package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TermTableSubtractionTest {

  @Test
  void aDocumentTakenAwayLeavesTheTableOfTheOthers() {
    TermTable table = new TermTable().addDocument(Map.of("nato", 2, "asia", 1), 9)
        .addDocument(Map.of("nato", 1, "only", 3), 5)
        .addDocument(Map.of("asia", 4), 6);
    table.subtractDocument(Map.of("nato", 1, "only", 3), 5);
    assertEquals(0, table.count("only"));
    TermTable expected = new TermTable().addDocument(Map.of("nato", 2, "asia", 1), 9).addDocument(Map.of("asia", 4), 6);
    TermTable compact = table.withoutEmpty();
    assertEquals(expected, compact);
    assertEquals(2, compact.size());
    assertEquals(15, compact.tokens());
    assertEquals(2, compact.documents());
    assertEquals(2, compact.documentFrequency("asia"));
    assertSame(compact, compact.withoutEmpty());
  }

  @Test
  void aDocumentTheTableDoesNotHoldCannotBeTakenAway() {
    TermTable table = new TermTable().addDocument(Map.of("nato", 2), 9);
    assertThrows(IllegalStateException.class, () -> table.subtractDocument(Map.of("asia", 1), 1));
    assertThrows(IllegalStateException.class, () -> table.subtractDocument(Map.of("nato", 3), 1));
    TermTable empty = new TermTable();
    assertThrows(IllegalStateException.class, () -> empty.subtractDocument(Map.of(), 0));
  }
}
