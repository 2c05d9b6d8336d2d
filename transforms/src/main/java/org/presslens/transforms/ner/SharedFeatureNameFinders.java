package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.AggregatedFeatureGenerator;
import opennlp.tools.util.featuregen.BigramNameFeatureGenerator;
import opennlp.tools.util.featuregen.CachedFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import opennlp.tools.util.featuregen.OutcomePriorFeatureGenerator;
import opennlp.tools.util.featuregen.PreviousMapFeatureGenerator;
import opennlp.tools.util.featuregen.SentenceFeatureGenerator;
import opennlp.tools.util.featuregen.TokenClassFeatureGenerator;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;

/**
 * The OpenNLP name finders of several models that share one feature configuration, decoded
 * together: the same spans as one {@code NameFinderME} per model with beam width 1 (the
 * {@link NameFinderModels} setting), for a third of the feature work.
 *
 * <p>{@code NameFinderME} builds every token's features once per model, although only two parts
 * depend on the model: the previous-map feature (the outcome this model gave the same word earlier
 * in the document) and the previous-outcome features ({@code po=}, {@code pow=}, {@code powf=},
 * {@code ppo=}). Here the others (token and token-class windows, outcome prior, bigrams, sentence
 * begin) are built once per token, as the same String objects, whose hash codes the models' map
 * lookups then compute only once. Each model's features keep NameFinderME's order, so its maxent
 * sums, and the decisions, are the same bit for bit. Decoding is greedy as OpenNLP's
 * {@code BeamSearch} with one beam: at each token the valid outcome ({@link SequenceValidator})
 * with the highest probability, the first of equals.
 *
 * <p>{@link #of} returns nothing for models whose features differ or include generators other than
 * those above; {@link EntityRecognizer} then runs one NameFinderME per model. Not thread-safe
 * (adaptive data per document); {@link #clearAdaptiveData()} after each document.
 */
final class SharedFeatureNameFinders {

  private static final String OTHER = "other";
  private static final String MAXENT_MODEL_ENTRY = "nameFinder.model";
  private static final String GENERATOR_DESCRIPTOR_ENTRY = "generator.featuregen";
  /** Generators whose features depend on the token and sentence only, not on outcomes or documents. */
  private static final Set<Class<?>> SHAREABLE = Set.of(WindowFeatureGenerator.class, TokenClassFeatureGenerator.class,
      TokenFeatureGenerator.class, OutcomePriorFeatureGenerator.class, BigramNameFeatureGenerator.class,
      SentenceFeatureGenerator.class);

  private final List<AdaptiveFeatureGenerator> beforePreviousMap;
  private final List<AdaptiveFeatureGenerator> afterPreviousMap;
  private final Map<String, Finder> finders;

  private SharedFeatureNameFinders(List<AdaptiveFeatureGenerator> before, List<AdaptiveFeatureGenerator> after,
      Map<String, Finder> finders) {
    this.beforePreviousMap = before;
    this.afterPreviousMap = after;
    this.finders = finders;
  }

  /** One model's own parts. */
  private record Finder(MaxentModel model, PreviousMapFeatureGenerator previousMap, SequenceCodec<String> codec,
      SequenceValidator<String> validator, double[] probabilities) {}

  /** Shared decoding of these models (type to model), or empty when their features cannot be shared. */
  static Optional<SharedFeatureNameFinders> of(Map<String, TokenNameFinderModel> models) {
    List<AdaptiveFeatureGenerator> before = null;
    List<AdaptiveFeatureGenerator> after = null;
    byte[] descriptor = null;
    Map<String, Finder> finders = new LinkedHashMap<>();
    for (Map.Entry<String, TokenNameFinderModel> entry : models.entrySet()) {
      TokenNameFinderModel model = entry.getValue();
      byte[] ownDescriptor = model.getArtifact(GENERATOR_DESCRIPTOR_ENTRY);
      Object maxent = model.getArtifact(MAXENT_MODEL_ENTRY);
      List<AdaptiveFeatureGenerator> generators = generators(model.getFactory().createFeatureGenerators());
      int previousMapAt = indexOfOnlyPreviousMap(generators);
      if (!(maxent instanceof MaxentModel) || previousMapAt < 0
          || !finders.isEmpty() && !Arrays.equals(descriptor, ownDescriptor)) {
        return Optional.empty();
      }
      if (finders.isEmpty()) {
        descriptor = ownDescriptor;
        before = generators.subList(0, previousMapAt);
        after = generators.subList(previousMapAt + 1, generators.size());
      }
      SequenceCodec<String> codec = model.getFactory().createSequenceCodec();
      finders.put(entry.getKey(), new Finder((MaxentModel) maxent, (PreviousMapFeatureGenerator) generators.get(previousMapAt),
          codec, codec.createSequenceValidator(), new double[((MaxentModel) maxent).getNumOutcomes()]));
    }
    return finders.isEmpty() ? Optional.empty() : Optional.of(new SharedFeatureNameFinders(before, after, finders));
  }

