package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

public class LanguageGuesserTest {

  public static final String GERMAN = "Die Bundesregierung hat am Montag neue Maßnahmen zur Förderung erneuerbarer Energien "
      + "beschlossen. Der Wirtschaftsminister erklärte in Berlin, dass die Kosten für Verbraucher nicht steigen sollen. "
      + "Kritiker aus der Opposition bezweifeln jedoch, dass die Pläne ausreichend finanziert sind. Die Länder "
      + "fordern seit Monaten mehr Geld vom Bund und wollen im Bundesrat über die Vorschläge beraten.";

  private static final String ENGLISH = "The government said on Monday that it would fund new measures for renewable "
      + "energy, and the minister told reporters in Berlin that prices for consumers would not rise. Critics in the "
      + "opposition doubt that the plans are properly funded, and the states want more money from the federal budget.";

  @Test
  void tellsGermanFromEnglishAboveTheRejectionThreshold() {
    LanguageGuesser guesser = new LanguageGuesser();
    LanguageGuesser.Guess german = guesser.guess(GERMAN).orElseThrow();
    assertEquals("deu", german.language());
    assertTrue(german.confidence() >= InputLimits.MIN_OTHER_LANGUAGE_CONFIDENCE, german.toString());
    assertEquals("eng", guesser.guess(ENGLISH).orElseThrow().language());
  }

  @Test
  void commonEnglishWordsDecideWithoutTheModel() {
    assertTrue(LanguageGuesser.commonEnglishShare(LanguageGuesser.sample(ENGLISH)) >= LanguageGuesser.COMMON_SHARE);
    assertEquals(new LanguageGuesser.Guess("eng", 1.0), new LanguageGuesser().guess(ENGLISH).orElseThrow());
    assertTrue(LanguageGuesser.commonEnglishShare(LanguageGuesser.sample(GERMAN)) < 0.2);
    assertEquals(0.5, LanguageGuesser.commonEnglishShare("The cat, and A dog sat."), 1e-12);
  }

  /**
   * Every text the common-word rule calls English is one the model would not reject either: on
   * every fourth document of each corpus in {@code ../shared/corpora}, when that folder is there.
   */
  @Test
  void theRuleAgreesWithTheModelOnTheSharedCorpora() throws IOException {
    Path corpora = Path.of(System.getProperty("presslens.root", "..")).resolve("../shared/corpora");
    Assumptions.assumeTrue(Files.isDirectory(corpora), "no shared corpora beside the project");
    LanguageGuesser guesser = new LanguageGuesser();
    ObjectMapper json = new ObjectMapper();
    int byRule = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(corpora, "*.jsonl.gz")) {
      for (Path file : files) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
          int line = 0;
          for (String record; (record = in.readLine()) != null; line++) {
            String sample = LanguageGuesser.sample(json.readTree(record).get("text").asText());
            if (line % 4 != 0 || LanguageGuesser.commonEnglishShare(sample) < LanguageGuesser.COMMON_SHARE) {
              continue;
            }
            byRule++;
            LanguageGuesser.Guess model = guesser.detect(sample);
            assertTrue(model.language().equals("eng") || model.confidence() < InputLimits.MIN_OTHER_LANGUAGE_CONFIDENCE,
                file.getFileName() + " line " + (line + 1) + ": " + model);
          }
        }
      }
    }
    assertTrue(byRule > 1000, "documents decided by the rule: " + byRule);
  }

  @Test
  void doesNotGuessFromTooFewLetters() {
    LanguageGuesser guesser = new LanguageGuesser();
    String shortGerman = GERMAN.substring(0, GERMAN.indexOf("Kritiker")); // about 170 letters
    assertTrue(guesser.guess(shortGerman).isEmpty());
    // numbers and addresses do not count towards the minimum
    assertTrue(guesser.guess(shortGerman + " 2024-05-03 10.0.0.1 www.example.com ".repeat(20)).isEmpty());
  }

  @Test
  void mailHeadersAndAddressesDoNotVote() {
    String sample = LanguageGuesser.sample("Received: from mx1.example.com (10.0.0.1) by 127.0.0.1\n"
        + "Message-Id: <20020822@example.com>\nThe meeting is moved to Friday.");
    assertEquals("Received: from by Message-Id: The meeting is moved to Friday. ", sample);
  }

  @Test
  void longTextsAreSampledInTheMiddle() {
    // 5,800 characters of words: the window starts after the first space at or past (5,800 - 3,000) / 2
    // = 1,400, the one after the 281st "head" (at 1,404), and takes 3,000 characters from there
    String text = "head ".repeat(300) + "middle ".repeat(400) + "foot ".repeat(300);
    assertEquals("head ".repeat(19) + "middle ".repeat(400) + "foot ".repeat(21), LanguageGuesser.sample(text));
  }

  /**
   * The single-pass sample equals the plain definition (split at white space, keep the words the
   * pattern matches, cut a window in the middle) on the seeds and on random texts built from
   * letters, marks, surrogate pairs, stray surrogates, punctuation, digits and all kinds of spaces.
   */
  @Test
  void sampleEqualsThePlainDefinition() throws IOException {
    List<String> texts = new ArrayList<>();
    try (var files = Files.list(Path.of(System.getProperty("presslens.seeds", "../seeds")))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        texts.add(Files.readString(file));
      }
    }
    assertEquals(5, texts.size());
    String[] pieces = {"a", "Zé", "e\u0301", "\u05D0", "\uD835\uDC00", "\uD835", "\uDC00", "'", "\u2019", "-", ".", ",",
        ";", ":", "!", "?", "1", "@", "[", "`", "{", "Q", "_", "/", "(", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2028"};
    Random random = new Random(42);
    for (int t = 0; t < 3000; t++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(t % 10 == 0 ? 30000 : 60);
      while (text.length() < length) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      texts.add(text.toString());
    }
    for (String text : texts) {
      assertEquals(plainSample(text), LanguageGuesser.sample(text), () -> "text: " + text);
    }
  }

  private static final Pattern LETTERS = Pattern.compile("[\\p{IsAlphabetic}\\p{M}'\u2019-]+[.,;:!?]?");

  private static String plainSample(String text) {
    StringBuilder words = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (!word.isEmpty() && LETTERS.matcher(word).matches()) {
        words.append(word).append(' ');
      }
    }
    if (words.length() <= LanguageGuesser.SAMPLE_CHARS) {
      return words.toString();
    }
    int start = words.indexOf(" ", (words.length() - LanguageGuesser.SAMPLE_CHARS) / 2) + 1;
    return words.substring(start, Math.min(words.length(), start + LanguageGuesser.SAMPLE_CHARS));
  }
}
