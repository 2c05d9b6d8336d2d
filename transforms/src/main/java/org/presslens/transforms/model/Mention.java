package org.presslens.transforms.model;

import java.io.Serializable;

/**
 * One entity mention: canonical name and type, the tokens as written, where it is (sentence
 * index from 0, token span [start, end)) and which layer found it ({@code model}, {@code
 * dictionary} or {@code both}).
 */
public record Mention(String canonical, String type, String surface, int sentence, int start, int end, String source)
    implements Serializable {

  public static final String MODEL = "model";
  public static final String DICTIONARY = "dictionary";
  public static final String BOTH = "both";

  /** The entity's identity in reports: canonical name and type. */
  public String key() {
    return canonical + "\u0000" + type;
  }
}
