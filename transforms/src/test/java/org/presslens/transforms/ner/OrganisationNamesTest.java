package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.text.StopWords;

class OrganisationNamesTest {

  private static final OrganisationNames NAMES = new OrganisationNames(StopWords.english(), Set.of("Hong Kong"));

  private static List<String> legalForms(String sentence) {
    String[] tokens = sentence.split(" ");
    return spans(NAMES.legalForms(tokens), tokens);
  }

  @Test
  void namesEndWithALegalFormAfterCapitalisedWords() {
    assertEquals(List.of("Miller Tabak Hirsch and Co", "Bank of New York Co Inc"),
        legalForms("The Miller Tabak Hirsch and Co unit of Bank of New York Co Inc said"));
    assertEquals(List.of("MCV Holdings Inc"), legalForms("offers from Redstone and MCV Holdings Inc ."));
    assertEquals(List.of("Merrill Lynch , Pierce Fenner and Smith Inc"), legalForms("Merrill Lynch , Pierce Fenner and Smith Inc has"));
    assertEquals(List.of("McKiernan and Co"), legalForms("said Thomas McKiernan , McKiernan and Co chairman"));
    assertEquals(List.of("MCV Holdings Inc"), legalForms("from Smith , Redstone and MCV Holdings Inc ."));
    assertEquals(List.of("Heinl 's Nursery Inc"), legalForms("bought Miami-based Heinl 's Nursery Inc for"));
    assertEquals(List.of(), legalForms("the Co said its Inc"));
  }

  @Test
  void swedishAndDutchNamesMayWriteTheirLegalFormFirst() {
    assertEquals(List.of("AB Investor", "Forvaltnings AB Providentia"),
        legalForms("the holding companies AB Investor and Forvaltnings AB Providentia said"));
    assertEquals(List.of("NV Philips"), legalForms("a stake in NV Philips ."));
    assertEquals(List.of("Volvo AB"), legalForms("Volvo AB Chairman Pehr Gyllenhammar said"));
    OrganisationShortForms doc = NAMES.forDocument(Set.of());
    String[] tokens = "Forvaltnings AB Providentia said".split(" ");
    Mention providentia = remembered(doc, tokens, 0, 3);
    assertEquals(providentia, doc.shortFormOf("Providentia"));
  }

  @Test
  void leadingWordsOfANameAreItsShortFormsLaterInTheDocument() {
    OrganisationShortForms doc = NAMES.forDocument(Set.of("computer", "electric"));
    Mention terminal = new Mention("Computer Terminal Systems Inc", "organization", "Computer Terminal Systems Inc", 0, 0, 4,
        Mention.DICTIONARY);
    doc.remember("Computer Terminal Systems Inc said".split(" "), 0, 4, terminal);
    Mention electric = new Mention("Hong Kong Electric Holdings Ltd", "organization", "Hong Kong Electric Holdings Ltd", 0, 0,
        5, Mention.DICTIONARY);
    doc.remember("Hong Kong Electric Holdings Ltd".split(" "), 0, 5, electric);
    assertEquals(terminal, doc.shortFormOf("Computer Terminal"));
    assertNull(doc.shortFormOf("Computer"), "a word the document also writes in lower case");
    assertNull(doc.shortFormOf("Hong Kong"), "a gazetteer name");
    assertEquals(electric, doc.shortFormOf("Hong Kong Electric"));
    String[] later = "Computer Terminal said Computer Terminal Products rose".split(" "); // another name goes on: not a short form
    assertEquals(List.of("0-2"), doc.candidates(later).stream().map(c -> c.start() + "-" + c.end()).toList());
  }

  private static List<String> spans(List<int[]> found, String[] tokens) {
    return found.stream().map(span -> String.join(" ", Arrays.copyOfRange(tokens, span[0], span[1]))).toList();
  }

  @Test
  void namesEndWithAnInstitutionsHeadWord() {
    String[] tokens = ("The New York Mercantile Exchange and the Securities and Exchange Commission and Bank of America"
        + " and the Saudi Press Agency SPA said , as did Larry Eckenfelder of Prudential-Bache Securities ; Fundamental"
        + " Management Chairman Carl Singer").split(" ");
    assertEquals(List.of("New York Mercantile Exchange", "Securities and Exchange Commission", "Bank of America",
        "Saudi Press Agency", "Prudential-Bache Securities", "Fundamental Management"),
        spans(NAMES.headWordNames(tokens), tokens));
    String[] and = "the Institute for Strategic Studies and Forecasting and First National Bank of Minneapolis and Salomon Inc"
        .split(" ");
    assertEquals(List.of("Institute for Strategic Studies and Forecasting", "First National Bank of Minneapolis"),
        spans(NAMES.headWordNames(and), and));
    String[] alone = "the Commission and the Group said , and MCV Holdings Inc did".split(" ");
    assertEquals(List.of(), spans(NAMES.headWordNames(alone), alone), "a head word alone, or before a legal form");
  }

