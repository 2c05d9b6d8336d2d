package org.presslens.transforms.ner;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Words that look like the demonym of a gazetteer name ({@code German} for {@code Germany},
 * {@code Nicaraguan} for {@code Nicaragua}): ending as {@link OrganisationNames#DEMONYM} after a
 * stem of four letters or more that begins another word of a gazetteer name. A name whose only
 * such word is itself ({@code Michigan}, {@code Afghanistan}) is none.
 */
final class Demonyms {

  private static final int MIN_STEM = 4;

  private final Set<String> nameWords;
  /** How many distinct words of gazetteer names begin with each stem of four letters or more. */
  private final Map<String, Integer> wordsByStem = new HashMap<>();

  Demonyms(Set<String> nameWords) {
    this.nameWords = nameWords;
    for (String word : nameWords) {
      for (int length = MIN_STEM; length <= word.length(); length++) {
        wordsByStem.merge(word.substring(0, length), 1, Integer::sum);
      }
    }
  }

  boolean looksLikeDemonym(String word) {
    var ending = OrganisationNames.DEMONYM.matcher(word);
    if (!ending.find() || ending.start() < MIN_STEM) {
      return false;
    }
    int words = wordsByStem.getOrDefault(word.substring(0, ending.start()), 0);
    return words - (nameWords.contains(word) ? 1 : 0) > 0;
  }
}
