package org.presslens.transforms.text;

import java.io.Serializable;

/**
 * What a document must satisfy to be analysed.
 *
 * @param maxChars longest text, in characters
 * @param maxWordChars longest run of characters without white space (longer runs are encoded data,
 *     minified markup or text whose spaces were lost, and make tokenization meaningless)
 * @param englishOnly reject texts that the language detector confidently calls another language
 */
public record InputLimits(long maxChars, int maxWordChars, boolean englishOnly) implements Serializable {

  /** Texts with fewer letters than this are never judged by language: the guess is unreliable. */
  public static final int MIN_LETTERS_FOR_LANGUAGE = 200;

  /**
   * Words (runs without white space) a document may hold at most. Its sentences, tokens and entity
   * mentions, and with them the time and memory of its analysis, grow with its words; 10 MB of
   * English (the default --maxDocumentMB) is about 1.7 million words, so the limit only matters
   * for larger limits or texts of very short words.
   */
  public static final int MAX_WORDS = 2_000_000;

  /** Confidence the detector must reach for another language before a text is rejected. */
  public static final double MIN_OTHER_LANGUAGE_CONFIDENCE = 0.2;
}
