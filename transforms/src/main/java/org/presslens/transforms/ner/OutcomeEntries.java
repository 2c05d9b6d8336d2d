package org.presslens.transforms.ner;

import java.util.Arrays;
import java.util.HashMap;

/**
 * One name-finder model's features that depend on the outcomes it gave earlier, as entries of
 * {@link GisParameters}, remembered instead of built as strings and looked up at every token:
 * {@code po=<previous outcome>}, {@code pow=<previous outcome>,<token>},
 * {@code powf=<previous outcome>,<token class>}, {@code ppo=<outcome before that>} (the features
 * OpenNLP's {@code DefaultNameContextGenerator} adds), and the previous-map feature, which has few
 * distinct values. By outcome index, per token ({@link TokenFeatures}) and per token class.
 *
 * <p>Not thread-safe: one per model of a {@link SharedFeatureNameFinders}.
 */
final class OutcomeEntries {

  /** Token classes remembered at most; the memory is cleared when it is full. */
  private static final int CAPACITY = 1_000;

  private final GisParameters parameters;
  private final String[] outcomes;
  private final int[] previousOutcome;
  private final int[] outcomeBeforePrevious;
  private final HashMap<String, int[]> byTokenClass = new HashMap<>();
  private final RememberedFeatures otherFeatures;

  OutcomeEntries(GisParameters parameters, String[] outcomes) {
    this.parameters = parameters;
    this.outcomes = outcomes.clone();
    this.otherFeatures = new RememberedFeatures(parameters);
    previousOutcome = new int[outcomes.length];
    outcomeBeforePrevious = new int[outcomes.length];
    for (int o = 0; o < outcomes.length; o++) {
      previousOutcome[o] = parameters.find("po=" + outcomes[o]);
      outcomeBeforePrevious[o] = parameters.find("ppo=" + outcomes[o]);
    }
  }

  /** {@code po=<outcome o>}. */
  int previous(int o) {
    return previousOutcome[o];
  }

  /** {@code ppo=<outcome o>}. */
  int beforePrevious(int o) {
    return outcomeBeforePrevious[o];
  }

  /** {@code pow=<outcome o>,<token>}, remembered in {@code entries} (the token's, this model's outcomes from {@code first}). */
  int previousAndToken(int o, String token, int[] entries, int first) {
    if (entries[first + o] == TokenFeatures.UNKNOWN) {
      entries[first + o] = parameters.find("pow=" + outcomes[o] + "," + token);
    }
    return entries[first + o];
  }

  /** {@code powf=<outcome o>,<token class>}. */
  int previousAndTokenClass(int o, String tokenClass) {
    int[] entries = byTokenClass.get(tokenClass);
    if (entries == null) {
      if (byTokenClass.size() >= CAPACITY) {
        byTokenClass.clear();
      }
      entries = new int[outcomes.length];
      Arrays.fill(entries, TokenFeatures.UNKNOWN);
      byTokenClass.put(tokenClass, entries);
    }
    if (entries[o] == TokenFeatures.UNKNOWN) {
      entries[o] = parameters.find("powf=" + outcomes[o] + "," + tokenClass);
    }
    return entries[o];
  }

  /** Any other feature of few distinct values (the previous-map feature). */
  int feature(String feature) {
    return otherFeatures.find(feature);
  }
}
