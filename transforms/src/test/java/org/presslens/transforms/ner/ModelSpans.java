package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.ner.MentionMerger.Candidate;

/** Model candidates for the tests of the span filters: one per capitalised token, and their words. */
final class ModelSpans {

  private ModelSpans() {}

  /** A model candidate of {@code type} for each capitalised token, in token order (a mutable list). */
  static List<Candidate> oneForEachCapitalised(String[] tokens, String type) {
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      if (Character.isUpperCase(tokens[i].charAt(0))) {
        candidates.add(new Candidate(i, i + 1, type, Mention.MODEL, 0.9));
      }
    }
    return candidates;
  }

  /** The words each candidate covers. */
  static List<String> words(String[] tokens, List<Candidate> candidates) {
    return candidates.stream().map(c -> String.join(" ", Arrays.copyOfRange(tokens, c.start(), c.end()))).toList();
  }
}
