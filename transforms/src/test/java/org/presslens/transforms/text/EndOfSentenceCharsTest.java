package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import opennlp.tools.sentdetect.EndOfSentenceScanner;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.lang.Factory;
import org.junit.jupiter.api.Test;

/**
 * The sentence detector with {@link EndOfSentenceChars} finds OpenNLP's own sentences, with the
 * same probabilities: on the seeds always, and on every document of ../shared/corpora when it is
 * beside the project.
 */
class EndOfSentenceCharsTest {

  @Test
  void scansForTheModelsCharactersAtTheSamePositions() {
    SentenceModel model = OpenNlpModels.shared().sentences();
    EndOfSentenceScanner own = model.getFactory().getEndOfSentenceScanner();
    char[] characters = model.getEosCharacters() != null ? model.getEosCharacters() : new Factory().getEOSCharacters("en");
    EndOfSentenceScanner scanner = new EndOfSentenceChars.Factory().createEndOfSentenceScanner(characters);
    assertEquals(own.getEOSCharacters(), scanner.getEOSCharacters());
    assertEquals(own.getEOSCharacters(), new EndOfSentenceChars.Factory().createEndOfSentenceScanner("en").getEOSCharacters());
    String text = "Mr. Smith left. Did he? Yes! \"Really.\" (Quite.) 3.5 percent... The end";
    assertEquals(own.getPositions(text), scanner.getPositions(text));
    assertEquals(own.getPositions(text.toCharArray()), scanner.getPositions(text.toCharArray()));
    assertEquals(own.getPositions(new StringBuffer(text)), scanner.getPositions(new StringBuffer(text)));
    assertTrue(scanner.getPositions(text).size() > 8, scanner.getPositions(text).toString());
  }

  @Test
  void findsTheModelsSentencesOnTheSeedsAndTheSharedCorpora() throws IOException {
    SentenceDetectorME model = new SentenceDetectorME(OpenNlpModels.shared().sentences());
    SentenceDetectorME scanning = new SentenceDetectorME(OpenNlpModels.shared().sentences(), new EndOfSentenceChars.Factory());
    List<Path> sources = TestTexts.sources();
    long sentences = 0;
    for (Path source : sources) {
      for (String text : TestTexts.texts(source)) {
        for (String block : Paragraphs.split(TextNormalizer.normalize(text))) {
          var expected = model.sentPosDetect(block);
          double[] expectedProbabilities = model.probs();
          assertArrayEquals(expected, scanning.sentPosDetect(block), block);
          assertArrayEquals(expectedProbabilities, scanning.probs(), 0.0, block);
          sentences += expected.length;
        }
      }
    }
    System.out.printf(Locale.ROOT, "end-of-sentence scanner: %,d sentences as the model finds them (%d sources)%n",
        sentences, sources.size());
    assertTrue(sentences > 150, "the seeds alone have over 150 sentences: " + sentences);
  }
}