  /** The generators a model's feature generator is made of, in order. */
  private static List<AdaptiveFeatureGenerator> generators(AdaptiveFeatureGenerator generator) {
    if (generator instanceof CachedFeatureGenerator cached) {
      return generators(cached.getCachedFeatureGenerator());
    }
    if (generator instanceof AggregatedFeatureGenerator aggregated) {
      Collection<AdaptiveFeatureGenerator> parts = aggregated.getGenerators();
      return List.copyOf(parts);
    }
    return generator == null ? List.of() : List.of(generator);
  }

  /** The position of the one previous-map generator when all others are shareable, else -1. */
  private static int indexOfOnlyPreviousMap(List<AdaptiveFeatureGenerator> generators) {
    int at = -1;
    for (int i = 0; i < generators.size(); i++) {
      Class<?> type = generators.get(i).getClass();
      if (type == PreviousMapFeatureGenerator.class && at < 0) {
        at = i;
      } else if (!SHAREABLE.contains(type)) {
        return -1;
      }
    }
    return at;
  }

  /** Each model's spans in this sentence, by type in the models' order; updates the adaptive data. */
  Map<String, Span[]> find(String[] tokens) {
    List<List<String>> before = new ArrayList<>(tokens.length);
    List<List<String>> after = new ArrayList<>(tokens.length);
    for (int i = 0; i < tokens.length; i++) {
      before.add(features(beforePreviousMap, tokens, i));
      after.add(features(afterPreviousMap, tokens, i));
    }
    Map<String, Span[]> spans = new LinkedHashMap<>();
    finders.forEach((type, finder) -> spans.put(type, decode(finder, tokens, before, after)));
    return spans;
  }

  void clearAdaptiveData() {
    finders.values().forEach(finder -> finder.previousMap().clearAdaptiveData());
  }

  private static List<String> features(List<AdaptiveFeatureGenerator> generators, String[] tokens, int index) {
    List<String> features = new ArrayList<>();
    for (AdaptiveFeatureGenerator generator : generators) {
      generator.createFeatures(features, tokens, index, null);
    }
    return features;
  }

  private static Span[] decode(Finder finder, String[] tokens, List<List<String>> before, List<List<String>> after) {
    String[] outcomes = new String[tokens.length];
    List<String> context = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      context.clear();
      context.addAll(before.get(i));
      finder.previousMap().createFeatures(context, tokens, i, null);
      context.addAll(after.get(i));
      String previous = i > 0 ? outcomes[i - 1] : OTHER;
      String beforePrevious = i > 1 ? outcomes[i - 2] : OTHER;
      context.add("po=" + previous);
      context.add("pow=" + previous + "," + tokens[i]);
      context.add("powf=" + previous + "," + FeatureGeneratorUtil.tokenFeature(tokens[i]));
      context.add("ppo=" + beforePrevious);
      double[] probabilities = finder.model().eval(context.toArray(new String[0]), finder.probabilities());
      outcomes[i] = bestValid(finder, tokens, Arrays.copyOf(outcomes, i), probabilities);
    }
    finder.previousMap().updateAdaptiveData(tokens, outcomes);
    return finder.codec().decode(Arrays.asList(outcomes));
  }

  private static String bestValid(Finder finder, String[] tokens, String[] previous, double[] probabilities) {
    String best = null;
    double bestProbability = Double.NEGATIVE_INFINITY;
    for (int o = 0; o < probabilities.length; o++) {
      String outcome = finder.model().getOutcome(o);
      if (probabilities[o] > bestProbability && finder.validator().validSequence(previous.length, tokens, previous, outcome)) {
        best = outcome;
        bestProbability = probabilities[o];
      }
    }
    return best;
  }
}
