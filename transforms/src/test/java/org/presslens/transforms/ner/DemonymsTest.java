package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DemonymsTest {

  private final Demonyms demonyms = new Demonyms(Set.of("Nicaragua", "Germany", "Michigan", "Afghanistan", "Iraq"));

  @Test
  void aWordEndingAsDemonymsDoAfterTheStemOfAnotherNameWordIsOne() {
    assertTrue(demonyms.looksLikeDemonym("Nicaraguan"));
    assertTrue(demonyms.looksLikeDemonym("German"));
    assertTrue(demonyms.looksLikeDemonym("Iraqi"));
  }

  @Test
  void aNameWordWhoseStemBeginsOnlyItselfOrAShortStemIsNone() {
    assertFalse(demonyms.looksLikeDemonym("Michigan"));
    assertFalse(demonyms.looksLikeDemonym("Afghanistan"));
    assertFalse(demonyms.looksLikeDemonym("Iran"), "a stem of three letters");
    assertFalse(demonyms.looksLikeDemonym("Bolivian"), "no name word begins with its stem");
  }
}
