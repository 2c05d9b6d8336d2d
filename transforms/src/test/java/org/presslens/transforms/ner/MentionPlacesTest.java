package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.boilerplate.BoilerplateLines;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TextOptions;

/** Mentions are placed in the text as read: past boilerplate lines, normalisation and characters beyond the BMP. */
class MentionPlacesTest {

  private static final AnalyzeDocuments.Analyzer ANALYZER = AnalyzeDocuments.with(
      new TextOptions(StopWords.english(), 1, false, false), Gazetteer.english()).newAnalyzer();

  @Test
  void offsetsCountCodePointsOfTheTextAsReadAndTextIsAsWritten() {
    String asRead = "Home | Menu\r\n\uD83D\uDCF0 NATO\u2019s chief met\r\nthe U.S. envoy in Kyiv \u2014 and Olaf Scholz.\r\n"
        + "Home | Menu\r\nLater, Scholz said “ﬁne”.";
    BoilerplateLines.Stripped stripped = BoilerplateLines.strip(asRead, hash -> hash == BoilerplateLines.hash("Home | Menu"));
    AnalyzedDocument doc = ANALYZER.analyze(new SourceDocument("d1", "o", "", "", "", "d1.txt", "UTF-8",
        stripped.text(), stripped.cuts()));
    int[] codePoints = asRead.codePoints().toArray();
    List<String> found = doc.mentions().stream().map(m -> m.canonical() + "=" + m.written()).toList();
    assertEquals(List.of("NATO=NATO", "United States=U.S.", "Kyiv=Kyiv", "Olaf Scholz=Olaf Scholz", "Olaf Scholz=Scholz"),
        found);
    for (Mention m : doc.mentions()) {
      assertEquals(m.written(), new String(codePoints, m.charStart(), m.charEnd() - m.charStart()), m.toString());
    }
    Mention nato = doc.mentions().get(0);
    assertEquals(15, nato.charStart(), "after 'Home | Menu' with CR LF (13) and the emoji (1) and a space");
    // the sentence quoted as evidence is the document's own text, the line break as a space
    assertEquals("\uD83D\uDCF0 NATO\u2019s chief met the U.S. envoy in Kyiv \u2014 and Olaf Scholz.",
        doc.quoted().get(nato.sentence()));
  }

  @Test
  void modelMentionsCarryTheModelsProbabilityAndDictionaryOnesNone() {
    AnalyzedDocument doc = ANALYZER.analyze(new SourceDocument("d2", "o", "", "", "d2.txt", "UTF-8",
        "Yesterday Pavel Feldman, a spokesman for Gazprom, met officials in Berlin."));
    for (Mention m : doc.mentions()) {
      if (m.source().equals(Mention.DICTIONARY)) {
        assertTrue(Double.isNaN(m.probability()), m.toString());
      } else {
        assertTrue(m.probability() > 0 && m.probability() <= 1, m.toString());
      }
    }
    assertTrue(doc.mentions().stream().anyMatch(m -> !m.source().equals(Mention.DICTIONARY)),
        "a model found a name: " + doc.mentions());
  }
}
