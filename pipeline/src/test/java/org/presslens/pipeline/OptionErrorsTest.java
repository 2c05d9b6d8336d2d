package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OptionErrorsTest {

  private static String refusal(String... args) {
    return assertThrows(UsageException.class, () -> PressLens.parse(args)).getMessage();
  }

  @Test
  void anUnknownOptionIsNamedWithBeamsSuggestion() {
    assertEquals("unknown option --maxNgrams: did you mean --maxNgram?", refusal("--maxNgrams=2"));
    assertEquals("unknown option --noSuchThing", refusal("--noSuchThing=2"));
  }

  @Test
  void aValueOfTheWrongKindNamesItsOptionOnOneLine() {
    assertEquals("--maxNgram must be a whole number, was two", refusal("--output=x", "--maxNgram=two"));
    assertEquals("--entities must be true or false, was maybe", refusal("--entities=maybe"));
    assertEquals("--priorScale must be a number, was 1,5", refusal("--priorScale=1,5"));
    assertEquals("--maxNgram needs a value (--maxNgram=...), which must be a whole number", refusal("--maxNgram"));
  }

  @Test
  void otherRefusalsKeepBeamsFirstLine() {
    assertEquals("Argument 'maxNgram=3' does not begin with '--'", refusal("maxNgram=3"));
  }
}
