package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.presslens.transforms.model.Mention;

/**
 * Merges the spans of the dictionary and model layers within one sentence.
 *
 * <ol>
 *   <li>Dictionary spans go first, longest first (a leading {@code the} not counted), then
 *       leftmost; a span overlapping one already taken is dropped (the curated list knows the
 *       exact extent of the names it has).
 *   <li>A model span overlapping a kept dictionary span is dropped; when it has the same type, that
 *       dictionary mention counts as found by {@code both} layers, with the probability of the
 *       model span (the longest, when several confirm it).
 *   <li>Remaining model spans are kept, longest first, without overlaps.
 *   <li>A dictionary place directly followed by a model organisation becomes one organisation
 *       ({@code U.S. Courier}: names of organisations often begin with a place).
 * </ol>
 */
public final class MentionMerger {

  private static final String LOCATION = "location";
  private static final String ORGANIZATION = "organization";

  private MentionMerger() {}

  /** A span proposed by one layer, with the model's probability (NaN from the dictionary); {@code end} is exclusive. */
  public record Candidate(int start, int end, String type, String source, double probability) {
    boolean overlaps(Candidate o) {
      return start < o.end && o.start < end;
    }
  }

  public static List<Candidate> merge(String[] tokens, List<Candidate> dictionary, List<Candidate> model) {
    Comparator<Candidate> longestFirst = Comparator.comparingInt((Candidate c) -> words(tokens, c)).reversed()
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
    return placesLeadingOrganisations(kept);
  }

  /**
   * A place from the dictionary directly followed by an organisation only a model found is one
   * organisation ({@code U.S.} + {@code Courier} is {@code U.S. Courier}), the model's.
   */
  private static List<Candidate> placesLeadingOrganisations(List<Candidate> sorted) {
    List<Candidate> out = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      Candidate c = sorted.get(i);
      Candidate next = i + 1 < sorted.size() ? sorted.get(i + 1) : null;
      if (next != null && c.end() == next.start() && c.type().equals(LOCATION) && !c.source().equals(Mention.MODEL)
          && next.type().equals(ORGANIZATION) && next.source().equals(Mention.MODEL)) {
        out.add(new Candidate(c.start(), next.end(), ORGANIZATION, Mention.MODEL, next.probability()));
        i++;
      } else {
        out.add(c);
      }
    }
    return out;
  }

  /** A candidate's length in words, without a leading {@code the} (an alias's {@code the U.S.} is one word). */
  private static int words(String[] tokens, Candidate c) {
    return c.end - c.start - (tokens[c.start].equalsIgnoreCase("the") ? 1 : 0);
  }
}
