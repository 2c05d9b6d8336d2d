package org.presslens.transforms.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.TextCuts;

class BoilerplateTest {

  @Test
  void candidatesAreShortLinesOfMultiLineDocuments() {
    String text = "Home | World | Sport\n\nThe minister   resigned on Monday.\n***\n" + "x".repeat(201) + "\nBack to Top\n";
    assertEquals(List.of("Home | World | Sport", "The minister resigned on Monday.", "Back to Top"),
        List.copyOf(BoilerplateLines.candidates(text)));
    assertEquals(Set.of(), BoilerplateLines.candidates("A one-line document is all content."));
  }

  @Test
  void stripRemovesOnlyTheGivenLinesAndSaysWhere() {
    BoilerplateLines.Stripped stripped = BoilerplateLines.strip("Home | World\n\nThe minister resigned.\n  Back  to Top \n",
        Set.of("Home | World", "Back to Top"));
    assertEquals("\nThe minister resigned.\n", stripped.text());
    assertEquals(new TextCuts(new int[] {0, 24}, new int[] {13, 16}), stripped.cuts());
    assertEquals(new BoilerplateLines.Stripped("no boilerplate", TextCuts.NONE),
        BoilerplateLines.strip("no boilerplate", Set.of()));
  }

  @Test
  void placesInTheStrippedTextMapToTheTextAsRead() {
    // CR LF and a character beyond the BMP before the cut: offsets count code points
    String asRead = "Menu\r\nThe \uD83D\uDE00 minister\r\nMenu\r\nMenu\r\nresigned \u2028Menu";
    BoilerplateLines.Stripped stripped = BoilerplateLines.strip(asRead, Set.of("Menu"));
    assertEquals("The \uD83D\uDE00 minister\r\nresigned \u2028", stripped.text());
    int[] asReadCodePoints = asRead.codePoints().toArray();
    int[] keptCodePoints = stripped.text().codePoints().toArray();
    for (String word : List.of("The", "minister", "resigned")) {
      int start = stripped.text().codePointCount(0, stripped.text().indexOf(word));
      int end = start + word.length();
      int from = stripped.cuts().startAsRead(start);
      int to = stripped.cuts().endAsRead(end);
      assertEquals(word, new String(asReadCodePoints, from, to - from), word);
      assertEquals(word, new String(keptCodePoints, start, end - start), word);
    }
    assertEquals(new TextCuts(new int[] {0, 16, 26}, new int[] {6, 12, 4}), stripped.cuts());
  }

  @Test
  void ruleNeedsBothDocumentCountAndShare() {
    LineCounts counts = new LineCounts();
    for (int i = 0; i < 10; i++) {
      counts.addDocument(i < 4 ? Set.of("Back to Top", "story " + i) : i < 6 ? Set.of("Share this", "story " + i) : Set.of("story " + i));
    }
    assertEquals(Map.of("Back to Top", 4), new BoilerplateRule(3, 0.3).apply(counts));
    assertEquals(Map.of("Back to Top", 4, "Share this", 2), new BoilerplateRule(2, 0.2).apply(counts));
    assertEquals(Map.of(), new BoilerplateRule(0, 0.2).apply(counts));
    LineCounts merged = new LineCounts();
    merged.addAll(counts);
    merged.addAll(counts);
    assertEquals(20, merged.documents());
    assertEquals(8, merged.lines().get("Back to Top"));
  }
}
