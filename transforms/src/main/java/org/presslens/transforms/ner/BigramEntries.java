package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.BigramNameFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * The features of OpenNLP's bigram name feature generator, as entries of {@link GisParameters},
 * with the token classes taken from {@link TokenFeatures} instead of worked out again for every
 * pair, and the class pairs looked up once. For token {@code i} the generator gives
 * {@code pw,w=<previous>,<token>} and {@code pwc,wc=<previous class>,<class>} when there is a
 * previous token, then {@code w,nw=<token>,<next>} and {@code wc,nc=<class>,<next class>} when
 * there is a next one; {@link #of} checks that the generator at hand does exactly that on a probe
 * sentence. The word pairs are found by the tokens' numbers ({@link WordPairs}).
 *
 * <p>Not thread-safe (the memory of class pairs): one per {@link SharedFeatureNameFinders}.
 */
final class BigramEntries implements SharedFeatures {

  private static final String[] PROBE = {"Alpha", "beta", "Gamma-2", "E5", "zeta's", "THETA", "iota."};

  private final WordPairs words;
  private final RememberedFeatures classPairs;

  private BigramEntries(GisParameters parameters) {
    this.words = parameters.wordPairs();
    this.classPairs = new RememberedFeatures(parameters);
  }

  /** The entries of {@code generator}'s features, or null when it is not the bigram generator described above. */
  static BigramEntries of(AdaptiveFeatureGenerator generator, GisParameters parameters) {
    if (generator.getClass() != BigramNameFeatureGenerator.class) {
      return null;
    }
    for (int i = 0; i < PROBE.length; i++) {
      List<String> actual = new ArrayList<>();
      generator.createFeatures(actual, PROBE, i, null);
      List<String> expected = new ArrayList<>();
      features(PROBE, i, expected);
      if (!actual.equals(expected)) {
        return null;
      }
    }
    return new BigramEntries(parameters);
  }

  private static void features(String[] tokens, int i, List<String> out) {
    String wc = FeatureGeneratorUtil.tokenFeature(tokens[i]);
    if (i > 0) {
      out.add(WordPairs.PREVIOUS_AND_TOKEN + tokens[i - 1] + "," + tokens[i]);
      out.add("pwc,wc=" + FeatureGeneratorUtil.tokenFeature(tokens[i - 1]) + "," + wc);
    }
    if (i + 1 < tokens.length) {
      out.add(WordPairs.TOKEN_AND_NEXT + tokens[i] + "," + tokens[i + 1]);
      out.add("wc,nc=" + wc + "," + FeatureGeneratorUtil.tokenFeature(tokens[i + 1]));
    }
  }

  @Override
  public void append(String[] tokens, TokenFeatures[] known, int i, EntryList out) {
    if (i > 0) {
      out.add(words.previousAndToken(known[i - 1].pairWord, known[i].pairWord));
      out.add(classPairs.find("pwc,wc=" + known[i - 1].tokenClass + "," + known[i].tokenClass));
    }
    if (i + 1 < tokens.length) {
      out.add(words.tokenAndNext(known[i].pairWord, known[i + 1].pairWord));
      out.add(classPairs.find("wc,nc=" + known[i].tokenClass + "," + known[i + 1].tokenClass));
    }
  }
}
