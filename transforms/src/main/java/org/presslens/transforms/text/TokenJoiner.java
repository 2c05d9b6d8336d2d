package org.presslens.transforms.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import opennlp.tools.tokenize.DetokenizationDictionary;
import opennlp.tools.tokenize.DetokenizationDictionary.Operation;
import opennlp.tools.tokenize.DictionaryDetokenizer;

/**
 * Joins tokens back into text that reads as written, for the lines that reports quote (keyword
 * in context, co-occurrence evidence): no space before closing punctuation and the clitics that
 * {@link TokenRules} splits off ({@code NATO's}, {@code can't}), none after opening brackets and
 * currency signs, straight double quotes attached to the words they enclose. Built on OpenNLP's
 * {@link DictionaryDetokenizer}, which is stateless and shared.
 */
public final class TokenJoiner {

  private static final List<String> ATTACH_LEFT = List.of(".", ",", ";", ":", "!", "?", "...", ")", "]", "}", "%",
      "n't", "'s", "'re", "'ve", "'ll", "'d", "'m");
  private static final List<String> ATTACH_RIGHT = List.of("(", "[", "{", "$", "£", "€", "¥");
  private static final List<String> PAIRED = List.of("\"");

  private static final DictionaryDetokenizer DETOKENIZER = new DictionaryDetokenizer(dictionary());

  private TokenJoiner() {}

  /** Tokens {@code from} (inclusive) to {@code to} (exclusive) as one string. */
  public static String join(String[] tokens, int from, int to) {
    return DETOKENIZER.detokenize(Arrays.copyOfRange(tokens, from, to), null);
  }

  public static String join(String[] tokens) {
    return join(tokens, 0, tokens.length);
  }

  private static DetokenizationDictionary dictionary() {
    List<String> tokens = new ArrayList<>();
    List<Operation> operations = new ArrayList<>();
    for (String token : ATTACH_LEFT) {
      tokens.add(token);
      operations.add(Operation.MOVE_LEFT);
      String upper = token.toUpperCase(Locale.ROOT);
      if (!upper.equals(token)) { // ISN'T, NATO'S
        tokens.add(upper);
        operations.add(Operation.MOVE_LEFT);
      }
    }
    ATTACH_RIGHT.forEach(token -> {
      tokens.add(token);
      operations.add(Operation.MOVE_RIGHT);
    });
    PAIRED.forEach(token -> {
      tokens.add(token);
      operations.add(Operation.RIGHT_LEFT_MATCHING);
    });
    return new DetokenizationDictionary(tokens.toArray(String[]::new), operations.toArray(Operation[]::new));
  }
}
