package org.presslens.transforms.stats;

/**
 * Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &amp; Quinn 2008,
 * "Fightin' Words", eqs. 16 and 18-20). For term w, target i and reference j:
 *
 * <pre>
 *   delta = ln((y_i + a_w) / (n_i + a_0 - y_i - a_w)) - ln((y_j + a_w) / (n_j + a_0 - y_j - a_w))
 *   var   = 1 / (y_i + a_w) + 1 / (y_j + a_w)
 *   z     = delta / sqrt(var)
 * </pre>
 *
 * where the prior a_w = s * y_w (the term's count in the whole corpus) and a_0 = s * n (the
 * corpus size), s being the prior scale: the prior adds the corpus-wide distribution, weighted
 * as s corpora, to both sides, which shrinks estimates for rare terms towards zero.
 */
public final class WeightedLogOdds {

  private WeightedLogOdds() {}

  /** Log-odds ratio and its z-score. */
  public record Result(double delta, double z) {}

  /**
   * @param corpusCount the term's count in the whole corpus (the prior's source)
   * @param corpusTotal the corpus size in the same units as the totals
   * @param priorScale s above; 1 means the prior weighs as much as the corpus itself
   */
  public static Result of(TwoByTwo t, double corpusCount, double corpusTotal, double priorScale) {
    if (priorScale <= 0 || corpusCount <= 0 || corpusTotal <= 0) {
      throw new IllegalArgumentException("prior scale and corpus counts must be positive");
    }
    double alphaW = priorScale * corpusCount;
    double alpha0 = priorScale * corpusTotal;
    double target = Math.log((t.a() + alphaW) / (t.targetTotal() + alpha0 - t.a() - alphaW));
    double reference = Math.log((t.b() + alphaW) / (t.referenceTotal() + alpha0 - t.b() - alphaW));
    double delta = target - reference;
    double variance = 1.0 / (t.a() + alphaW) + 1.0 / (t.b() + alphaW);
    return new Result(delta, delta / Math.sqrt(variance));
  }
}
