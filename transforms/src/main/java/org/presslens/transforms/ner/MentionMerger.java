package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.presslens.transforms.model.Mention;

/**
 * Merges the spans of the dictionary and model layers within one sentence.
 *
 * <ol>
 *   <li>Dictionary spans go first, longest first, then leftmost; a span overlapping one already
 *       taken is dropped (the curated list knows the exact extent of the names it has).
 *   <li>A model span overlapping a kept dictionary span is dropped; when it has the same type, that
 *       dictionary mention counts as found by {@code both} layers, with the probability of the
 *       model span (the longest, when several confirm it).
 *   <li>Remaining model spans are kept, longest first, without overlaps.
 * </ol>
 */
public final class MentionMerger {

  private MentionMerger() {}

  /** A span proposed by one layer, with the model's probability (NaN from the dictionary); {@code end} is exclusive. */
  public record Candidate(int start, int end, String type, String source, double probability) {
    boolean overlaps(Candidate o) {
      return start < o.end && o.start < end;
    }
  }

  public static List<Candidate> merge(List<Candidate> dictionary, List<Candidate> model) {
    Comparator<Candidate> longestFirst = Comparator.comparingInt((Candidate c) -> c.end - c.start).reversed()
        .thenComparingInt(Candidate::start);
    List<Candidate> kept = new ArrayList<>();
    dictionary.stream().sorted(longestFirst).forEach(c -> {
      if (kept.stream().noneMatch(c::overlaps)) {
        kept.add(c);
      }
    });
    List<Candidate> modelSorted = model.stream().sorted(longestFirst).toList();
    for (Candidate m : modelSorted) {
      boolean clash = false;
      for (int i = 0; i < kept.size(); i++) {
        Candidate k = kept.get(i);
        if (k.overlaps(m)) {
          clash = true;
          if (k.source().equals(Mention.DICTIONARY) && k.type().equals(m.type())) {
            kept.set(i, new Candidate(k.start(), k.end(), k.type(), Mention.BOTH, m.probability()));
          }
        }
      }
      if (!clash) {
        kept.add(m);
      }
    }
    kept.sort(Comparator.comparingInt(Candidate::start));
    return kept;
  }
}
