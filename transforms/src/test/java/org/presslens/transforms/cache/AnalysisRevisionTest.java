package org.presslens.transforms.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.boilerplate.BoilerplateLines;
import org.presslens.transforms.dedup.Fingerprint;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.ner.NewsSample;
import org.presslens.transforms.text.LanguageGuesser;
import org.presslens.transforms.text.StopWords;
import org.presslens.transforms.text.TextOptions;
import org.presslens.transforms.text.Words;

/**
 * A cached analysis is reused only under the {@link CacheFolder#ANALYSIS_REVISION} it was made
 * with. This test notices a change to what the cache keeps of a text (its analysis, duplicate
 * fingerprint, language guess, word measure and candidate boilerplate lines) on the seeds and, when
 * ../shared/corpora is beside the project, on the Reuters sample and Brown's press stories: the
 * digest of those results must be the one recorded for the current revision. When it fails, the analysis changed: raise the revision (so
 * reruns do not mix old and new analyses) and record the new digest under it.
 */
class AnalysisRevisionTest {

  /**
   * The digest of the seeds' cached results, by the revision that produced it: each holds from its
   * revision until the next one listed (a revision raised for a change the seeds do not show keeps
   * their digest).
   */
  private static final NavigableMap<Integer, String> DIGESTS = new TreeMap<>(Map.of(
      8, "994cf3d366887f0f4ad0f8c81fc25120415388c14f9c74a2c281fc215abc7089",
      9, "4b35b47c98000079997770c8e4756960197cb3c72cf44929c79bff6847ea6f6d",
      25, "c81605f6805e7733435dea5f376bde5aeebb2ccf244fc7e35d38118ac868b4b0",
      48, "f5b1196579e3831055de53efecfa2ade7d9322a2b151da90a8e2bf212e93fce8",
      52, "b10dfa443c7afabd3ca40a331c05eec9f9e170c1b82fde561e2765a7dda01b77"));

  /**
   * The digest of the Reuters sample's cached results (../shared/corpora, business news the
   * entity rules for unseen news were written on), as above: the seeds alone do not show every
   * change to those rules.
   */
  private static final NavigableMap<Integer, String> NEWS_DIGESTS = new TreeMap<>(Map.ofEntries(
      Map.entry(13, "d609cf417742b1201f2c6113c7c0c4a1c53345182b739720ccdd0083af40ac5f"),
      Map.entry(14, "a8cd1ce894be7018906738c339f3385add3667cd07396f5dbb0048aae8177bad"),
      Map.entry(15, "b5f5e0f8aeb1f75489218e8c8a864b49e0429fc6bc732b42ec0d1e763db53236"),
      Map.entry(16, "0f9223fc1acc921f24f3349326c9add2de95bccf0e3c58fd392082eb02f40f5f"),
      Map.entry(17, "034ea7e055eae7269ba3917365bc75a97ffed03d76366b9b1bbe3aaf9cfded48"),
      Map.entry(18, "a93f18028cb3a7dd7af1d68798eba311a3aca80b7ce93eacbe8078a5df6a4058"),
      Map.entry(22, "5e982cab63165356f1b050b99bb774e8d430e9ef0f37865dd7e617bce900fc6b"),
      Map.entry(23, "58e03f39dca0eaded9ad4daa4111214431acdaaea30af24687961c468ffdd3cf"),
      Map.entry(27, "249162fb57ca7cd13d6f917b3888c22142292b873f968afb80f45156eb9d5976"),
      Map.entry(29, "b13d79b1d34c83181f38d719b72b2accde8997ac52db08a030ef2eee5c6f6cff"),
      Map.entry(42, "5866d52bfb294e63f3d773cad089bf1bd02d0bbb6dc8bfc2ec05e308d634e82b"),
      Map.entry(48, "ba663d94f60b192b339c972337d0e329ca4c266c34dae614e37e8799c01fd239"),
      Map.entry(51, "489fccd867a8850626ac89fef0257a041e7d60095e3d52db6d36c933e2a639f4"),
      Map.entry(52, "5780629f6287e859fc392b8845835a0a7b3fb424dd393efd9fb46180130a5c3c")));

