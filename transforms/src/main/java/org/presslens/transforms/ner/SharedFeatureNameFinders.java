package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.TokenNameFinderFactory;
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
 * together: the same spans as one {@code NameFinderME} per model with beam width 1.
 *
 * <p>Decoding is greedy as OpenNLP's {@code BeamSearch} with one beam, instead of OpenNLP's
 * default beam of 3: at each token the valid outcome ({@link SequenceValidator}) with the highest
 * probability, the first of equals. On the seeds' gold annotation the combined layers score as
 * well with one beam as with three, in less time (docs/entities.md).
 *
 * <p>{@code NameFinderME} builds every token's features once per model, although only two parts
 * depend on the model: the previous-map feature (the outcome this model gave the same word earlier
 * in the document) and the previous-outcome features ({@code po=}, {@code pow=}, {@code powf=},
 * {@code ppo=}). Here the others (token and token-class windows, outcome prior, bigrams, sentence
 * begin) are built once per token. Each feature is then looked up once for all models, in one
 * table from feature to each model's parameters ({@link GisParameters}), instead of once in each
 * model's own map of some 350,000 features: these lookups, cache misses in large hash tables, were
 * the largest cost of the entity stage. The models are GIS models, which OpenNLP evaluates with a
 * uniform prior: the probabilities are computed here as {@code GISModel.eval} does, with the same
 * parameters summed in NameFinderME's feature order, so they, and the decisions, are the same bit
 * for bit.
 *
 * <p>The feature generators are those OpenNLP's {@link TokenNameFinderFactory} creates for a model
 * without a generator descriptor, as the 1.5 models are ({@link NameFinderModels} accepts no
 * other); {@link #of} refuses them if they include generators other than those above. Not
 * thread-safe (adaptive data per document); {@link #clearAdaptiveData()} after each document.
 */
final class SharedFeatureNameFinders {

  private static final String OTHER = "other";
  /** Distinct tokens remembered at most; the memory is cleared when it is full. */
  private static final int REMEMBERED_TOKENS = 100_000;
  /** Generators whose features depend on the token and sentence only, not on outcomes or documents. */
  private static final Set<Class<?>> SHAREABLE = Set.of(WindowFeatureGenerator.class, TokenClassFeatureGenerator.class,
      TokenFeatureGenerator.class, OutcomePriorFeatureGenerator.class, BigramNameFeatureGenerator.class,
      SentenceFeatureGenerator.class);

  /** The shared generators before and after the previous-map generator, in order. */
  private final List<SharedFeatures> beforePreviousMap;
  private final List<SharedFeatures> afterPreviousMap;
  /** The window generators among them, in the order of {@link TokenFeatures#windows}. */
  private final List<WindowEntries> windows = new ArrayList<>();
  private final Map<String, Finder> finders;
  private final GisParameters parameters;
  private final EntryList entries = new EntryList();
  private final List<String> previousMapFeatures = new ArrayList<>();
  private final HashMap<String, TokenFeatures> tokenFeatures = new HashMap<>();
  private final int[] outcomesPerModel;
  /** Where each model's outcomes start in {@link TokenFeatures#previousAndToken}. */
  private final int[] firstOutcome;

  private SharedFeatureNameFinders(List<AdaptiveFeatureGenerator> before, List<AdaptiveFeatureGenerator> after,
      Map<String, Finder> finders, GisParameters parameters) {
    this.beforePreviousMap = before.stream().map(g -> SharedFeatures.of(g, parameters, windows)).toList();
    this.afterPreviousMap = after.stream().map(g -> SharedFeatures.of(g, parameters, windows)).toList();
    this.finders = finders;
    this.parameters = parameters;
    this.outcomesPerModel = finders.values().stream().mapToInt(f -> f.outcomes().length).toArray();
    this.firstOutcome = new int[outcomesPerModel.length];
    for (int m = 1; m < firstOutcome.length; m++) {
      firstOutcome[m] = firstOutcome[m - 1] + outcomesPerModel[m - 1];
    }
  }

  /** One model's own parts; {@code other} is the index of the outcome outside names, the start of every sentence. */
  private record Finder(int index, String[] outcomes, int other, PreviousMapFeatureGenerator previousMap,
      OutcomeEntries outcomeEntries, SequenceCodec<String> codec, SequenceValidator<String> validator,
      double[] probabilities) {}

  /**
   * Shared decoding of these models.
   *
   * @throws IllegalArgumentException when there are none, or OpenNLP's default features include
   *     generators that are not shareable (see class comment)
   */
  static SharedFeatureNameFinders of(NameFinderModels models) {
    if (models.types().isEmpty()) {
      throw new IllegalArgumentException("no name-finder models");
    }
    List<AdaptiveFeatureGenerator> before = null;
    List<AdaptiveFeatureGenerator> after = null;
    Map<String, Finder> finders = new LinkedHashMap<>();
    for (String type : models.types()) {
      // each model its own generators: the previous-map generator keeps adaptive data per model
      List<AdaptiveFeatureGenerator> generators = generators(new TokenNameFinderFactory().createFeatureGenerators());
      int previousMapAt = indexOfOnlyPreviousMap(generators);
      if (previousMapAt < 0) {
        throw new IllegalArgumentException("OpenNLP's default name-finder features are not those PressLens decodes");
      }
      if (finders.isEmpty()) {
        before = generators.subList(0, previousMapAt);
        after = generators.subList(previousMapAt + 1, generators.size());
      }
      int index = finders.size();
      String[] outcomes = models.parameters().outcomes(index);
      int other = List.of(outcomes).indexOf(OTHER);
      if (other < 0) {
        throw new IllegalArgumentException("The " + type + " name-finder model has no outcome '" + OTHER + "'");
      }
      SequenceCodec<String> codec = new BioCodec();
      finders.put(type, new Finder(index, outcomes, other, (PreviousMapFeatureGenerator) generators.get(previousMapAt),
          new OutcomeEntries(models.parameters(), outcomes), codec, codec.createSequenceValidator(),
          new double[outcomes.length]));
    }
    return new SharedFeatureNameFinders(before, after, finders, models.parameters());
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
    TokenFeatures[] known = new TokenFeatures[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      known[i] = tokenFeatures(tokens[i]);
    }
    List<int[]> before = new ArrayList<>(tokens.length);
    List<int[]> after = new ArrayList<>(tokens.length);
    for (int i = 0; i < tokens.length; i++) {
      before.add(sharedEntries(beforePreviousMap, tokens, known, i));
      after.add(sharedEntries(afterPreviousMap, tokens, known, i));
    }
    Map<String, Span[]> spans = new LinkedHashMap<>();
    finders.forEach((type, finder) -> spans.put(type, decode(finder, tokens, known, before, after)));
    return spans;
  }

  private TokenFeatures tokenFeatures(String token) {
    TokenFeatures known = tokenFeatures.get(token);
    if (known == null) {
      if (tokenFeatures.size() >= REMEMBERED_TOKENS) {
        tokenFeatures.clear();
      }
      known = new TokenFeatures(token, windows, FeatureGeneratorUtil.tokenFeature(token),
          parameters.wordPairs().number(token), outcomesPerModel);
      tokenFeatures.put(token, known);
    }
    return known;
  }

  /** The entries in the parameters (-1 when no model knows it) of the generators' features of token {@code i}, in order. */
  private int[] sharedEntries(List<SharedFeatures> generators, String[] tokens, TokenFeatures[] known, int i) {
    entries.clear();
    for (SharedFeatures generator : generators) {
      generator.append(tokens, known, i, entries);
    }
    return entries.toArray();
  }

  void clearAdaptiveData() {
    finders.values().forEach(finder -> finder.previousMap().clearAdaptiveData());
  }

  private Span[] decode(Finder finder, String[] tokens, TokenFeatures[] known, List<int[]> before, List<int[]> after) {
    String[] outcomes = new String[tokens.length];
    int[] outcomeIndices = new int[tokens.length];
    double[] chosen = new double[tokens.length];
    OutcomeEntries own = finder.outcomeEntries();
    int model = finder.index();
    for (int i = 0; i < tokens.length; i++) {
      previousMapFeatures.clear();
      finder.previousMap().createFeatures(previousMapFeatures, tokens, i, null);
      int previous = i > 0 ? outcomeIndices[i - 1] : finder.other();
      int beforePrevious = i > 1 ? outcomeIndices[i - 2] : finder.other();
      // NameFinderME's order: shared features, previous map, shared features, then the previous
      // outcomes as its context generator adds them: po, pow, powf, ppo.
      double[] sums = startSums(finder.probabilities());
      for (int entry : before.get(i)) {
        parameters.addTo(entry, model, sums);
      }
      for (String feature : previousMapFeatures) {
        parameters.addTo(own.feature(feature), model, sums);
      }
      for (int entry : after.get(i)) {
        parameters.addTo(entry, model, sums);
      }
      parameters.addTo(own.previous(previous), model, sums);
      parameters.addTo(own.previousAndToken(previous, tokens[i], known[i].previousAndToken, firstOutcome[model]), model, sums);
      parameters.addTo(own.previousAndTokenClass(previous, known[i].tokenClass), model, sums);
      parameters.addTo(own.beforePrevious(beforePrevious), model, sums);
      double[] probabilities = normalised(sums);
      outcomeIndices[i] = bestValid(finder, tokens, Arrays.copyOf(outcomes, i), probabilities);
      outcomes[i] = finder.outcomes()[outcomeIndices[i]];
      chosen[i] = probabilities[outcomeIndices[i]];
    }
    finder.previousMap().updateAdaptiveData(tokens, outcomes);
    return withProbabilities(finder.codec().decode(Arrays.asList(outcomes)), chosen);
  }

  /** Each span with the mean probability of its tokens' outcomes, as NameFinderME gives it. */
  private static Span[] withProbabilities(Span[] spans, double[] chosen) {
    Span[] out = new Span[spans.length];
    for (int s = 0; s < spans.length; s++) {
      double sum = 0;
      for (int i = spans[s].getStart(); i < spans[s].getEnd(); i++) {
        sum += chosen[i];
      }
      out[s] = new Span(spans[s].getStart(), spans[s].getEnd(), spans[s].getType(), sum / spans[s].length());
    }
    return out;
  }

  /** The probabilities the model of this type gives these features, for tests. */
  double[] evaluate(String type, String[] features) {
    Finder finder = finders.get(type);
    double[] sums = startSums(new double[finder.outcomes().length]);
    for (String feature : features) {
      parameters.addTo(parameters.find(feature), finder.index(), sums);
    }
    return normalised(sums);
  }

  /** GISModel.eval with OpenNLP's uniform prior, first part: every outcome starts at log(1 / outcomes). */
  private static double[] startSums(double[] sums) {
    Arrays.fill(sums, StrictMath.log(1.0 / sums.length));
    return sums;
  }

  /** GISModel.eval, last part, after the features' parameters were added: the same operations in the same order. */
  private static double[] normalised(double[] sums) {
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

  /** The index of the valid outcome of highest probability, the first of equals. */
  private static int bestValid(Finder finder, String[] tokens, String[] previous, double[] probabilities) {
    int best = -1;
    double bestProbability = Double.NEGATIVE_INFINITY;
    for (int o = 0; o < probabilities.length; o++) {
      String outcome = finder.outcomes()[o];
      if (probabilities[o] > bestProbability && finder.validator().validSequence(previous.length, tokens, previous, outcome)) {
        best = o;
        bestProbability = probabilities[o];
      }
    }
    if (best < 0) {
      throw new IllegalStateException("no valid outcome: the BIO codec always accepts '" + OTHER + "'");
    }
    return best;
  }
}
