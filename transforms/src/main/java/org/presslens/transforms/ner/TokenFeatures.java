package org.presslens.transforms.ner;

import java.util.Arrays;
import java.util.List;

/**
 * What the name finders need of one distinct token, worked out once and remembered with it by
 * {@link SharedFeatureNameFinders}: the entries of its features in each window generator
 * ({@link WindowEntries}), its token class, its number among the words of the word-pair features
 * ({@link WordPairs}), and, filled in as asked, the entry of
 * {@code pow=<outcome>,<token>} per model and outcome ({@link OutcomeEntries}).
 */
final class TokenFeatures {

  static final int UNKNOWN = -2;

  /** Per window generator: {@link WindowEntries#entriesOf}. */
  final int[][] windows;
  final String tokenClass;
  /** The token's number among the words of the word-pair features ({@link WordPairs#number}). */
  final int pairWord;
  /** Per model and outcome, one model's outcomes after the other's. */
  final int[] previousAndToken;

  TokenFeatures(String token, List<WindowEntries> windowGenerators, String tokenClass, int pairWord,
      int[] outcomesPerModel) {
    windows = new int[windowGenerators.size()][];
    for (int w = 0; w < windows.length; w++) {
      windows[w] = windowGenerators.get(w).entriesOf(token);
    }
    this.tokenClass = tokenClass;
    this.pairWord = pairWord;
    previousAndToken = new int[Arrays.stream(outcomesPerModel).sum()];
    Arrays.fill(previousAndToken, UNKNOWN);
  }
}