  /** The digest of Brown's 44 press reportage stories' cached results, as above: text of another kind and time. */
  private static final NavigableMap<Integer, String> PRESS_DIGESTS = new TreeMap<>(Map.ofEntries(
      Map.entry(19, "a511fe43c6459211356cb5eb736bafa8a108286e25187f833f04873cc3da3423"),
      Map.entry(20, "f6d8c78ac040e2cbcc6c506542c2c653e28f3ffef50306dde1cac7c6ff1cb1e9"),
      Map.entry(21, "f6749ee47f86fb6db354fc645e82628f28487ed6f34d8bb5d3c931460e30123c"),
      Map.entry(22, "353ffd24156cb4ce06ffb4754174ab95b88277a58ac1ce568ec9bd6810e66ec8"),
      Map.entry(23, "46fe55233ab9c449a331493417028e75e8a4788d9aad0bff5502bfecb1a04eaf"),
      Map.entry(25, "841ca3cb5ebb447764e6bfb4a5bb4854711953db75239183d7878c59078c3097"),
      Map.entry(26, "df69d15ecc1556c3b4e039262ade9013ea0b29628420c4299af0ed904a5bfa02"),
      Map.entry(27, "0f5bbbf8bab3c732f45438bf1d8ee47ec451bbfa5aa0012993b5de440ca737d8"),
      Map.entry(28, "028881dc59fbfc41152c5206ca9005486a31a33e3f48d0c5fd0705a76a8019d3"),
      Map.entry(30, "8b3878e1fe53d63df5f2405dadb569ff34c37b94ad0100a41fb72354c9579e20"),
      Map.entry(31, "ee38cb26ec15df0aa5388d4f285e33a376caa92f2b872c0cd1f170ebae4f0712"),
      Map.entry(33, "c40364283765092fa3ad4eba5175d7973fcbc7fba62f1e68718a1a2705942347"),
      Map.entry(34, "10f6470f54fdb66beb1eb1ee45cb7c80d1955d8426726d8606cca6db49d5e59a"),
      Map.entry(35, "9515dd881e17b6f8967e7bdcdad02c7d3646eb3ac0b5ed21ae5ae3f4f32cc63a"),
      Map.entry(36, "072e2ceb2a244563b1e841d1edcd7fd22a2b528b79096fed69ed21e9d1f062bf"),
      Map.entry(37, "8dfae8c2910d80880d6b7039e2c3a6653dd3b78b9b59bb008112cf32b0f44f84"),
      Map.entry(41, "4c9fc1181e2ade53761e657af49f397b4e66c956edb8375fd5c9cb5d6d93a530"),
      Map.entry(42, "b0d3cc7fbfb5d43412fa269b4947e4abf97bfce459c44543b43cafd3423d70e2"),
      Map.entry(43, "ffce2efecc9345fddcf5f3c9bb14a5eb1937ad2ab82fa610b7d0b7cfeebf916c"),
      Map.entry(44, "8ea0a5d9050372819fda0705053fd4a9734dff2317dd905b11c1f36bef49399a"),
      Map.entry(45, "ce6ae9900a35df828ec1c9e946ce1897cd1cf7315020a38dbaa848f8b66fcf52"),
      Map.entry(47, "a419fd3013d664e0019dfa7d12851c4802e4f3b5d6951326b4ddfa8fc72d7297"),
      Map.entry(48, "6ead11e0aa2191ccd5423a26335f343b48dbd63e1f953c78f43a3de02e2188b3"),
      Map.entry(52, "c3e6e9f1ddb7720141666e34121468c47a1f64cbb3f4b0c92e861abbb34ecf9e")));