  @Test
  void aNameAfterOfMayBeginWithThe() {
    String[] tokens = "the Bank of the United States and the Department of the Interior , not the Bank of the city"
        .split(" ");
    assertEquals(List.of("Bank of the United States", "Department of the Interior"),
        spans(NAMES.headWordNames(tokens), tokens));
    // a head word that goes on with of begins a name of its own
    String[] nested = "the Council of the League of Nations and the Penrose Fund of the Geological Society of America"
        .split(" ");
    assertEquals(List.of("League of Nations", "Penrose Fund", "Geological Society of America"),
        spans(NAMES.headWordNames(nested), nested));
    String[] generic = "any Department of the Government".split(" ");
    assertEquals(List.of(), spans(NAMES.headWordNames(generic), generic));
  }

  @Test
  void namesJoinedByAndDoNotTakeOfBeforeThem() {
    assertEquals(List.of("Salomon Inc"), legalForms("financing from First National Bank of Minneapolis and Salomon Inc ."));
    assertEquals(List.of("B and R International Inc."), legalForms("capital of B and R International Inc. , a broker"));
  }

  @Test
  void namesBeforeAStockTicker() {
    String[] tokens = "a stake in Swedish Match < SMBS ST > and SKF ( SKFR ST > but not Petroleum ( OPEC ) or Sedio < Sedio N.V. >"
        .split(" ");
    assertEquals(List.of("Swedish Match", "SKF"), spans(NAMES.tickerNames(tokens), tokens));
  }

  /** The organisation mention of tokens [start, end) of a sentence the document has seen, remembered. */
  private static Mention remembered(OrganisationShortForms doc, String[] tokens, int start, int end) {
    String name = String.join(" ", Arrays.copyOfRange(tokens, start, end));
    Mention m = new Mention(name, "organization", name, 0, start, end, Mention.DICTIONARY);
    doc.remember(tokens, start, end, m);
    return m;
  }

  private static List<String> candidates(OrganisationShortForms doc, String sentence) {
    return doc.candidates(sentence.split(" ")).stream().map(c -> c.start() + "-" + c.end()).toList();
  }

  @Test
  void wholeNamesCapitalsAndAcronymsAreShortFormsToo() {
    OrganisationShortForms doc = NAMES.forDocument(Set.of());
    String[] first = "Swedish Match < SMBS ST > and Consolidated TVX Mining Corp and Diagnostic Retrieval Systems Inc".split(" ");
    doc.candidates(first);
    Mention match = remembered(doc, first, 0, 2);
    Mention tvx = remembered(doc, first, 7, 11);
    Mention drs = remembered(doc, first, 12, 16);
    assertEquals(match, doc.shortFormOf("Swedish Match"));
    assertNull(doc.shortFormOf("Swedish"), "a name without a legal form gives only itself");
    assertEquals(tvx, doc.shortFormOf("TVX"));
    assertEquals(drs, doc.shortFormOf("DRS"));
    assertEquals(List.of("0-2", "3-4"), candidates(doc, "Swedish Match and TVX said South Swedish Match rose"));
  }

  @Test
  void namedPartsOfCompaniesAfterAPossessive() {
    String[] tokens = ("Purolator retains its Stant division and Triplett 's Alltest division , sold its Canadian Courier"
        + " unit but kept its Canadian unit , its Hong Kong unit and a Stant unit").split(" ");
    assertEquals(List.of("Stant", "Alltest", "Canadian Courier"), spans(NAMES.unitNames(tokens), tokens));
  }

  @Test
  void placesEndWithANaturalFeaturesHeadWord() {
    String[] tokens = "a section of the Teles Pires River near the Bay of Fundy , not the River alone".split(" ");
    assertEquals(List.of("Teles Pires River", "Bay of Fundy"), spans(NAMES.placeNames(tokens), tokens));
    String[] gulf = "the distance to the Persian Gulf for the Soviet Union".split(" ");
    assertEquals(List.of("Persian Gulf"), spans(NAMES.placeNames(gulf), gulf), "a place goes on with of, not for");
    String[] institute = "the Institute for Strategic Studies said".split(" ");
    assertEquals(List.of("Institute for Strategic Studies"), spans(NAMES.headWordNames(institute), institute));
  }

