package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentTokenizerTest {

  private static DocumentTokenizer tokenizer;

  @BeforeAll
  static void loadModels() {
    tokenizer = new DocumentTokenizer(OpenNlpModels.shared(), false);
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String[] sentence : tokenizer.tokenize(text).terms()) {
      Arrays.stream(sentence).filter(Objects::nonNull).forEach(out::add);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"NATO’s expansion", "NATO's expansion", "NATO`s expansion", "NATO‘s expansion", "NATOʼs expansion"})
  void everyApostropheSpellingGivesTheSameTokens(String text) {
    assertEquals(List.of("nato", "'s", "expansion"), words(text));
  }

  @Test
  void splitsNegationAndOtherClitics() {
    assertEquals(List.of("it", "is", "n't", "what", "we", "'ve", "said"), words("It isn't what we've said."));
  }

  @Test
  void irregularNegationsCountAsTheirFullStemAndKeepTheTokensAsWritten() {
    assertEquals(List.of("we", "can", "n't", "and", "will", "n't"), words("We can’t and won't."));
    TokenizedDocument doc = tokenizer.tokenize("We can’t and WON'T.");
    assertEquals(List.of("We", "ca", "n't", "and", "WO", "N'T", "."), List.of(doc.surfaces().get(0)));
    assertEquals(5, doc.typeCount(), "we, can, n't, and, will");
  }

  @Test
  void wordsOfLettersAndDigitsStayWhole() {
    // Without OpenNLP's alphanumeric optimisation the UD model splits these: "deb t", "xxx iv".
    assertEquals(List.of("the", "public", "debt", "title", "xxxiv", "governmentwide", "ccc"),
        words("THE PUBLIC DEBT. TITLE XXXIV governmentwide CCC"));
  }

  @Test
  void splitsWordsJoinedBySlash() {
    assertEquals(List.of("liu", "rui", "global", "times", "and", "or"), words("Liu Rui/Global Times and/or"));
  }

  @Test
  void dropsPossessiveApostropheAfterPlural() {
    assertEquals(List.of("the", "members", "interests"), words("The members' interests."));
  }

  @Test
  void keepsHyphenatedCompoundsAndDatesWhole() {
    assertEquals(List.of("the", "u.s.-led", "asia-pacific", "strategy", "of", "2022-10-02"),
        words("The U.S.-led Asia-Pacific strategy of 2022-10-02."));
  }

  @Test
  void dashesBetweenWordsSeparateThem() {
    assertEquals(List.of("secure", "and", "we", "are", "ready"), words("secure—and we are ready"));
    assertEquals(List.of("truss", "said"), words("– Truss said"));
  }

  @Test
  void aHyphenWrittenForADashBeforeAWordThatBeginsAClauseSeparatesToo() {
    assertEquals(List.of("welcome", "to", "the", "president", "as", "he", "comes", "in"),
        words("welcome to the President-as he comes in."));
    assertEquals(List.of("speaker", "albert", "and", "listened"), words("Speaker Albert-and listened."));
    // compounds that end in a particle, and longer ones, stay whole
    assertEquals(List.of("a", "sit-in", "an", "add-on", "a", "hoped-for", "up-to-date", "face-to-face", "meeting"),
        words("A sit-in, an add-on, a hoped-for up-to-date face-to-face meeting."));
  }

  @Test
  void removesPunctuationAndSymbolsButKeepsNumbers() {
    assertEquals(List.of("from", "40,000", "to", "300,000", "2", "billion"), words("from 40,000 to 300,000 (€2 billion)!"));
    assertEquals(List.of("sold", "to", "woodco", "inc", "of", "houston"), words("sold to <Woodco Inc> of Houston"));
  }

  @Test
  void appliesCompatibilityNormalisation() {
    // U+FB01 ligature and full-width letters fold to plain ASCII under NFKC.
    assertEquals(List.of("financial", "nato"), words("\uFB01nancial ＮＡＴＯ"));
  }

  @Test
  void sentencesDoNotCrossHeadlineLines() {
    TokenizedDocument doc = tokenizer.tokenize("Asia should avoid NATO expansion\nPublished: Feb 02, 2023\n\nNATO grows. It expands.");
    assertEquals(4, doc.sentenceCount());
    assertEquals(List.of("asia", "should", "avoid", "nato", "expansion"),
        Arrays.stream(doc.terms().get(0)).filter(Objects::nonNull).toList());
  }

  @Test
  void countsWordsAndTypes() {
    TokenizedDocument doc = tokenizer.tokenize("NATO and NATO's allies, and Japan.");
    // nato, and, nato, 's, allies, and, japan
    assertEquals(7, doc.wordCount());
    assertEquals(5, doc.typeCount());
  }

  @Test
  void lemmatizesWhenAsked() {
    DocumentTokenizer lemmas = new DocumentTokenizer(OpenNlpModels.shared(), true);
    List<String> out = new ArrayList<>();
    for (String[] sentence : lemmas.tokenize("The countries were running meetings.").terms()) {
      Arrays.stream(sentence).filter(Objects::nonNull).forEach(out::add);
    }
    assertEquals(List.of("the", "country", "be", "run", "meeting"), out);
    assertEquals(List.of("it", "be", "n't"),
        Arrays.stream(lemmas.tokenize("It isn't.").terms().get(0)).filter(Objects::nonNull).toList());
    assertEquals(List.of("we", "can", "n't", "and", "will", "n't"),
        Arrays.stream(lemmas.tokenize("We can't and won't.").terms().get(0)).filter(Objects::nonNull).toList());
  }

  @Test
  void findsATokenWhereTheWhitespaceTokenizerDoes() {
    String[] pieces = {" ", "\t", "\n", "\r", "\u000B", "\f", "\u00A0", "\u2007", "\u2028", "\u3000", "\u200B",
        "\u0085", "\u001C", "a", ".", "\uD835\uDC00", "\uFEFF"};
    Random random = new Random(7);
    for (int t = 0; t < 5000; t++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(6);
      for (int i = 0; i < length; i++) {
        String piece = pieces[random.nextInt(pieces.length)];
        text.append(random.nextInt(3) == 0 ? piece : pieces[random.nextInt(12)]);
      }
      String s = text.toString();
      assertEquals(WhitespaceTokenizer.INSTANCE.tokenizePos(s).length > 0,
          DocumentTokenizer.hasToken(s), () -> "text: " + s.chars().mapToObj(Integer::toHexString).toList());
    }
  }

  @Test
  void countsTypesAsWordsWithAndWithoutLemmas() {
    DocumentTokenizer lemmas = new DocumentTokenizer(OpenNlpModels.shared(), true);
    TokenizedDocument lemmatized = lemmas.tokenize("The countries were running meetings; the country ran a meeting.");
    // the, countries, were, running, meetings, country, ran, a, meeting: the lemmas would give six
    assertEquals(9, lemmatized.typeCount());
    assertEquals(9, tokenizer.tokenize("The countries were running meetings; the country ran a meeting.").typeCount());
  }

  private static List<String> sentences(String text) {
    return tokenizer.tokenize(text).surfaces().stream().map(s -> String.join(" ", s)).toList();
  }

  @Test
  void sentencesAreNotCutAfterInitialsInsideNames() {
    assertEquals(List.of("Penril said director Clifford L. Alexander Jr. has resigned from the board ."),
        sentences("Penril said director Clifford L. Alexander Jr. has resigned from the board."));
    assertEquals(List.of("Hutton LBO is a unit of E.F. Hutton Group Inc.", "E.F. Hutton will provide the funds ."),
        sentences("Hutton LBO is a unit of E.F. Hutton Group Inc. E.F. Hutton will provide the funds."));
    assertEquals(List.of("The offer to the E.F. Hutton Group Inc was rejected ."),
        sentences("The offer to the E.F. Hutton Group Inc was rejected."));
  }

  @Test
  void aNamesAbbreviationKeepsItsFullStopAtTheEndOfThePhrase() {
    assertEquals(List.of("Tex."), List.of(tokenizer.tokenizePhrase("Tex.")));
    assertEquals(List.of("Sedio", "N.V."), List.of(tokenizer.tokenizePhrase("Sedio N.V.")));
    assertEquals(List.of("Jens", "Stoltenberg"), List.of(tokenizer.tokenizePhrase("Jens Stoltenberg")));
  }

  @Test
  void fullStopsOfAbbreviationsInsideASentenceStayWithThem() {
    assertEquals(List.of("It sold shares to < Sedio N.V. > of Houston , Tex. for 5 dlrs ."),
        sentences("It sold shares to <Sedio N.V.> of Houston, Tex. for 5 dlrs."));
    // a middle initial; an abbreviation before a comma and before the sentence's own full stop, as pre-tokenized text writes them
    assertEquals(List.of("That was when Dr. Thomas G. Pullen , Jr. , told him ."),
        sentences("That was when Dr. Thomas G. Pullen , Jr. , told him ."));
    assertEquals(List.of("A holiday in Sarasota , Fla. , for the occasion ."),
        sentences("A holiday in Sarasota , Fla. , for the occasion ."));
    assertEquals(List.of("Headquarters is in Birmingham , Ala. ."), sentences("Headquarters is in Birmingham , Ala. ."));
  }
}
