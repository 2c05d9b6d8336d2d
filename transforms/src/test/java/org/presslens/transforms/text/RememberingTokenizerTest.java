package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The remembering tokenizer gives OpenNLP's own tokens. Checked on the seeds always, and on every
 * document of the corpora in {@code ../shared/corpora} when that folder is there (beside the
 * project, as for the benchmarks).
 */
class RememberingTokenizerTest {

  private static SentenceDetectorME sentences;
  private static TokenizerME model;

  @BeforeAll
  static void loadModels() {
    sentences = new SentenceDetectorME(OpenNlpModels.shared().sentences());
    model = new TokenizerME(OpenNlpModels.shared().tokens());
  }

  @Test
  void givesTheModelsTokensForAmbiguousAndRepeatedTokens() {
    RememberingTokenizer remembering = new RememberingTokenizer(OpenNlpModels.shared().tokens());
    for (String sentence : List.of("Mr. Stoltenberg said NATO's \"open door\" (Art. 10) isn't closed, etc.",
        "The U.S.-led coalition paid $1,000.50 on 12/03/2022; e-mail: press@nato.int!",
        "Mr. Stoltenberg said it again, Mr. Stoltenberg said, in the U.S.")) {
      assertArrayEquals(model.tokenizePos(sentence), remembering.tokenizePos(sentence), sentence);
    }
  }

  @Test
  void instancesOnOneModelShareTheirDecisions() {
    String token = "shared-memo-probe's";
    RememberingTokenizer first = new RememberingTokenizer(OpenNlpModels.shared().tokens());
    RememberingTokenizer second = new RememberingTokenizer(OpenNlpModels.shared().tokens());
    assertFalse(second.remembers(token));
    first.tokenizePos("A " + token + " text.");
    assertTrue(second.remembers(token), "one instance's decision serves the other");
  }

  @Test
  void givesTheModelsTokensOnTheSeedsAndTheSharedCorpora() throws IOException {
    List<Path> sources = TestTexts.sources();
    RememberingTokenizer remembering = new RememberingTokenizer(OpenNlpModels.shared().tokens());
    assertTrue(remembering.keepsAlphanumericWhole(), "the shared model keeps ASCII letters and digits whole");
    long tokens = 0;
    long same = 0;
    for (Path source : sources) {
      for (String text : TestTexts.texts(source)) {
        for (String block : Paragraphs.split(TextNormalizer.normalize(text))) {
          for (String sentence : sentences.sentDetect(block)) {
            Span[] expected = model.tokenizePos(sentence);
            Span[] actual = remembering.tokenizePos(sentence);
            tokens += expected.length;
            same += expected.length == actual.length ? countSame(expected, actual) : 0;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "remembering tokenizer: %,d of %,d tokens as the model gives them (%d sources)%n",
        same, tokens, sources.size());
    assertTrue(tokens > 4000, "the seeds alone have over 4,000 tokens");
    assertEquals(tokens, same, "identical tokens");
  }

  private static long countSame(Span[] expected, Span[] actual) {
    long same = 0;
    for (int i = 0; i < expected.length; i++) {
      same += expected[i].equals(actual[i]) ? 1 : 0;
    }
    return same;
  }
}
