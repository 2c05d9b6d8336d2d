package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
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
 * begin) are built once per token. Each feature is then looked up once for all models, in one map
 * from feature to each model's parameters ({@link #parameters}), instead of once in each model's
 * own map of some 350,000 features: these lookups, cache misses in large hash tables, were the
 * largest cost of the entity stage. The models are GIS models read from files, which OpenNLP
 * evaluates with a uniform prior: the probabilities are computed here as {@code GISModel.eval}
 * does, with the same parameters summed in NameFinderME's feature order, so they, and the
 * decisions, are the same bit for bit. Decoding is greedy as OpenNLP's
 * {@code BeamSearch} with one beam: at each token the valid outcome ({@link SequenceValidator})
 * with the highest probability, the first of equals.
 *
 * <p>{@link #of} refuses models that are not GIS models, or whose features differ or include
 * generators other than those above (the bundled {@link NameFinderModels} are all alike). Not
 * thread-safe (adaptive data per document); {@link #clearAdaptiveData()} after each document.
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
  /** Feature to each model's parameters for it (null where a model does not know it). */
  private final Map<String, Context[]> parameters;

  private SharedFeatureNameFinders(List<AdaptiveFeatureGenerator> before, List<AdaptiveFeatureGenerator> after,
      Map<String, Finder> finders) {
    this.beforePreviousMap = before;
    this.afterPreviousMap = after;
    this.finders = finders;
    this.parameters = parameters(finders.values().stream().map(Finder::model).toList());
  }

  private static List<MaxentModel> mergedFor = List.of();
  private static Map<String, Context[]> merged;

  /** The models' feature maps merged, built once per JVM for the same models (about 0.5 s). */
  private static synchronized Map<String, Context[]> parameters(List<MaxentModel> models) {
    boolean same = models.size() == mergedFor.size();
    for (int m = 0; same && m < models.size(); m++) {
      same = models.get(m) == mergedFor.get(m);
    }
    if (!same) {
      Map<String, Context[]> byFeature = new HashMap<>();
      for (int m = 0; m < models.size(); m++) {
        int index = m;
        @SuppressWarnings("unchecked")
        Map<String, Context> own = (Map<String, Context>) ((GISModel) models.get(m)).getDataStructures()[1];
        own.forEach((feature, context) -> byFeature.computeIfAbsent(feature, f -> new Context[models.size()])[index] = context);
      }
      merged = byFeature;
      mergedFor = List.copyOf(models);
    }
    return merged;
  }

  /** One model's own parts. */
  private record Finder(int index, MaxentModel model, PreviousMapFeatureGenerator previousMap,
      SequenceCodec<String> codec, SequenceValidator<String> validator, double[] probabilities) {}

  /**
   * Shared decoding of these models (type to model).
   *
   * @throws IllegalArgumentException when the models cannot share their features (see class comment)
   */
  static SharedFeatureNameFinders of(Map<String, TokenNameFinderModel> models) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("no name-finder models");
    }
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
      if (maxent == null || maxent.getClass() != GISModel.class || previousMapAt < 0
          || !finders.isEmpty() && !Arrays.equals(descriptor, ownDescriptor)) {
        throw new IllegalArgumentException("The " + entry.getKey() + " name-finder model is not a GIS model with "
            + "the same default features as the others; PressLens decodes OpenNLP 1.5-style name finders only");
      }
      if (finders.isEmpty()) {
        descriptor = ownDescriptor;
        before = generators.subList(0, previousMapAt);
        after = generators.subList(previousMapAt + 1, generators.size());
      }
      SequenceCodec<String> codec = model.getFactory().createSequenceCodec();
      finders.put(entry.getKey(), new Finder(finders.size(), (MaxentModel) maxent,
          (PreviousMapFeatureGenerator) generators.get(previousMapAt), codec, codec.createSequenceValidator(),
          new double[((MaxentModel) maxent).getNumOutcomes()]));
    }
    return new SharedFeatureNameFinders(before, after, finders);
  }

  /** The generators a model's feature generator is made of, in order. */
  private static List<AdaptiveFeatureGenerator> generators(AdaptiveFeatureGenerator generator) {
    if (generator instanceof CachedFeatureGenerator cached) {
      return generators(cached.getCachedFeatureGenerator());
    }
    if (generator instanceof AggregatedFeatureGenerator aggregated) {
      return List.copyOf(aggregated.getGenerators());
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
    List<Context[][]> before = new ArrayList<>(tokens.length);
    List<Context[][]> after = new ArrayList<>(tokens.length);
    for (int i = 0; i < tokens.length; i++) {
      before.add(lookUp(features(beforePreviousMap, tokens, i)));
      after.add(lookUp(features(afterPreviousMap, tokens, i)));
    }
    Map<String, Span[]> spans = new LinkedHashMap<>();
    finders.forEach((type, finder) -> spans.put(type, decode(finder, tokens, before, after)));
    return spans;
  }

  /** Each feature's parameters in all models. */
  private Context[][] lookUp(List<String> features) {
    Context[][] found = new Context[features.size()][];
    for (int f = 0; f < found.length; f++) {
      found[f] = parameters.get(features.get(f));
    }
    return found;
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

  private Span[] decode(Finder finder, String[] tokens, List<Context[][]> before, List<Context[][]> after) {
    String[] outcomes = new String[tokens.length];
    List<String> own = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      own.clear();
      finder.previousMap().createFeatures(own, tokens, i, null);
      int previousMapFeatures = own.size();
      String previous = i > 0 ? outcomes[i - 1] : OTHER;
      String beforePrevious = i > 1 ? outcomes[i - 2] : OTHER;
      own.add("po=" + previous);
      own.add("pow=" + previous + "," + tokens[i]);
      own.add("powf=" + previous + "," + FeatureGeneratorUtil.tokenFeature(tokens[i]));
      own.add("ppo=" + beforePrevious);
      // NameFinderME's order: shared features, previous map, shared features, previous outcomes.
      Context[][] first = before.get(i);
      Context[][] second = after.get(i);
      Context[] context = new Context[first.length + second.length + own.size()];
      int c = 0;
      for (Context[] shared : first) {
        context[c++] = shared == null ? null : shared[finder.index()];
      }
      for (int f = 0; f < previousMapFeatures; f++) {
        context[c++] = parameter(own.get(f), finder);
      }
      for (Context[] shared : second) {
        context[c++] = shared == null ? null : shared[finder.index()];
      }
      for (int f = previousMapFeatures; f < own.size(); f++) {
        context[c++] = parameter(own.get(f), finder);
      }
      double[] probabilities = probabilities(context, finder.probabilities());
      outcomes[i] = bestValid(finder, tokens, Arrays.copyOf(outcomes, i), probabilities);
    }
    finder.previousMap().updateAdaptiveData(tokens, outcomes);
    return finder.codec().decode(Arrays.asList(outcomes));
  }

  private Context parameter(String feature, Finder finder) {
    Context[] all = parameters.get(feature);
    return all == null ? null : all[finder.index()];
  }

  /** The probabilities the model of this type gives these features, for tests. */
  double[] evaluate(String type, String[] features) {
    Finder finder = finders.get(type);
    Context[] context = new Context[features.length];
    for (int f = 0; f < features.length; f++) {
      context[f] = parameter(features[f], finder);
    }
    return probabilities(context, new double[finder.model().getNumOutcomes()]);
  }

  /** GISModel.eval with OpenNLP's uniform prior: the same operations in the same order. */
  private static double[] probabilities(Context[] context, double[] sums) {
    Arrays.fill(sums, StrictMath.log(1.0 / sums.length));
    ArrayMath.sumFeatures(context, null, sums);
    double normal = 0.0;
    for (int o = 0; o < sums.length; o++) {
      sums[o] = StrictMath.exp(sums[o]);
      normal += sums[o];
    }
    for (int o = 0; o < sums.length; o++) {
      sums[o] /= normal;
    }
    return sums;
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
