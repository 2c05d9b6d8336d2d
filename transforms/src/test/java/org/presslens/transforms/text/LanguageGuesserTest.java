package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

public class LanguageGuesserTest {

  public static final String GERMAN = "Die Bundesregierung hat am Montag neue Maßnahmen zur Förderung erneuerbarer Energien "
      + "beschlossen. Der Wirtschaftsminister erklärte in Berlin, dass die Kosten für Verbraucher nicht steigen sollen. "
      + "Kritiker aus der Opposition bezweifeln jedoch, dass die Pläne ausreichend finanziert sind. Die Länder "
      + "fordern seit Monaten mehr Geld vom Bund und wollen im Bundesrat über die Vorschläge beraten.";

  @Test
  void tellsGermanFromEnglishAboveTheRejectionThreshold() {
    LanguageGuesser guesser = new LanguageGuesser();
    LanguageGuesser.Guess german = guesser.guess(GERMAN);
    assertEquals("deu", german.language());
    assertTrue(german.confidence() >= InputLimits.MIN_OTHER_LANGUAGE_CONFIDENCE, german.toString());
    assertTrue(LanguageGuesser.sampleLetters(GERMAN) >= InputLimits.MIN_LETTERS_FOR_LANGUAGE);
    assertEquals("eng", guesser.guess("The government said on Monday that it would fund new measures for renewable "
        + "energy, and the minister told reporters in Berlin that prices for consumers would not rise.").language());
  }

  @Test
  void mailHeadersAndAddressesDoNotVote() {
    String sample = LanguageGuesser.sample("Received: from mx1.example.com (10.0.0.1) by 127.0.0.1\n"
        + "Message-Id: <20020822@example.com>\nThe meeting is moved to Friday.");
    assertEquals("Received: from by Message-Id: The meeting is moved to Friday. ", sample);
  }
}
