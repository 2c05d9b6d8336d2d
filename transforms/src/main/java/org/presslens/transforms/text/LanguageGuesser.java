package org.presslens.transforms.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.presslens.transforms.ReleasableModel;

/**
 * Guesses the language of a text. A sample in which at least {@link #COMMON_SHARE} of the words
 * are among the {@link #COMMON_ENGLISH} most frequent English words is English (confidence 1),
 * without a model: ordinary English prose has 40-50 % of them, text in other languages (and mail
 * headers) at most about 20 %. Other samples go to OpenNLP's language detector with the
 * 103-language model that Apache Tika trained ({@value #MODEL}, ISO 639-3 codes such as
 * {@code eng}). The model is loaded once per JVM, when the first text needs it, and shared while in
 * use ({@link ReleasableModel}); each guesser holds its own (not thread-safe) {@link LanguageDetectorME}.
 */
public final class LanguageGuesser {

  public static final String MODEL = "opennlp-langdetect-20210413.bin";
  private static final String RESOURCE = "/org/presslens/models/" + MODEL;

  /** Characters looked at: enough for a confident guess, and long documents cost no more. */
  static final int SAMPLE_CHARS = 3000;

  /** The most frequent English words (function words), lower case. */
  static final Set<String> COMMON_ENGLISH = Set.of("the", "of", "and", "to", "in", "a", "is", "that", "for", "it",
      "was", "on", "with", "as", "be", "by", "at", "this", "have", "from", "are", "not", "but", "his", "they",
      "which", "or", "he", "had", "you", "we", "i", "their", "has", "been", "were", "an", "will", "would", "there",
      "all", "can", "more", "one", "its", "if", "no", "so", "her", "she", "what", "who", "when", "our", "these",
      "them", "my", "than");

  /** Share of a sample's words in {@link #COMMON_ENGLISH} from which the sample is English. */
  static final double COMMON_SHARE = 0.35;

  /** Dropped by the JVM when no guesser holds it and memory runs short ({@link ReleasableModel}). */
  private static final ReleasableModel<LanguageDetectorModel> DETECTOR_MODEL = new ReleasableModel<>(LanguageGuesser::load);

  /** A guess: ISO 639-3 code and the detector's confidence (0 to 1). */
  public record Guess(String language, double confidence) {}

  private LanguageDetectorME detector;

  /**
   * The detector's best guess, or empty when the sample holds fewer than
   * {@link InputLimits#MIN_LETTERS_FOR_LANGUAGE} letters: too little text to judge.
   */
  public Optional<Guess> guess(String text) {
    String sample = sample(text);
    if (sample.chars().filter(Character::isLetter).count() < InputLimits.MIN_LETTERS_FOR_LANGUAGE) {
      return Optional.empty();
    }
    return Optional.of(commonEnglishShare(sample) >= COMMON_SHARE ? new Guess("eng", 1.0) : detect(sample));
  }

  /** The language model's guess for a sample. */
  Guess detect(String sample) {
    if (detector == null) {
      detector = new LanguageDetectorME(sharedModel());
    }
    Language best = detector.predictLanguage(sample);
    return new Guess(best.getLang(), best.getConfidence());
  }

  /** Lets go of the model until a guess needs it again: at the end of a bundle ({@link ReleasableModel}). */
  public void release() {
    detector = null;
  }

  /** The share of the sample's words (separated by spaces, final punctuation ignored) in {@link #COMMON_ENGLISH}. */
  static double commonEnglishShare(String sample) {
    int words = 0;
    int common = 0;
    int n = sample.length();
    for (int i = 0; i < n; ) {
      int end = sample.indexOf(' ', i);
      end = end < 0 ? n : end;
      if (end > i) {
        words++;
        int last = ".,;:!?".indexOf(sample.charAt(end - 1)) >= 0 ? end - 1 : end;
        if (last - i <= 5 && COMMON_ENGLISH.contains(sample.substring(i, last).toLowerCase(Locale.ROOT))) {
          common++;
        }
      }
      i = end + 1;
    }
    return words == 0 ? 0 : (double) common / words;
  }

  /**
   * The words made of letters only, each followed by a space, so that mail headers, addresses,
   * URLs and numbers do not vote; from a long text, a window of {@link #SAMPLE_CHARS} in the
   * middle, past any headers and before any footer. A word is a run without white space
   * ({@code \s}: space, tab, line and page breaks) of letters, combining marks, apostrophes and
   * hyphens, optionally ending in one of {@code .,;:!?}. Scans the text once without building the
   * words it leaves out of the window (the language check reads every document).
   */
  static String sample(String text) {
    int[] bounds = new int[64]; // start and end of each kept word
    int kept = 0;
    long total = 0; // length of all kept words, each with its space
    int n = text.length();
    for (int i = 0; i < n; ) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(text.charAt(i))) {
        i++;
      }
      if (i > start && isLetterWord(text, start, i)) {
        if (2 * kept + 2 > bounds.length) {
          bounds = Arrays.copyOf(bounds, 2 * bounds.length);
        }
        bounds[2 * kept] = start;
        bounds[2 * kept + 1] = i;
        kept++;
        total += i - start + 1;
      }
    }
    int first = 0;
    if (total > SAMPLE_CHARS) {
      // the window starts after the first space at or past (total - SAMPLE_CHARS) / 2
      long from = (total - SAMPLE_CHARS) / 2;
      long space = -1;
      while (space < from) {
        space += bounds[2 * first + 1] - bounds[2 * first] + 1;
        first++;
      }
    }
    StringBuilder sample = new StringBuilder(SAMPLE_CHARS + 64);
    for (int w = first; w < kept && sample.length() < SAMPLE_CHARS; w++) {
      sample.append(text, bounds[2 * w], bounds[2 * w + 1]).append(' ');
    }
    sample.setLength(Math.min(sample.length(), SAMPLE_CHARS));
    return sample.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Letters, marks, apostrophes and hyphens, optionally followed by one final punctuation mark. */
  private static boolean isLetterWord(String text, int start, int end) {
    int letters = end - start >= 2 && ".,;:!?".indexOf(text.charAt(end - 1)) >= 0 ? end - 1 : end;
    for (int i = start; i < letters; ) {
      char ascii = text.charAt(i);
      if (ascii < 0x80) { // most characters: the test below without the Unicode tables
        if (!((ascii | 0x20) >= 'a' && (ascii | 0x20) <= 'z' || ascii == '\'' || ascii == '-')) {
          return false;
        }
        i++;
        continue;
      }
      int c = text.codePointAt(i);
      int type = Character.getType(c);
      if (!(Character.isAlphabetic(c) || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK || c == '\'' || c == '\u2019' || c == '-')) {
        return false;
      }
      i += Character.charCount(c);
    }
    return letters > start;
  }

  /**
   * Loads the language model if no text has yet: a run that loads it in the background while its
   * pipeline is built spares the step that meets the first text needing it a second of waiting,
   * with the other instances of the step waiting for the same load.
   */
  public static void preload() {
    sharedModel();
  }

  private static LanguageDetectorModel sharedModel() {
    return DETECTOR_MODEL.get();
  }

  private static LanguageDetectorModel load() {
    try (InputStream in = LanguageGuesser.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("language model " + RESOURCE + " is not on the classpath");
      }
      return new LanguageDetectorModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
