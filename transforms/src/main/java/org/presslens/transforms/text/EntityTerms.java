package org.presslens.transforms.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.presslens.transforms.model.Mention;

/**
 * Multiword entities as single terms ({@code --entityTerms}): the counted terms of each mention
 * of two or more tokens are joined with {@value #JOINER} into one term ({@code jens_stoltenberg},
 * {@code united_states}, {@code bank_of_england}), as quanteda's {@code tokens_compound} does, so
 * their parts are not counted again as unigrams and n-grams. The compound is a unigram: n-grams
 * run across it ({@code jens_stoltenberg said}). Punctuation inside a mention is left out of the
 * compound; mentions of one token stay as they are; running words are counted as before.
 */
public final class EntityTerms {

  public static final String JOINER = "_";

  private EntityTerms() {}

  /** The sentences' terms with each multiword mention made one term (mentions as found in these sentences). */
  public static List<String[]> compound(List<String[]> terms, List<Mention> mentions) {
    List<List<Mention>> bySentence = new ArrayList<>();
    terms.forEach(s -> bySentence.add(new ArrayList<>()));
    for (Mention m : mentions) {
      if (m.end() - m.start() >= 2 && m.sentence() < terms.size()) {
        bySentence.get(m.sentence()).add(m);
      }
    }
    List<String[]> result = new ArrayList<>(terms.size());
    for (int s = 0; s < terms.size(); s++) {
      List<Mention> here = bySentence.get(s);
      result.add(here.isEmpty() ? terms.get(s) : compound(terms.get(s), here));
    }
    return result;
  }

  private static String[] compound(String[] sentence, List<Mention> mentions) {
    mentions.sort(Comparator.comparingInt(Mention::start));
    List<String> out = new ArrayList<>(sentence.length);
    int i = 0;
    for (Mention m : mentions) {
      if (m.start() < i || m.end() > sentence.length) {
        continue; // overlaps the previous mention
      }
      while (i < m.start()) {
        out.add(sentence[i++]);
      }
      StringBuilder joined = new StringBuilder();
      for (; i < m.end(); i++) {
        if (sentence[i] != null) {
          joined.append(joined.isEmpty() ? "" : JOINER).append(sentence[i]);
        }
      }
      out.add(joined.isEmpty() ? null : joined.toString());
    }
    while (i < sentence.length) {
      out.add(sentence[i++]);
    }
    return out.toArray(String[]::new);
  }
}
