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

  /** Confidence the detector must reach for another language before a text is rejected. */
  public static final double MIN_OTHER_LANGUAGE_CONFIDENCE = 0.2;
}
