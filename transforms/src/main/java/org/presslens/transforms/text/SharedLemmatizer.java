package org.presslens.transforms.text;

import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.lemmatizer.LemmatizerContextGenerator;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceValidator;

/**
 * OpenNLP's maxent lemmatizer with the same lemmas as {@link LemmatizerME}, decoded with far less
 * work (see below), and thread-safe (one instance per model, {@link OpenNlpModels#lemmatizer()}).
 *
 * <p>{@code LemmatizerME} runs OpenNLP's {@code BeamSearch} (width 3) over a model with 860
 * outcomes (edit scripts from word to lemma): for every candidate sequence at every token it
 * evaluates the model and sorts all 860 probabilities to find the third largest, and it does so
 * again each time the same word, tag and previous outcome come up. Here the outcomes a context can
 * extend a sequence with (those at least as probable as the third most probable, in outcome
 * order) are found in one pass and remembered per context (keyed by all its features, which
 * {@link LemmatizerContextGenerator} derives from the word, its tag and the previous outcome, so
 * contexts repeat as often as words do), shared by all threads, up to {@link #MEMO_LIMIT} contexts. The search itself is BeamSearch's:
 * the same OpenNLP {@link Sequence}s in the same priority queues, filled in the same order, so
 * ties between sequences break the same way.
 */
public final class SharedLemmatizer {

  /**
   * Contexts remembered, about 400 bytes each (the key, some 20 features, and three candidates):
   * at most some 40 MB. Contexts met later are evaluated every time.
   */
  static final int MEMO_LIMIT = 100_000;

  /** BeamSearch's floor on a sequence's log probability. */
  private static final double MIN_SEQUENCE_SCORE = -100000;

  /** The model's entry in a lemmatizer model file (private in OpenNLP's LemmatizerModel). */
  private static final String MAXENT_MODEL_ENTRY = "lemmatizer.model";

  private final MaxentModel model;
  private final int beamSize;
  private final LemmatizerContextGenerator contextGenerator;
  private final SequenceValidator<String> validator;
  private final ConcurrentHashMap<String, Candidates> memo = new ConcurrentHashMap<>();

  /** The outcomes a context can extend a sequence with, in outcome order, with their probabilities. */
  record Candidates(int[] outcomes, double[] probabilities) {}

  public SharedLemmatizer(LemmatizerModel lemmatizerModel) {
    Object maxent = lemmatizerModel.getArtifact(MAXENT_MODEL_ENTRY);
    if (!(maxent instanceof MaxentModel)) {
      throw new IllegalArgumentException("not a maxent lemmatizer model: " + lemmatizerModel.getLanguage());
    }
    this.model = (MaxentModel) maxent;
    String beam = lemmatizerModel.getManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER);
    this.beamSize = beam == null ? LemmatizerME.DEFAULT_BEAM_SIZE : Integer.parseInt(beam);
    this.contextGenerator = lemmatizerModel.getFactory().getContextGenerator();
    this.validator = lemmatizerModel.getFactory().getSequenceValidator();
  }

  /** The lemma of each token; {@code tags} are its part-of-speech tags. */
  public String[] lemmatize(String[] tokens, String[] tags) {
    Object[] tagContext = {tags};
    PriorityQueue<Sequence> previous = new PriorityQueue<>(beamSize);
    PriorityQueue<Sequence> next = new PriorityQueue<>(beamSize);
    previous.add(new Sequence());
    for (int i = 0; i < tokens.length; i++) {
      int width = Math.min(beamSize, previous.size());
      for (int s = 0; !previous.isEmpty() && s < width; s++) {
        Sequence top = previous.remove();
        String[] outcomes = top.getOutcomes().toArray(String[]::new);
        String[] context = contextGenerator.getContext(i, tokens, outcomes, tagContext);
        Candidates candidates = candidates(context);
        for (int c = 0; c < candidates.outcomes().length; c++) {
          extend(next, top, i, tokens, outcomes, candidates.outcomes()[c], candidates.probabilities()[c]);
        }
        if (next.isEmpty()) { // as BeamSearch: when no candidate is valid, every valid outcome
          double[] probabilities = model.eval(context);
          for (int p = 0; p < probabilities.length; p++) {
            extend(next, top, i, tokens, outcomes, p, probabilities[p]);
          }
        }
      }
      previous.clear();
      PriorityQueue<Sequence> swap = previous;
      previous = next;
      next = swap;
    }
    List<String> best = previous.isEmpty() ? List.of() : previous.remove().getOutcomes();
    return LemmatizerME.decodeLemmas(tokens, best.toArray(String[]::new));
  }

  private void extend(PriorityQueue<Sequence> next, Sequence top, int i, String[] tokens, String[] outcomes,
      int outcome, double probability) {
    String name = model.getOutcome(outcome);
    if (validator.validSequence(i, tokens, outcomes, name)) {
      Sequence extended = new Sequence(top, name, probability);
      if (extended.getScore() > MIN_SEQUENCE_SCORE) {
        next.add(extended);
      }
    }
  }

  private Candidates candidates(String[] context) {
    String key = String.join("\u0000", context);
    Candidates known = memo.get(key);
    if (known != null) {
      return known;
    }
    Candidates found = candidates(model.eval(context), beamSize);
    if (memo.size() < MEMO_LIMIT) {
      memo.putIfAbsent(key, found);
    }
    return found;
  }

  /**
   * The outcomes whose probability is at least the {@code width}-th largest (counting equal values
   * separately, as BeamSearch's sorted copy does), in outcome order.
   */
  static Candidates candidates(double[] probabilities, int width) {
    double[] largest = new double[Math.min(width, probabilities.length)]; // descending
    int filled = 0;
    for (double p : probabilities) {
      int at = filled < largest.length ? filled++ : largest.length;
      while (at > 0 && largest[at - 1] < p) {
        if (at < largest.length) {
          largest[at] = largest[at - 1];
        }
        at--;
      }
      if (at < largest.length) {
        largest[at] = p;
      }
    }
    double min = largest[largest.length - 1];
    int count = 0;
    for (double p : probabilities) {
      if (p >= min) {
        count++;
      }
    }
    int[] outcomes = new int[count];
    double[] chosen = new double[count];
    for (int p = 0, c = 0; p < probabilities.length; p++) {
      if (probabilities[p] >= min) {
        outcomes[c] = p;
        chosen[c++] = probabilities[p];
      }
    }
    return new Candidates(outcomes, chosen);
  }
}
