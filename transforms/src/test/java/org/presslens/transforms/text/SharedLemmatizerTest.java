package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.postag.POSTaggerME;
import org.junit.jupiter.api.Test;

/** The fast lemmatizer against OpenNLP's LemmatizerME, sentence by sentence. */
class SharedLemmatizerTest {

  @Test
  void candidatesAreTheOutcomesAtLeastAsProbableAsTheWidthLargest() {
    assertArrayEquals(new int[] {1, 2, 4}, SharedLemmatizer.candidates(new double[] {0.1, 0.3, 0.3, 0.0, 0.3}, 3).outcomes());
    // Equal values count separately: the third largest of 0.5, 0.2, 0.2, 0.1 is 0.2.
    assertArrayEquals(new int[] {0, 1, 2}, SharedLemmatizer.candidates(new double[] {0.5, 0.2, 0.2, 0.1}, 3).outcomes());
    assertArrayEquals(new int[] {0, 2}, SharedLemmatizer.candidates(new double[] {0.6, 0.1, 0.3}, 2).outcomes());
    assertArrayEquals(new double[] {0.6, 0.3}, SharedLemmatizer.candidates(new double[] {0.6, 0.1, 0.3}, 2).probabilities());
    assertArrayEquals(new int[] {0, 1}, SharedLemmatizer.candidates(new double[] {0.4, 0.6}, 3).outcomes());
  }

  /**
   * The seeds' sentences, then 800 sentences cut from the seeds' tokens with some words swapped
   * for others (unusual tag and word sequences), each lemmatized twice (the second time from the
   * remembered contexts): the same lemmas as LemmatizerME every time.
   */
  @Test
  void sameLemmasAsOpenNlp() throws IOException {
    OpenNlpModels models = OpenNlpModels.shared();
    DocumentTokenizer tokenizer = new DocumentTokenizer(models, false);
    List<String[]> sentences = new ArrayList<>();
    SeedSentences.documents(tokenizer).forEach(sentences::addAll);
    List<String> words = new ArrayList<>();
    sentences.forEach(sentence -> words.addAll(List.of(sentence)));
    // Sentences of State of the Union addresses (1790s-1810s) where the beam of three finds other
    // lemmas than greedy decoding would ("alienate", "she mean"): a narrower beam fails here.
    for (String text : List.of(
        "That the mode of alienating their lands, the main source of discontent and war, should be so defined and "
            + "regulated as to obviate imposition and as far as may be practicable controversy concerning the reality "
            + "and extent of the alienations which are made.",
        "She was enabled to review with candor her relations with the United States and her own situation, and her "
            + "means of redress, she was likewise enabled to take with honor the course best calculated to do justice.")) {
      sentences.addAll(tokenizer.tokenize(text).surfaces());
    }
    Random random = new Random(5);
    for (int s = 0; s < 800; s++) {
      sentences.add(SeedSentences.shuffled(words, random, 40));
    }
    POSTaggerME tagger = new POSTaggerME(models.pos());
    LemmatizerME openNlp = new LemmatizerME(models.lemmas());
    SharedLemmatizer fast = new SharedLemmatizer(models.lemmas());
    int compared = 0;
    for (int round = 0; round < 2; round++) {
      for (String[] sentence : sentences) {
        String[] tags = tagger.tag(sentence);
        assertArrayEquals(openNlp.lemmatize(sentence, tags), fast.lemmatize(sentence, tags), String.join(" ", sentence));
        compared++;
      }
    }
    assertEquals(2 * sentences.size(), compared);
  }
}