  /** The places before a comma and the region spans given as {start, end} of their first word and length. */
  private static List<String> beforeRegions(String sentence, int... regionStartsAndLengths) {
    String[] tokens = sentence.split(" ");
    List<int[]> regions = new java.util.ArrayList<>();
    for (int i = 0; i < regionStartsAndLengths.length; i += 2) {
      regions.add(new int[] {regionStartsAndLengths[i], regionStartsAndLengths[i] + regionStartsAndLengths[i + 1]});
    }
    return spans(NAMES.placesBeforeRegions(tokens, regions), tokens);
  }

  @Test
  void aPlaceBeforeACommaAndItsStateOrCountryIsAPlace() {
    assertEquals(List.of("Hoffman Estates"), beforeRegions("division in Hoffman Estates , Ill. , as part", 5, 1));
    assertEquals(List.of("Paulsboro"), beforeRegions("a refinery in Paulsboro , New Jersey , the ship", 5, 2));
    assertEquals(List.of("Dedham"), beforeRegions("Redstone , who controls Dedham , Mass. ,-based", 6, 1));
    assertEquals(List.of("Paulsboro"), beforeRegions("Paulsboro , New Jersey", 2, 2), "at the start of a sentence");
    assertEquals(List.of(), beforeRegions("said John Glenn , Ohio Democrat", 4, 1), "a capitalised word after the region");
    assertEquals(List.of(), beforeRegions("bought Exxon , China 's largest", 3, 1), "a possessive after it");
    assertEquals(List.of(), beforeRegions("sold Dome Petroleum Ltd , Canada , to", 5, 1), "a legal form");
    assertEquals(List.of(), beforeRegions("the Federal Reserve Board , Washington , said", 5, 1), "a head word");
    assertEquals(List.of(), beforeRegions("in North West Main Street Square , Ohio , the", 7, 1), "more than three words");
    assertEquals(List.of(), beforeRegions("sold in Dedham and Boston", 4, 1), "no comma");
    assertEquals(List.of(), beforeRegions("since the Second World War , Europe has", 5, 1), "an event");
    assertEquals(List.of(), beforeRegions("under the Camp David Accords , Egypt and", 5, 1), "a document");
  }

  private static List<String> appositives(String sentence) {
    String[] tokens = sentence.split(" ");
    return spans(NAMES.appositiveNames(tokens), tokens);
  }

  @Test
  void aNameBeforeAnAppositiveThatCallsItACompanyIsAnOrganisation() {
    assertEquals(List.of("Nova"), appositives("Nova , the Canadian company that owns 56 pct"));
    assertEquals(List.of("CMP"), appositives("acquire 29 pct of CMP , a public gold mining company in which"));
    assertEquals(List.of("Novo Astro"), appositives("a stake in Novo Astro , a private company , and"));
    assertEquals(List.of("Coloroll"), appositives("Coloroll , a British wallcoverings maker ."));
    assertEquals(List.of(), appositives("said John Smith , a bank economist"), "the noun goes on");
    assertEquals(List.of(), appositives("said Redstone , the company 's chairman"), "a possessive");
    assertEquals(List.of(), appositives("said Smith , an analyst with the brokerage firm"), "a stop word before the noun");
    assertEquals(List.of(), appositives("Chicago , the home of the company"), "a stop word before the noun");
    assertEquals(List.of(), appositives("in Hong Kong , the largest bank"), "a gazetteer name");
    assertEquals(List.of(), appositives("Nova , the big old red new shiny company ."), "more than four words before the noun");
    assertEquals(List.of(), appositives("Nova the Canadian company"), "no comma");
  }

  @Test
  void anAcronymWithUpToTwoMoreCapitalsIsAShortFormToo() {
    OrganisationShortForms doc = NAMES.forDocument(Set.of());
    String[] first = "The New York Mercantile Exchange set a date".split(" ");
    doc.candidates(first);
    Mention nymex = remembered(doc, first, 1, 5);
    assertEquals(List.of("4-5"), candidates(doc, "On April one , NYMEX and NYMEXES and NYM said"));
    assertEquals(nymex, doc.shortFormOf("NYMEX"));
  }
}
