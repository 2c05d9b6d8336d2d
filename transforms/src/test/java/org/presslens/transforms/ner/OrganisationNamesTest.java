package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.text.StopWords;

class OrganisationNamesTest {

  private static final OrganisationNames NAMES = new OrganisationNames(StopWords.english(), Set.of("Hong Kong"));

  private static List<String> legalForms(String sentence) {
    String[] tokens = sentence.split(" ");
    return NAMES.legalForms(tokens).stream()
        .map(span -> String.join(" ", Arrays.copyOfRange(tokens, span[0], span[1]))).toList();
  }

  @Test
  void namesEndWithALegalFormAfterCapitalisedWords() {
    assertEquals(List.of("Miller Tabak Hirsch and Co", "Bank of New York Co Inc"),
        legalForms("The Miller Tabak Hirsch and Co unit of Bank of New York Co Inc said"));
    assertEquals(List.of("MCV Holdings Inc"), legalForms("offers from Redstone and MCV Holdings Inc ."));
    assertEquals(List.of("Pierce Fenner and Smith Inc"), legalForms("Merrill Lynch , Pierce Fenner and Smith Inc has"));
    assertEquals(List.of("Heinl 's Nursery Inc"), legalForms("bought Miami-based Heinl 's Nursery Inc for"));
    assertEquals(List.of(), legalForms("the Co said its Inc"));
  }

  @Test
  void leadingWordsOfANameAreItsShortFormsLaterInTheDocument() {
    OrganisationNames.Document doc = NAMES.forDocument(Set.of("computer", "electric"));
    Mention terminal = new Mention("Computer Terminal Systems Inc", "organization", "Computer Terminal Systems Inc", 0, 0, 4,
        Mention.DICTIONARY);
    doc.remember("Computer Terminal Systems Inc said".split(" "), 0, 4, terminal);
    Mention electric = new Mention("Hong Kong Electric Holdings Ltd", "organization", "Hong Kong Electric Holdings Ltd", 0, 0,
        5, Mention.DICTIONARY);
    doc.remember("Hong Kong Electric Holdings Ltd".split(" "), 0, 5, electric);
    assertEquals(terminal, doc.shortFormOf("Computer Terminal"));
    assertNull(doc.shortFormOf("Computer"), "a word the document also writes in lower case");
    assertNull(doc.shortFormOf("Hong Kong"), "a gazetteer name");
    assertEquals(electric, doc.shortFormOf("Hong Kong Electric"));
    String[] later = "Computer Terminal said Computer Terminal Products rose".split(" "); // another name goes on: not a short form
    assertEquals(List.of("0-2"), doc.candidates(later).stream().map(c -> c.start() + "-" + c.end()).toList());
  }
}
