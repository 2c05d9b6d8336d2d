package org.presslens.transforms.ner;

import java.util.Arrays;

/**
 * What the name finders need of one distinct token, worked out once and remembered with it by
 * {@link SharedFeatureNameFinders}: the entries of its window features ({@link WindowEntries}) for
 * the window generators before and after the previous-map generator, its token class, and, filled
 * in as asked, the entry of {@code pow=<outcome>,<token>} per model and outcome
 * ({@link OutcomeEntries}).
 */
final class TokenFeatures {

  static final int UNKNOWN = -2;

  /** Per generator before and after the previous-map generator: {@link WindowEntries#entriesOf}, or null for other generators. */
  final int[][][] before;
  final int[][][] after;
  final String tokenClass;
  /** Per model and outcome. */
  final int[][] previousAndToken;

  TokenFeatures(String token, WindowEntries[] beforeWindows, WindowEntries[] afterWindows, String tokenClass,
      int[] outcomesPerModel) {
    before = entries(token, beforeWindows);
    after = entries(token, afterWindows);
    this.tokenClass = tokenClass;
    previousAndToken = new int[outcomesPerModel.length][];
    for (int m = 0; m < outcomesPerModel.length; m++) {
      previousAndToken[m] = new int[outcomesPerModel[m]];
      Arrays.fill(previousAndToken[m], UNKNOWN);
    }
  }

  private static int[][][] entries(String token, WindowEntries[] windows) {
    int[][][] entries = new int[windows.length][][];
    for (int g = 0; g < windows.length; g++) {
      entries[g] = windows[g] == null ? null : windows[g].entriesOf(token);
    }
    return entries;
  }
}
