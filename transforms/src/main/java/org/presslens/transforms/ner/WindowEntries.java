package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;

/**
 * The features of one of OpenNLP's window feature generators, as entries of {@link GisParameters},
 * put together from per-token parts. A window generator gives, for the token at {@code i}, its
 * inner generator's features of that token, then those of each token before it (up to its window,
 * each prefixed {@code p1}, {@code p2}, ...), then those of each token after it ({@code n1}, ...).
 * The inner features depend on their token alone (token and token-class generators), so each
 * distinct token's prefixed features are built and looked up once ({@link #entriesOf}, remembered
 * with the token in {@link TokenFeatures}), and a sentence's features are put together
 * from its tokens' entries: most running words repeat, and building and looking up some twenty
 * feature strings per token was most of the name finders' time.
 */
final class WindowEntries implements SharedFeatures {

  private static final String[] PROBE = {"Alpha", "beta", "Gamma-2", "delta", "E5", "zeta's", "Eta", "THETA", "iota."};

  private final WindowFeatureGenerator window;
  private final int previous;
  private final int next;
  private final GisParameters parameters;
  /** This window's place in {@link TokenFeatures#windows}. */
  private final int slot;

  private WindowEntries(WindowFeatureGenerator window, int previous, int next, GisParameters parameters, int slot) {
    this.window = window;
    this.previous = previous;
    this.next = next;
    this.parameters = parameters;
    this.slot = slot;
  }

  /**
   * The remembered entries of {@code generator}, or null when it is not a window generator that
   * gives its features as described above (its window sizes are found by trying them on a
   * sentence: the generator does not tell them).
   */
  static WindowEntries of(AdaptiveFeatureGenerator generator, GisParameters parameters, int slot) {
    if (!(generator instanceof WindowFeatureGenerator window)) {
      return null;
    }
    int at = PROBE.length / 2;
    List<String> actual = new ArrayList<>();
    window.createFeatures(actual, PROBE, at, null);
    for (int previous = 0; previous <= at; previous++) {
      for (int next = 0; next < PROBE.length - at; next++) {
        if (actual.equals(expected(window, at, previous, next))) {
          return new WindowEntries(window, previous, next, parameters, slot);
        }
      }
    }
    return null;
  }

  private static List<String> expected(WindowFeatureGenerator window, int at, int previous, int next) {
    List<String> features = new ArrayList<>(inner(window, PROBE[at]));
    for (int k = 1; k <= previous; k++) {
      for (String feature : inner(window, PROBE[at - k])) {
        features.add(WindowFeatureGenerator.PREV_PREFIX + k + feature);
      }
    }
    for (int k = 1; k <= next; k++) {
      for (String feature : inner(window, PROBE[at + k])) {
        features.add(WindowFeatureGenerator.NEXT_PREFIX + k + feature);
      }
    }
    return features;
  }

  /** The inner generator's features of a token: the window's features of the token alone. */
  private static List<String> inner(WindowFeatureGenerator window, String token) {
    List<String> features = new ArrayList<>();
    window.createFeatures(features, new String[] {token}, 0, null);
    return features;
  }

  @Override
  public void append(String[] tokens, TokenFeatures[] known, int i, EntryList out) {
    addAt(known[i], 0, out);
    for (int k = 1; k <= previous && i - k >= 0; k++) {
      addAt(known[i - k], k, out);
    }
    for (int k = 1; k <= next && i + k < known.length; k++) {
      addAt(known[i + k], previous + k, out);
    }
  }

  /** A token's entries at one offset ({@link #entriesOf}'s layout). */
  private void addAt(TokenFeatures token, int offset, EntryList out) {
    int[] entries = token.windows[slot];
    int perOffset = entries.length / (1 + previous + next);
    out.addAll(entries, offset * perOffset, perOffset);
  }

  /**
   * A token's entries at offset 0, -1, ..., -previous, +1, ..., +next from the token the features
   * are of, one after the other in one array (as many per offset): a remembered token holds a
   * few arrays instead of one per offset.
   */
  int[] entriesOf(String token) {
    List<String> inner = inner(window, token);
    int n = inner.size();
    int[] entries = new int[(1 + previous + next) * n];
    for (int f = 0; f < n; f++) {
      String feature = inner.get(f);
      entries[f] = parameters.find(feature);
      for (int k = 1; k <= previous; k++) {
        entries[k * n + f] = parameters.find(WindowFeatureGenerator.PREV_PREFIX + k + feature);
      }
      for (int k = 1; k <= next; k++) {
        entries[(previous + k) * n + f] = parameters.find(WindowFeatureGenerator.NEXT_PREFIX + k + feature);
      }
    }
    return entries;
  }
}
