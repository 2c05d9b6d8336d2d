package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class SentenceJoinsTest {

  /** The sentences of {@code parts} (cut where the detector would have cut) after {@link SentenceJoins#join}. */
  private static List<String> joined(String... parts) {
    String text = String.join(" ", parts);
    List<Span> spans = new ArrayList<>();
    int at = 0;
    for (String part : parts) {
      spans.add(new Span(at, at + part.length()));
      at += part.length() + 1;
    }
    return Arrays.stream(SentenceJoins.join(text, spans.toArray(Span[]::new))).map(s -> text.substring(s.getStart(), s.getEnd())).toList();
  }

  @Test
  void joinsCutsAfterAnAbbreviationBeforeALowerCaseWord() {
    assertEquals(List.of("Director Alexander Jr. has resigned."), joined("Director Alexander Jr.", "has resigned."));
    assertEquals(List.of("It bought Woodco Inc. for cash."), joined("It bought Woodco Inc.", "for cash."));
  }

  @Test
  void joinsCutsAfterInitialsOfAName() {
    assertEquals(List.of("Director Clifford L. Alexander resigned."), joined("Director Clifford L.", "Alexander resigned."));
    assertEquals(List.of("A unit of E.F. Hutton said so."), joined("A unit of E.F.", "Hutton said so."));
    assertEquals(List.of("It rose.", "E.F. Hutton said so."), joined("It rose.", "E.F.", "Hutton said so."));
    assertEquals(List.of("The offer to the E.F. Hutton Group failed."), joined("The offer to the E.F.", "Hutton Group failed."));
  }

  @Test
  void joinsCutsBeforeAMarkThatCannotBeginASentenceAndAfterATitle() {
    assertEquals(List.of("A holiday in Sarasota , Fla . , for the occasion ."),
        joined("A holiday in Sarasota , Fla .", ", for the occasion ."));
    assertEquals(List.of("It was 5 pct. ; the rest was cash."), joined("It was 5 pct.", "; the rest was cash."));
    assertEquals(List.of("Mrs. William Odell and Mrs. Clinton B. King will judge."),
        joined("Mrs. William Odell and Mrs.", "Clinton B. King will judge."));
    assertEquals(List.of("He asked Dr. Jenkins."), joined("He asked Dr.", "Jenkins."));
  }

  @Test
  void joinsCutsAfterASaintsMountsOrFortsAbbreviationButNotAfterAStreets() {
    assertEquals(List.of("The Packs meet St. Louis tonight."), joined("The Packs meet St.", "Louis tonight."));
    assertEquals(List.of("Funds for Danny's St. Jude hospital."), joined("Funds for Danny's St.", "Jude hospital."));
    assertEquals(List.of("St. Paul wrote it."), joined("St.", "Paul wrote it."));
    assertEquals(List.of("He lives on Main St.", "The house is old."), joined("He lives on Main St.", "The house is old."));
  }

  @Test
  void keepsCutsAfterOtherSentenceEnds() {
    assertEquals(List.of("Imports into the U.S.", "Analysts said so."), joined("Imports into the U.S.", "Analysts said so."));
    assertEquals(List.of("He lives in Washington, D.C.", "He said so."), joined("He lives in Washington, D.C.", "He said so."));
    assertEquals(List.of("It fell 5 pct.", "The company said so."), joined("It fell 5 pct.", "The company said so."));
    assertEquals(List.of("It went to Paris.", "then it rose."), joined("It went to Paris.", "then it rose."));
    assertEquals(List.of("Sales rose in the U.S.", "\"We are glad.\""), joined("Sales rose in the U.S.", "\"We are glad.\""));
  }
}
