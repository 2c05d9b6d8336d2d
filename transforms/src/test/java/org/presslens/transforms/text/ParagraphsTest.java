package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphsTest {

  @Test
  void blankLinesAndCapitalisedLinesStartBlocks() {
    assertEquals(List.of("OPINION / VIEWPOINT", "Asia should avoid it", "Published: Feb 02"),
        Paragraphs.split("OPINION / VIEWPOINT\nAsia should avoid it\n\n\nPublished: Feb 02\n"));
  }

  @Test
  void lowerCaseContinuationJoinsHardWrappedLines() {
    assertEquals(List.of("Computer Terminal Systems Inc said it has completed the sale", "The company said"),
        Paragraphs.split("Computer Terminal Systems Inc said\n  it has completed the sale\r\n\r\nThe company said"));
  }

  @Test
  void aTextWrappedAtAFixedWidthJoinsLinesExceptBeforeIndentationAndAfterShortLines() {
    String wire = "Liebert Corp said its shareholders approved the merger of a\n"
        + "wholly-owned subsidiary of Emerson Electric Co. Under the terms of\n"
        + "the merger, each Liebert shareholder will receive .3322 shares of\n"
        + "Emerson stock for each Liebert share held on the record date.\n"
        + "    Nova said the Minister of Regional and Industrial Expansion,\n"
        + "Michel Cote, ruled on the purchase.\n"
        + "Reuter\n";
    assertEquals(List.of("Liebert Corp said its shareholders approved the merger of a wholly-owned subsidiary of Emerson "
        + "Electric Co. Under the terms of the merger, each Liebert shareholder will receive .3322 shares of Emerson stock "
        + "for each Liebert share held on the record date.",
        "Nova said the Minister of Regional and Industrial Expansion, Michel Cote, ruled on the purchase.", "Reuter"),
        Paragraphs.split(wire));
    // the same lines as paragraphs of a scraped page (most lines longer than a wrap width) stay apart
    String page = "Liebert Corp said its shareholders approved the merger of a wholly-owned subsidiary of Emerson Electric Co "
        + "and that each Liebert shareholder will receive .3322 shares.\nEmerson stock rose.\n"
        + "Nova said the Minister of Regional and Industrial Expansion ruled on the purchase of Husky Oil by Union Faith.\n"
        + "Michel Cote said the ruling was a key condition in completing the deal with Hutchison Whampoa.\nReuter";
    assertEquals(5, Paragraphs.split(page).size());
  }

  @Test
  void whitespaceOnlyTextHasNoBlocks() {
    assertEquals(List.of(), Paragraphs.split(" \n\t\n "));
  }
}
