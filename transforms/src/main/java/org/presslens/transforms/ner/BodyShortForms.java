package org.presslens.transforms.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.presslens.transforms.model.Mention;

/**
 * A generic noun of bodies alone after a longer name with it is that name's short form, as the
 * guidelines count it ("the Department" after "the Department of State" is the Department of
 * State, "the Commission" after "the Securities and Exchange Commission" that commission): within
 * one document, an organisation mention of one word of {@link NonNameSpans#GENERIC_BODIES} that
 * is its own canonical name takes the canonical name of the nearest organisation mention before it
 * whose canonical name has more words, one of them this one. Not the nouns a text uses for its own
 * country and government ("the Nation", "the Union", "the Republic", "the Government", "the
 * Administration", "the Executive": not the Soviet Union, the Republic of Mexico or the Small
 * Business Administration of an earlier sentence), nor the White House for "the House". Without
 * such a name before it the mention keeps its own.
 */
final class BodyShortForms {

  private static final String ORGANIZATION = "organization";
  /** Names that no generic noun alone stands for. */
  private static final Set<String> NEVER_SHORTENED = Set.of("White House");

  private BodyShortForms() {}

  /** The document's mentions, in text order, with each short form named by its full name. */
  static List<Mention> resolve(List<Mention> mentions) {
    List<Mention> out = null;
    for (int i = 0; i < mentions.size(); i++) {
      Mention m = mentions.get(i);
      String fullName = isShortForm(m) ? fullNameBefore(mentions, i, m.surface()) : null;
      if (fullName != null) {
        if (out == null) {
          out = new ArrayList<>(mentions);
        }
        out.set(i, new Mention(fullName, m.type(), m.surface(), m.sentence(), m.start(), m.end(), m.source(),
            m.probability(), m.charStart(), m.charEnd(), m.written()));
      }
    }
    return out == null ? mentions : out;
  }

  private static boolean isShortForm(Mention m) {
    return m.type().equals(ORGANIZATION) && m.canonical().equals(m.surface())
        && NonNameSpans.GENERIC_BODIES.contains(m.surface()) && !NonNameSpans.OWN_GOVERNMENT.contains(m.surface());
  }

  /** The canonical name of the nearest organisation before position {@code i} that has {@code word} among more words. */
  private static String fullNameBefore(List<Mention> mentions, int i, String word) {
    for (int k = i - 1; k >= 0; k--) {
      Mention before = mentions.get(k);
      if (before.type().equals(ORGANIZATION) && before.canonical().contains(" ")
          && !NEVER_SHORTENED.contains(before.canonical()) && Arrays.asList(before.canonical().split(" ")).contains(word)) {
        return before.canonical();
      }
    }
    return null;
  }
}
