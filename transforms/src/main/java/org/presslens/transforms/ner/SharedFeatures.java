package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * One of the name finders' shared feature generators, giving its features of a token as entries of
 * {@link GisParameters} in the generator's order: put together from what is remembered with each
 * token ({@link WindowEntries}, {@link BigramEntries}), or built as strings and looked up
 * ({@link #of}'s fallback) for any other generator.
 */
interface SharedFeatures {

  /** Appends the entries of the features of token {@code i}; {@code known} holds what is remembered of each token. */
  void append(String[] tokens, TokenFeatures[] known, int i, EntryList out);

  /**
   * The generator's features as entries; a window generator is added to {@code windows}, whose
   * order is that of {@link TokenFeatures#windows}.
   */
  static SharedFeatures of(AdaptiveFeatureGenerator generator, GisParameters parameters, List<WindowEntries> windows) {
    WindowEntries window = WindowEntries.of(generator, parameters, windows.size());
    if (window != null) {
      windows.add(window);
      return window;
    }
    BigramEntries bigram = BigramEntries.of(generator, parameters);
    if (bigram != null) {
      return bigram;
    }
    List<String> features = new ArrayList<>();
    return (tokens, known, i, out) -> {
      features.clear();
      generator.createFeatures(features, tokens, i, null);
      for (String feature : features) {
        out.add(parameters.find(feature));
      }
    };
  }
}
