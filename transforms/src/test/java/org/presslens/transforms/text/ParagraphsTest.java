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
  void whitespaceOnlyTextHasNoBlocks() {
    assertEquals(List.of(), Paragraphs.split(" \n\t\n "));
  }
}
