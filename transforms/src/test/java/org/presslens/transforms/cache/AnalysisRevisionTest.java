package org.presslens.transforms.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.dedup.Fingerprint;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.text.LanguageGuesser;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TextOptions;

/**
 * A cached analysis is reused only under the {@link CacheFolder#ANALYSIS_REVISION} it was made
 * with. This test notices a change to what the cache keeps of a text (its analysis, duplicate
 * fingerprint and language guess) on the seeds: the digest of those results must be the one
 * recorded for the current revision. When it fails, the analysis changed: raise the revision (so
 * reruns do not mix old and new analyses) and record the new digest under it.
 */
class AnalysisRevisionTest {

  /** The digest of the seeds' cached results, by the revision that produced them. */
  private static final Map<Integer, String> DIGESTS = Map.of(
      8, "994cf3d366887f0f4ad0f8c81fc25120415388c14f9c74a2c281fc215abc7089",
      9, "4b35b47c98000079997770c8e4756960197cb3c72cf44929c79bff6847ea6f6d",
      10, "4b35b47c98000079997770c8e4756960197cb3c72cf44929c79bff6847ea6f6d",
      11, "4b35b47c98000079997770c8e4756960197cb3c72cf44929c79bff6847ea6f6d",
      12, "4b35b47c98000079997770c8e4756960197cb3c72cf44929c79bff6847ea6f6d",
      13, "4b35b47c98000079997770c8e4756960197cb3c72cf44929c79bff6847ea6f6d");

  @Test
  void theSeedsAreAnalysedAsTheRevisionSays() throws IOException {
    String digest = DigestUtils.sha256Hex(cachedResultsOfTheSeeds());
    assertEquals(DIGESTS.get(CacheFolder.ANALYSIS_REVISION), digest,
        "what the cache keeps of a text changed: raise CacheFolder.ANALYSIS_REVISION to "
            + (CacheFolder.ANALYSIS_REVISION + 1) + " and record " + digest + " for it");
  }

  /** Everything a rerun takes from the cache instead of computing it, in a canonical text form. */
  private static String cachedResultsOfTheSeeds() throws IOException {
    Path seeds = Path.of(System.getProperty("presslens.seeds", "../seeds"));
    List<Path> files;
    try (var list = Files.list(seeds)) {
      files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    AnalyzeDocuments.Analyzer analyzer = AnalyzeDocuments.with(
        new TextOptions(StopWords.english(), 3, false, false), Gazetteer.english()).newAnalyzer();
    LanguageGuesser guesser = new LanguageGuesser();
    StringBuilder out = new StringBuilder();
    for (Path file : files) {
      String id = file.getFileName().toString();
      String text = Files.readString(file);
      AnalyzedDocument doc = analyzer.analyze(new SourceDocument(id, "seeds", "", "", id, "UTF-8", text));
      out.append(id).append(' ').append(doc.sha256()).append(' ').append(doc.characters()).append(' ')
          .append(doc.sentences()).append(' ').append(doc.tokens()).append(' ').append(doc.types()).append('\n');
      new TreeMap<>(doc.termCounts()).forEach((term, count) -> out.append(term).append('\t').append(count).append('\n'));
      for (Mention m : doc.mentions()) {
        out.append(m).append('\n');
      }
      new TreeMap<>(doc.quoted()).forEach((sentence, quote) -> out.append(sentence).append('\t').append(quote).append('\n'));
      out.append(DigestUtils.sha256Hex(Fingerprint.of(id, "seeds", "", text).textPart())).append('\n');
      guesser.guess(text).ifPresent(g -> out.append(g.language())
          .append(String.format(Locale.ROOT, " %.6f", g.confidence())).append('\n'));
    }
    return out.toString();
  }
}
