package org.presslens.transforms.model;

import java.io.Serializable;

/**
 * One entity mention: canonical name and type, its tokens joined by spaces, where it is (sentence
 * index from 0, token span [start, end)), which layer found it ({@code model}, {@code dictionary}
 * or {@code both}), and the model's probability of the span it found (NaN when no model did).
 * Once placed in the document ({@link #at}): its start and end in the text as read, counted in
 * code points, and its characters there ({@code written}; -1, -1 and the surface before).
 */
public record Mention(String canonical, String type, String surface, int sentence, int start, int end, String source,
    double probability, int charStart, int charEnd, String written)
    implements Serializable {

  /** A mention not yet placed in the text, without a model probability. */
  public Mention(String canonical, String type, String surface, int sentence, int start, int end, String source) {
    this(canonical, type, surface, sentence, start, end, source, Double.NaN, -1, -1, surface);
  }

  /** A mention that {@code source} found with {@code probability}, not yet placed in the text. */
  public static Mention found(String canonical, String type, String surface, int sentence, int start, int end,
      String source, double probability) {
    return new Mention(canonical, type, surface, sentence, start, end, source, probability, -1, -1, surface);
  }

  /** This mention at code points {@code [charStart, charEnd)} of the text as read, which there reads {@code written}. */
  public Mention at(int charStart, int charEnd, String written) {
    return new Mention(canonical, type, surface, sentence, start, end, source, probability, charStart, charEnd, written);
  }

  public static final String MODEL = "model";
  public static final String DICTIONARY = "dictionary";
  public static final String BOTH = "both";

  /** The entity's identity in reports: canonical name and type. */
  public String key() {
    return key(canonical, type);
  }

  /** The key of an entity: canonical name NUL type. */
  public static String key(String canonical, String type) {
    return canonical + "\u0000" + type;
  }
}
