package org.presslens.transforms.boilerplate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.TextCuts;

class BoilerplateTest {

  @Test
  void candidatesAreShortLinesOfMultiLineDocuments() {
    String text = "Home | World | Sport\n\nThe minister   resigned on Monday.\n***\n" + "x".repeat(201)
        + "\nBack to Top\n  Home |  World | Sport\n"; // a line twice is one candidate
    assertArrayEquals(hashes("Home | World | Sport", "The minister resigned on Monday.", "Back to Top"),
        BoilerplateLines.candidateHashes(text));
    assertArrayEquals(new long[0], BoilerplateLines.candidateHashes("A one-line document is all content."));
  }

  @Test
  void stripRemovesOnlyTheGivenLinesAndSaysWhere() {
    BoilerplateLines.Stripped stripped = BoilerplateLines.strip("Home | World\n\nThe minister resigned.\n  Back  to Top \n",
        lines("Home | World", "Back to Top"));
    assertEquals("\nThe minister resigned.\n", stripped.text());
    assertEquals(new TextCuts(new int[] {0, 24}, new int[] {13, 16}), stripped.cuts());
    assertEquals(new BoilerplateLines.Stripped("no boilerplate", TextCuts.NONE),
        BoilerplateLines.strip("no boilerplate", lines()));
  }

  @Test
  void placesInTheStrippedTextMapToTheTextAsRead() {
    // CR LF and a character beyond the BMP before the cut: offsets count code points
    String asRead = "Menu\r\nThe \uD83D\uDE00 minister\r\nMenu\r\nMenu\r\nresigned \u2028Menu";
    BoilerplateLines.Stripped stripped = BoilerplateLines.strip(asRead, lines("Menu"));
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

  /** The lines as a predicate of line hashes. */
  static LongPredicate lines(String... lines) {
    Set<Long> hashes = new HashSet<>();
    for (String line : lines) {
      hashes.add(BoilerplateLines.hash(line));
    }
    return hashes::contains;
  }

  private static long[] hashes(String... lines) {
    return Arrays.stream(lines).mapToLong(BoilerplateLines::hash).sorted().toArray();
  }

  @Test
  void strippingTellsTheTextOfEachLineCut() {
    List<String> cut = new ArrayList<>();
    BoilerplateLines.strip("Home | World\nstory\n  Back  to Top \nHome | World", lines("Home | World", "Back to Top"), cut::add);
    assertEquals(List.of("Home | World", "Back to Top", "Home | World"), cut);
  }

  @Test
  void ruleNeedsBothDocumentCountAndShare() {
    LineCounts counts = new LineCounts();
    for (int i = 0; i < 10; i++) {
      String story = "story " + i;
      counts.addDocument(i < 4 ? hashes("Back to Top", story) : i < 6 ? hashes("Share this", story) : hashes(story));
    }
    long top = BoilerplateLines.hash("Back to Top");
    long share = BoilerplateLines.hash("Share this");
    BoilerplateHashes strict = new BoilerplateRule(3, 0.3).apply(counts);
    assertEquals(10, strict.documents());
    assertEquals(4, strict.count(top));
    assertEquals(0, strict.count(share));
    assertEquals(0, strict.count(BoilerplateLines.hash("story 1")));
    BoilerplateHashes lenient = new BoilerplateRule(2, 0.2).apply(counts);
    assertEquals(4, lenient.count(top));
    assertEquals(2, lenient.count(share));
    assertTrue(new BoilerplateRule(0, 0.2).apply(counts).isEmpty());
    LineCounts merged = new LineCounts();
    merged.addAll(counts);
    merged.addAll(counts);
    merged.addAll(LineCounts.ofDocument(hashes("Back to Top")));
    assertEquals(21, merged.documents());
    assertEquals(9, new BoilerplateRule(1, 0).apply(merged).count(top));
    assertEquals(2, new BoilerplateRule(1, 0).apply(merged).count(BoilerplateLines.hash("story 1")));
  }
}
