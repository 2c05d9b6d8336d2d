package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every token's place in the text as given to the tokenizer: worked examples through each
 * normalisation step, then every token of the seeds and of the shared corpora (when there).
 */
class TokenPlacesTest {

  private static final DocumentTokenizer TOKENIZER = new DocumentTokenizer(OpenNlpModels.shared(), false);

  /** Each token with the raw text at its place, as "token=raw". */
  private static List<String> placed(String raw) {
    TokenizedDocument doc = TOKENIZER.tokenize(raw);
    List<String> out = new java.util.ArrayList<>();
    for (int s = 0; s < doc.surfaces().size(); s++) {
      for (int k = 0; k < doc.surfaces().get(s).length; k++) {
        out.add(doc.surfaces().get(s)[k] + "=" + raw.substring(doc.start(s, k), doc.end(s, k)));
      }
    }
    return out;
  }

  @Test
  void placesTokensThroughLigaturesQuotesDashesAndLineBreaks() {
    assertEquals(List.of("The=The", "firm=ﬁrm", "'s=’s", "\"=“", "best=ｂｅｓｔ", "\"=”", "deal=deal", "–=—", "in=in",
        "years=years", "...=…", "it=it", "said=said", ".=."),
        placed("The ﬁrm’s “ｂｅｓｔ” deal—in years… it\r\n  said."));
    // a hard-wrapped line is joined with a space; the token after it is where the text has it
    assertEquals(List.of("Stoltenberg=Stoltenberg", "met=met", "the=the", "minister=minister", "in=in", "Kyiv=Kyiv"),
        placed("Stoltenberg met the\n   minister in Kyiv"));
    // NFKC composes e and the combining accent into one character, placed on both; offsets count UTF-16 units here
    assertEquals(List.of("Zelenskyy=Zelenskyy", "met=met", "Macron=Macron", "in=in", "Orl\u00E9ans=Orle\u0301ans", ".=."),
        placed("Zelenskyy met Macron in Orle\u0301ans."));
  }

  @Test
  void writtenTextKeepsTheDocumentsCharacters() {
    TokenizedDocument doc = TOKENIZER.tokenize("He said “NATO’s door\nis open” - twice.");
    String[] tokens = doc.surfaces().get(0);
    assertEquals("“NATO’s door is open”", doc.written(0, 2, 9));
    assertEquals("He said “NATO’s door is open” - twice.", doc.written(0, 0, tokens.length));
  }

  @Test
  void everyTokenOfTheSeedsAndCorporaIsWhereTheTextHasIt() throws IOException {
    long tokens = 0;
    long same = 0;
    Map<String, Integer> differences = new TreeMap<>();
    for (Path source : TestTexts.sources()) {
      for (String raw : TestTexts.texts(source)) {
        TokenizedDocument doc = TOKENIZER.tokenize(raw);
        int lastEnd = 0;
        for (int s = 0; s < doc.surfaces().size(); s++) {
          String[] surface = doc.surfaces().get(s);
          for (int k = 0; k < surface.length; k++) {
            int start = doc.start(s, k);
            int end = doc.end(s, k);
            String where = "token '" + surface[k] + "' at " + start + "-" + end + " after " + lastEnd + " in " + source
                + ": " + raw.substring(Math.max(0, start - 20), Math.min(raw.length(), end + 20)).codePoints()
                .mapToObj(c -> Integer.toHexString(c)).toList();
            assertTrue(lastEnd <= start && start <= end && end <= raw.length(), where);
            lastEnd = end;
            tokens++;
            String asRead = TextNormalizer.normalize(raw.substring(start, end)).strip();
            if (asRead.equals(surface[k])) {
              same++;
            } else {
              differences.merge(surface[k] + " <- " + raw.substring(start, end), 1, Integer::sum);
            }
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "token places: %,d of %,d tokens read back as the token; differences: %s%n", same, tokens,
        differences.entrySet().stream().limit(40).toList());
    assertTrue(tokens > 4000, "the seeds alone have over 4,000 tokens");
    assertTrue(same >= tokens * 0.999, same + " of " + tokens);
  }
}