  @Test
  void theSeedsAreAnalysedAsTheRevisionSays() throws IOException {
    Path seeds = Path.of(System.getProperty("presslens.seeds", "../seeds"));
    Map<String, String> texts = new TreeMap<>();
    try (var list = Files.list(seeds)) {
      for (Path file : list.filter(p -> p.toString().endsWith(".txt")).toList()) {
        texts.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    assertRecorded(DIGESTS, texts);
  }

  @Test
  void theNewsSampleIsAnalysedAsTheRevisionSays() throws IOException {
    Map<String, String> texts = NewsSample.texts();
    assumeTrue(!texts.isEmpty(), "the Reuters sample is not beside the project");
    assertRecorded(NEWS_DIGESTS, texts);
  }

  @Test
  void brownsPressStoriesAreAnalysedAsTheRevisionSays() throws IOException {
    Map<String, String> texts = new TreeMap<>(NewsSample.texts("brown.jsonl.gz"));
    texts.keySet().removeIf(id -> !id.startsWith("ca"));
    assumeTrue(!texts.isEmpty(), "the Brown corpus is not beside the project");
    assertRecorded(PRESS_DIGESTS, texts);
  }

  /**
   * The digest of the candidate boilerplate lines of Brown's press stories (short lines of
   * pre-tokenized text), which the line memo keeps by text, as above.
   */
  private static final NavigableMap<Integer, String> LINE_DIGESTS = new TreeMap<>(Map.of(
      51, "1d786abdd21e3b6ff23fc719cd24916fda0e4c41143d027743a90ad74f55a3d1"));

  @Test
  void theCandidateLinesAreFoundAsTheRevisionSays() throws IOException {
    Map<String, String> texts = new TreeMap<>(NewsSample.texts("brown.jsonl.gz"));
    texts.keySet().removeIf(id -> !id.startsWith("ca"));
    assumeTrue(!texts.isEmpty(), "the Brown corpus is not beside the project");
    StringBuilder lines = new StringBuilder();
    texts.forEach((id, text) -> lines.append(id).append(Arrays.toString(BoilerplateLines.candidateHashes(text))).append('\n'));
    assertDigest(LINE_DIGESTS, DigestUtils.sha256Hex(lines.toString()));
  }

  private static void assertRecorded(NavigableMap<Integer, String> digests, Map<String, String> texts) {
    assertDigest(digests, DigestUtils.sha256Hex(cachedResults(texts)));
  }

  private static void assertDigest(NavigableMap<Integer, String> digests, String digest) {
    Map.Entry<Integer, String> recorded = digests.floorEntry(CacheFolder.ANALYSIS_REVISION);
    assertEquals(recorded == null ? null : recorded.getValue(), digest,
        "what the cache keeps of a text changed: raise CacheFolder.ANALYSIS_REVISION to "
            + (CacheFolder.ANALYSIS_REVISION + 1) + " and record " + digest + " for it");
  }

  /** Everything a rerun takes from the cache instead of computing it, in a canonical text form, by text id. */
  private static String cachedResults(Map<String, String> texts) {
    AnalyzeDocuments.Analyzer analyzer = AnalyzeDocuments.with(
        new TextOptions(StopWords.english(), 3, false, false), Gazetteer.english()).newAnalyzer();
    LanguageGuesser guesser = new LanguageGuesser();
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> entry : texts.entrySet()) {
      String id = entry.getKey();
      String text = entry.getValue();
      AnalyzedDocument doc = analyzer.analyze(new SourceDocument(id, "seeds", "", "", id, "UTF-8", text));
      out.append(id).append(' ').append(doc.sha256()).append(' ').append(doc.characters()).append(' ')
          .append(doc.sentences()).append(' ').append(doc.tokens()).append(' ').append(doc.types()).append('\n');
      new TreeMap<>(doc.termCounts()).forEach((term, count) -> out.append(term).append('\t').append(count).append('\n'));
      for (Mention m : doc.mentions()) {
        out.append(m).append('\n');
      }
      new TreeMap<>(doc.quoted()).forEach((sentence, quote) -> out.append(sentence).append('\t').append(quote).append('\n'));
      out.append(DigestUtils.sha256Hex(Fingerprint.of(id, "seeds", "", text).textPart())).append('\n');
      Words.Measure words = Words.measure(text);
      out.append(words.count()).append(' ').append(words.longest()).append('\n');
      guesser.guess(text).ifPresent(g -> out.append(g.language())
          .append(String.format(Locale.ROOT, " %.6f", g.confidence())).append('\n'));
    }
    return out.toString();
  }
}
