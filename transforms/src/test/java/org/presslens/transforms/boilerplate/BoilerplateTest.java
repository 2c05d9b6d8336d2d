package org.presslens.transforms.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoilerplateTest {

  @Test
  void candidatesAreShortLinesOfMultiLineDocuments() {
    String text = "Home | World | Sport\n\nThe minister   resigned on Monday.\n***\n" + "x".repeat(201) + "\nBack to Top\n";
    assertEquals(List.of("Home | World | Sport", "The minister resigned on Monday.", "Back to Top"),
        List.copyOf(BoilerplateLines.candidates(text)));
    assertEquals(Set.of(), BoilerplateLines.candidates("A one-line document is all content."));
  }

  @Test
  void stripRemovesOnlyTheGivenLines() {
    assertEquals("\nThe minister resigned.\n\n",
        BoilerplateLines.strip("Home | World\n\nThe minister resigned.\n  Back  to Top \n", Set.of("Home | World", "Back to Top")));
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
