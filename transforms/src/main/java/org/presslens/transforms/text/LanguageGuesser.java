package org.presslens.transforms.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Guesses the language of a text with OpenNLP's language detector and the 103-language model that
 * Apache Tika trained ({@value #MODEL}, ISO 639-3 codes such as {@code eng}). The model is loaded
 * once per JVM; each guesser holds its own (not thread-safe) {@link LanguageDetectorME}.
 */
public final class LanguageGuesser {

  public static final String MODEL = "opennlp-langdetect-20210413.bin";
  private static final String RESOURCE = "/org/presslens/models/" + MODEL;

  /** Characters looked at: enough for a confident guess, and long documents cost no more. */
  static final int SAMPLE_CHARS = 3000;

  private static final java.util.regex.Pattern LETTERS =
      java.util.regex.Pattern.compile("[\\p{IsAlphabetic}\\p{M}'\u2019-]+[.,;:!?]?");

  private static volatile LanguageDetectorModel model;

  /** A guess: ISO 639-3 code and the detector's confidence (0 to 1). */
  public record Guess(String language, double confidence) {}

  private final LanguageDetectorME detector;

  public LanguageGuesser() {
    detector = new LanguageDetectorME(sharedModel());
  }

  /** Loads the shared model now (it takes a second or two) rather than in the first guesser. */
  public static void preload() {
    sharedModel();
  }

  public Guess guess(String text) {
    Language best = detector.predictLanguage(sample(text));
    return new Guess(best.getLang(), best.getConfidence());
  }

  /**
   * The words made of letters only, so that mail headers, addresses, URLs and numbers do not vote;
   * from a long text, a window in the middle, past any headers and before any footer.
   */
  static String sample(String text) {
    StringBuilder words = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (!word.isEmpty() && LETTERS.matcher(word).matches()) {
        words.append(word).append(' ');
      }
    }
    if (words.length() <= SAMPLE_CHARS) {
      return words.toString();
    }
    int start = words.indexOf(" ", (words.length() - SAMPLE_CHARS) / 2) + 1;
    return words.substring(start, Math.min(words.length(), start + SAMPLE_CHARS));
  }

  /** Count of letters in the sample; below a few hundred, guesses are unreliable. */
  public static int sampleLetters(String text) {
    return (int) sample(text).chars().filter(Character::isLetter).count();
  }

  private static LanguageDetectorModel sharedModel() {
    if (model == null) {
      synchronized (LanguageGuesser.class) {
        if (model == null) {
          try (InputStream in = LanguageGuesser.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("language model " + RESOURCE + " is not on the classpath");
            }
            model = new LanguageDetectorModel(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return model;
  }
}
