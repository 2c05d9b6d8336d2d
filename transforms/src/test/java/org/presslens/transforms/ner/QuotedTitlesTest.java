package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.ner.MentionMerger.Candidate;
import org.presslens.transforms.text.StopWords;

class QuotedTitlesTest {

  private final QuotedTitles titles = new QuotedTitles(StopWords.english());

  /** The capitalised words of the sentence that stay model candidates, one candidate each. */
  private List<String> kept(String sentence) {
    String[] tokens = sentence.split(" ");
    List<Candidate> fromModel = ModelSpans.oneForEachCapitalised(tokens, "person");
    titles.removeFromModel(tokens, fromModel);
    return ModelSpans.words(tokens, fromModel);
  }

  @Test
  void theNamesInAQuotedTitleAreNoMentions() {
    assertEquals(List.of("Newport"), kept("Newport presents \" Epitaph For George Dillon \" by night"));
    assertEquals(List.of("Osborne"), kept("Osborne wrote \u201C A Gift of Time \u201D this season"));
  }

  @Test
  void speechNicknamesAndQuotedNamesStay() {
    // a word in lower case other than a stop word: speech
    assertEquals(List.of("Met"), kept("\" back with the Met again \" she said"));
    // one or two words: a nickname or a name
    assertEquals(List.of("Mister", "Sam", "Rayburn"), kept("\" Mister Sam \" Rayburn is gone"));
    // a personal pronoun: speech
    assertEquals(List.of("I", "Billy", "Jones"), kept("\" I 'm Billy Jones \" , the boy answered"));
    // the head word of an organisation: a name in quotation marks
    assertEquals(List.of("Western", "Union", "Telegraph", "Company"), kept("the \" Western Union Telegraph Company \" said"));
  }
}
