package org.presslens.transforms.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Normalises raw article text before sentence detection and tokenization.
 *
 * <p>Web text spells the same word in several ways: typographic apostrophes ({@code NATO’s}),
 * backticks used as apostrophes ({@code NATO`s}), compatibility characters (full-width letters,
 * ligatures). Normalising first means all spellings yield the same tokens.
 */
public final class TextNormalizer {

  /** Apostrophe look-alikes: ’ ‘ ‛ ʼ ′ ` ´ and the full-width apostrophe. */
  private static final Pattern APOSTROPHES = Pattern.compile("[\u2019\u2018\u201B\u02BC\u2032`\u00B4\uFF07]");

  /** Double-quote look-alikes: “ ” „ ‟ « » ″. */
  private static final Pattern QUOTES = Pattern.compile("[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]");

  /**
   * En, em and horizontal-bar dashes separate words ("secure—and"); the tokenizer model keeps
   * them inside tokens, so they are padded with spaces.
   */
  private static final Pattern DASHES = Pattern.compile("\\s*[\u2012\u2013\u2014\u2015]\\s*");

  /** Non-breaking and other Unicode spaces not folded by NFKC. */
  private static final Pattern SPACES = Pattern.compile("[\\h&&[^\\t]]");

  private TextNormalizer() {}

  public static String normalize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = APOSTROPHES.matcher(s).replaceAll("'");
    s = QUOTES.matcher(s).replaceAll("\"");
    s = DASHES.matcher(s).replaceAll(" \u2013 ");
    s = SPACES.matcher(s).replaceAll(" ");
    return s;
  }
}
