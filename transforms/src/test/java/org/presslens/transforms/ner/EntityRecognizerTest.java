package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.ner.EntityRecognizer.Layers;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.OpenNlpModels;

class EntityRecognizerTest {

  private static DocumentTokenizer tokenizer;

  @BeforeAll
  static void load() {
    tokenizer = new DocumentTokenizer(OpenNlpModels.shared(), false);
  }

  private static List<String> found(Layers layers, Gazetteer gazetteer, String text) {
    EntityRecognizer recognizer = new EntityRecognizer(NameFinderModels.shared(), gazetteer, tokenizer, layers);
    return recognizer.find(tokenizer.tokenize(text).surfaces()).stream()
        .map(m -> m.canonical() + "/" + m.type()).toList();
  }

  /** The model spans {@code spans} of {@code sentence} (tokens split at spaces) as the combined layers clean them. */
  private static List<MentionMerger.Candidate> cleaned(String sentence, MentionMerger.Candidate... spans) {
    EntityRecognizer recognizer = new EntityRecognizer(NameFinderModels.shared(), Gazetteer.english(), tokenizer, Layers.BOTH);
    return recognizer.clean(List.of(spans), sentence.split(" "), Set.of());
  }

  /** Asserts that each of {@code names} was found with {@code type}. */
  private static void assertFound(List<String> found, String type, String... names) {
    for (String name : names) {
      assertTrue(found.contains(name + "/" + type), name + " in " + found);
    }
  }

  /** The shipped gazetteer with more "type TAB name" lines. */
  private static Gazetteer withNames(String lines) throws Exception {
    return Gazetteer.english().addNames(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "test");
  }

  private static final String TEXT = "NATO Secretary-General Jens Stoltenberg met Liz Truss in London. "
      + "Truss said NATO’s future lies with ASEAN and the U.S., and Stoltenberg agreed. Let us see.";

  @Test
  void combinedLayersFindCurrentNamesAndCanonicaliseThem() {
    assertEquals(List.of("NATO/organization", "Jens Stoltenberg/person", "Liz Truss/person", "London/location",
        "Liz Truss/person", "NATO/organization", "ASEAN/organization", "United States/location", "Jens Stoltenberg/person"),
        found(Layers.BOTH, Gazetteer.english(), TEXT));
  }

  @Test
  void anAcronymOfFourLettersOrMoreIsAlsoFoundInTitleCase() throws Exception {
    Gazetteer g = withNames("organization\tWHO\n");
    assertEquals(List.of("OPEC/organization", "NATO/organization", "OPEC/organization"),
        found(Layers.DICTIONARY, g, "Opec ministers met Nato officials. Who knows what OPEC will do?"));
    assertEquals(null, Gazetteer.titleCaseAcronym("WHO"));
    assertEquals(null, Gazetteer.titleCaseAcronym("U.S."));
    assertEquals("Opec", Gazetteer.titleCaseAcronym("OPEC"));
    // a user's alias for the title-case spelling wins over the derived one
    g.addAliases(new ByteArrayInputStream("Opec\tOPEC Fund\n".getBytes(StandardCharsets.UTF_8)), "test");
    assertEquals("OPEC Fund", g.canonical("Opec"));
  }

  @Test
  void possessiveIsNeverPartOfAMention() {
    EntityRecognizer recognizer = new EntityRecognizer(NameFinderModels.shared(), Gazetteer.english(), tokenizer, Layers.BOTH);
    List<Mention> mentions = recognizer.find(tokenizer.tokenize("NATO's allies met. Ms. Yun Zhang's report came out.").surfaces());
    assertTrue(mentions.stream().noneMatch(m -> m.surface().contains("'s")), mentions.toString());
  }

  @Test
  void modelsAloneMissCurrentNamesTheDictionaryKnows() {
    List<String> model = found(Layers.MODEL, Gazetteer.english(), TEXT);
    assertTrue(!model.contains("Liz Truss/person") && !model.contains("Jens Stoltenberg/person"), model.toString());
  }

  @Test
  void surnameResolvesToTheFullNameSeenEarlierInTheDocument() throws Exception {
    // Both spellings are separate gazetteer names (no alias), so only in-document resolution joins them.
    Gazetteer g = withNames("person\tPavel Feldman\nperson\tFeldman\n");
    assertEquals(List.of("Feldman/person", "Pavel Feldman/person", "Pavel Feldman/person"),
        found(Layers.DICTIONARY, g, "Feldman spoke first. Then Pavel Feldman, an expert, spoke. Later Feldman added a warning."));
  }

  @Test
  void aBareSurnameAfterTheFullNameIsAMentionEvenWhenNoLayerTaggedIt() throws Exception {
    Gazetteer g = withNames("person\tPavel Feldman\n");
    assertEquals(List.of("Pavel Feldman/person", "Pavel Feldman/person"),
        found(Layers.DICTIONARY, g, "Pavel Feldman spoke. In Feldman's opinion, feldman is not a word."));
  }

  @Test
  void modelLayerSkipsSentencesWithoutLowerCaseAndOrdinaryCapitalisedWords() {
    assertEquals(List.of(), found(Layers.MODEL, Gazetteer.english(), "OPINION / VIEWPOINT"));
    assertEquals(List.of(), found(Layers.MODEL, Gazetteer.english(), "Consequently it failed. It consequently failed in July."));
  }

  @Test
  void usersExtendTheGazetteerAndAliases() throws Exception {
    Gazetteer g = Gazetteer.english()
        .addNames(new ByteArrayInputStream("organization\tPressLens Institute\n".getBytes(StandardCharsets.UTF_8)), "mine")
        .addAliases(new ByteArrayInputStream("PLI\tPressLens Institute\n".getBytes(StandardCharsets.UTF_8)), "mine");
    assertEquals(List.of("PressLens Institute/organization", "PressLens Institute/organization"),
        found(Layers.DICTIONARY, g, "The PressLens Institute, or PLI, reported."));
    assertThrows(IllegalArgumentException.class, () -> Gazetteer.english()
        .addNames(new ByteArrayInputStream("animal\tCat\n".getBytes(StandardCharsets.UTF_8)), "bad"));
    assertThrows(IllegalArgumentException.class, () -> Gazetteer.english()
        .addAliases(new ByteArrayInputStream("only one column\n".getBytes(StandardCharsets.UTF_8)), "bad"));
  }

  @Test
  void organisationsByLegalFormAndTheirShortFormsUnlessAnAliasVetoesTheMerge() throws Exception {
    String text = "Computer Terminal Systems Inc said it sold shares to <Woodco Inc> of Houston.\n"
        + "Later Computer Terminal said Woodco paid cash, as the West Kootenay Power unit did in the U.S.";
    // no West: a compass direction that begins a name the gazetteer does not know
    assertEquals(List.of("Computer Terminal Systems Inc/organization", "Woodco Inc/organization",
        "Computer Terminal Systems Inc/organization", "Woodco Inc/organization", "United States/location"),
        found(Layers.DICTIONARY, Gazetteer.english(), text));
    Gazetteer veto = Gazetteer.english()
        .addAliases(new ByteArrayInputStream("Woodco\tWoodco\n".getBytes(StandardCharsets.UTF_8)), "mine");
    assertEquals("Woodco/organization", found(Layers.DICTIONARY, veto, text).get(3));
  }

  @Test
  void personNamesWithoutTitlesAndWithTheirParticles() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "Finance and Petroleum Minister Sheikh Abdul-Aziz bin Khalifa al-Thani said the budget fell.\n"
            + "Sheikh Abdul-Aziz said revenue would be lower.");
    assertEquals(List.of("Abdul-Aziz bin Khalifa al-Thani/person", "Abdul-Aziz bin Khalifa al-Thani/person"),
        found.stream().filter(m -> m.endsWith("/person")).toList());
    assertTrue(found.stream().noneMatch(m -> m.contains("Minister")), "a title is not a name: " + found);
  }

  @Test
  void aTownBeforeItsStateIsAPlaceButAMonthOrACommonWordIsNot() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "The tanker delivered oil to a refinery in Paulsboro, New Jersey, on Monday. Exports fell in January, Gulf oil sources said. "
            + "Talks between the Government, Britain and France went on; the government said little.");
    assertTrue(found.contains("Paulsboro/location") && found.contains("New Jersey/location"), found.toString());
    assertTrue(found.stream().noneMatch(name -> name.startsWith("January") || name.startsWith("Government")), found.toString());
  }

  @Test
  void aNameThatAnAppositiveCallsACompanyIsAnOrganisationLaterInTheDocumentToo() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "Shares rose after Nova, the Canadian company that owns 56 pct of the venture, agreed to sell. Nova said the sale would close soon.");
    assertEquals(2, found.stream().filter("Nova/organization"::equals).count(), found.toString());
  }

  @Test
  void modelSpansBelowTheMinimumProbabilityAreDropped() {
    String sentence = "Officials met Anna Berg in Oslo .";
    double below = EntityRecognizer.MIN_MODEL_PROBABILITY - 0.01;
    List<MentionMerger.Candidate> kept = cleaned(sentence,
        new MentionMerger.Candidate(2, 4, "person", Mention.MODEL, below),
        new MentionMerger.Candidate(5, 6, "location", Mention.MODEL, EntityRecognizer.MIN_MODEL_PROBABILITY));
    String[] tokens = sentence.split(" ");
    assertEquals(List.of("Oslo"), kept.stream().map(c -> tokens[c.start()]).toList());
  }

  @Test
  void aCommonGivenNameBeforeASurnameNamesAPersonNoOtherRuleFound() {
    List<String> found = found(Layers.DICTIONARY, Gazetteer.english(),
        "Casey Stengel takes over as boss. Olivia De Havilland signed to do a play. Pretty Sunny Ainsworth joined us.");
    assertFound(found, "person", "Casey Stengel", "Olivia De Havilland", "Sunny Ainsworth");
  }

  @Test
  void aGivenNameStartsNoFirmPlaceOrInstitutionNorAWordTheTextWritesInLowerCase() {
    List<String> found = found(Layers.DICTIONARY, Gazetteer.english(),
        "Analysts at Dean Witter and Co agreed. The Anne Arundel county school board met at Wayne State. Virginia Slims "
            + "sold well. In frank letters to Frank Capozza, Carter Hawley said no. German Bundesbank officials met Major "
            + "Snively at the Fort Wayne Armory, Lincoln Memorial and Republic of Santo Domingo on Easter Sunday.");
    assertTrue(found.stream().noneMatch(name -> name.endsWith("/person")), found.toString());
    assertFound(found, "organization", "Dean Witter and Co");
  }

  @Test
  void aGivenNameAndASurnameTheDocumentWritesAsAPlaceNameNoPersonAnywhereInIt() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "Santo Domingo, in her turn, has now made an appeal to us to help her. The conditions in Santo Domingo have "
            + "grown from bad to worse. The Custom Houses offer the only revenue in Santo Domingo, and revolutions aim at "
            + "them. We bid us meet the request of Santo Domingo. The treaty of Guadalupe Hidalgo was signed. Guadalupe "
            + "Hidalgo was ceded.");
    assertTrue(found.stream().noneMatch(name -> name.endsWith("/person")), found.toString());
  }

  @Test
  void aGenericNounOfBodiesAloneIsNoOrganisationUnlessTheTextNamesOneWithIt() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "The Nation is at peace, and the Union is strong. The Executive has done its duty and the Legislature "
            + "has acted. The Bank of the United States failed; the Bank never recovered.");
    assertTrue(found.stream().noneMatch(name -> name.startsWith("Nation/") || name.startsWith("Union/")
        || name.startsWith("Executive/") || name.startsWith("Legislature/")), found.toString());
    // the head word's name goes on after "of the"
    assertFound(found, "organization", "Bank of the United States");
    assertTrue(found.stream().noneMatch(name -> name.equals("Bank/organization")), found.toString());
  }

  @Test
  void officesBodiesInThePluralAndMarksInSquareBracketsAreNoNames() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "Mr. Speaker, Mr. Vice President, Members of Congress: both Houses agree. [Laughter] But it is a matter of "
            + "historic record. The Departments were therefore desired to prepare their estimates, as were the War and "
            + "Navy Departments. Lands within the State of Alabama were sold. Speaker Sam Rayburn came from Texas.");
    assertTrue(found.stream().noneMatch(name -> name.startsWith("Speaker/") || name.startsWith("Vice/")
        || name.startsWith("Houses/") || name.startsWith("Laughter/")
        || name.startsWith("Applause/") || name.startsWith("Departments/") || name.startsWith("State/")), found.toString());
    assertFound(found, "person", "Sam Rayburn");
    assertFound(found, "location", "Texas");
    List<String> premier = found(Layers.DICTIONARY, Gazetteer.english(),
        "Vice Premier Deng Xiaoping met Premier Producers Inc.");
    assertTrue(premier.contains("Deng Xiaoping/person") && premier.stream().noneMatch(name -> name.contains("Premier")
        && name.endsWith("/person")), premier.toString());
  }

  @Test
  void theSpellingsOfAlQaedaAreOneOrganisation() {
    List<String> found = found(Layers.DICTIONARY, Gazetteer.english(),
        "Al Qaida and al-Qaida were weakened; al Qaeda, Al-Qaeda and the Taliban were not.");
    assertEquals(4, found.stream().filter("al-Qaeda/organization"::equals).count(), found.toString());
  }

  @Test
  void aDemonymAloneIsNoMentionButAPlaceOfItsShapeIs() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "The American dream lives on. Nicaraguan rebels fought. We sent ships to Hawaii and to Michigan.");
    assertTrue(found.stream().noneMatch(name -> name.startsWith("American/") || name.startsWith("Nicaraguan/")),
        found.toString());
    assertFound(found, "location", "Hawaii", "Michigan");
  }

  @Test
  void aPersonBeforeWhoOrAPossessiveOrOnceAfterInIsNoPlace() {
    List<String> found = found(Layers.DICTIONARY, Gazetteer.english(),
        "Fans in Casey Stengel's town and in Casey Stengel's club cheered Casey Stengel. She drove in Sunny "
            + "Ainsworth. The coach looked at Eddie Hardy and at Eddie Hardy again. Eddie Hardy, who pitched, won. "
            + "The Jim Crow laws fell.");
    assertFound(found, "person", "Casey Stengel", "Sunny Ainsworth", "Eddie Hardy");
    assertFalse(found.contains("Jim Crow/person"), found.toString());
  }

  @Test
  void aPlaceHeadWordAloneIsNoPlaceWhereItQualifiesTheNextWord() {
    List<String> found = found(Layers.DICTIONARY, Gazetteer.english(),
        "Gulf oil sources said exports from the Gulf fell. The Gulf oil state of Qatar and Gulf Arab producers grew.");
    assertEquals(1, found.stream().filter("Gulf/location"::equals).count(), found.toString());
    assertFound(found, "location", "Qatar");
  }

  @Test
  void capitalisedWordsBeforeALowerCaseInstitutionHeadNameAnInstitutionButNotAPlaceOrAnAdjective() {
    List<String> found = found(Layers.DICTIONARY, Gazetteer.english(),
        "He feted the Chicago Press club and the Racquet club. She went to Smith college, not to a Federal school "
            + "or the London school.");
    assertFound(found, "organization", "Chicago Press club", "Racquet club", "Smith college");
    assertTrue(found.stream().noneMatch(name -> name.contains("school")), found.toString());
  }

  @Test
  void capitalisedWordsBeforeALowerCasePlaceHeadNameAPlace() {
    List<String> found = found(Layers.DICTIONARY, Gazetteer.english(),
        "They live in Anne Arundel county on Old Annapolis road, not in a Texas county.");
    assertFound(found, "location", "Anne Arundel county", "Old Annapolis road");
    assertTrue(found.stream().noneMatch(name -> name.contains("county") && name.contains("Texas")), found.toString());
  }

  @Test
  void aCompassDirectionBeforeAPlaceIsPartOfTheRegionsName() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "Indonesia, the largest country in South-East Asia, exports oil. Drilling in West Texas rose, and so did trade in the West "
            + "and with Western Europe.");
    assertTrue(found.contains("South-East Asia/location") && found.contains("West Texas/location")
        && found.contains("Western Europe/location"), found.toString());
    assertTrue(found.stream().noneMatch(name -> name.equals("Asia/location") || name.equals("Texas/location")
        || name.equals("Europe/location")), found.toString());
  }

  @Test
  void aCrudeOilGradeIsAProductButAUtilityOrAMakerNamedLikeOneIsNot() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "The company cut its posted price for West Texas Intermediate to 16.00 dlrs and for Edmonton/Swann Hills Light Sweet "
            + "to 22.26 dlrs. Florida Power and Light Co and Mitsubishi Heavy Industries Ltd bought crude in Texas.");
    assertTrue(found.stream().noneMatch(name -> name.contains("Texas Intermediate") || name.startsWith("Edmonton")
        || name.equals("West Texas/location") || name.startsWith("Swann")), found.toString());
    assertEquals(1, found.stream().filter("Texas/location"::equals).count(), "only the place: " + found);
    assertTrue(found.stream().anyMatch(name -> name.startsWith("Mitsubishi Heavy Industries")), found.toString());
    assertTrue(found.stream().anyMatch(name -> name.startsWith("Florida Power and Light")), found.toString());
  }

  @Test
  void aShortFormIsTheCompanyWhoseWholeNameItIsNotTheFirstThatBeginsWithIt() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "Purolator Courier Corp agreed to be acquired by a company formed by E.F. Hutton LBO Inc and its managers. Hutton LBO, a unit of "
            + "E.F. Hutton Group Inc, will own the company. Hutton said the offer was fair.");
    assertEquals(List.of("E.F. Hutton LBO Inc/organization", "E.F. Hutton LBO Inc/organization",
        "E.F. Hutton Group Inc/organization", "E.F. Hutton Group Inc/organization"),
        found.stream().filter(name -> name.contains("Hutton")).toList());
  }

  @Test
  void aShortFormBeforeATitleIsStillTheOrganisation() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "The New York Mercantile Exchange proposed a rule change. NYMEX President Rosemary McFadden said it would help. "
            + "Sedio N.V. agreed too, Sedio Chairman Ruud Kok said.");
    assertEquals(2, found.stream().filter("New York Mercantile Exchange/organization"::equals).count(), found.toString());
    assertEquals(2, found.stream().filter("Sedio N.V./organization"::equals).count(), found.toString());
  }

  @Test
  void aBuildingsNameIsNoMentionOfThePlaceOrPersonInIt() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "Investors agreed to buy the Santa Barbara Biltmore Hotel from Marriott Corp, and offices in Trump Tower. "
            + "The hotel in Santa Barbara will stay open.");
    assertEquals(1, found.stream().filter("Santa Barbara/location"::equals).count(), found.toString());
    assertTrue(found.contains("Marriott Corp/organization"), found.toString());
    assertTrue(found.stream().noneMatch(name -> name.startsWith("Trump")), found.toString());
  }

  @Test
  void aPlaceBeforeAUtilitysWordNamesTheUtility() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "The company bought West Virginia Power from its owner, and Ohio Edison said it would sell power to Texas.");
    assertTrue(found.contains("West Virginia Power/organization") && found.contains("Ohio Edison/organization"),
        found.toString());
    assertEquals(List.of("Texas/location"), found.stream().filter(name -> name.endsWith("/location")).toList());
  }

  @Test
  void aFamilyNameInThePluralIsAPersonWhenTheDocumentNamesTheFamilyOrItsBusiness() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "The Wallenberg group fought back a bid. The Wallenbergs now hold 40 pct, and the Americans and the Soviets "
            + "watched. An American group and a Soviet group bid too.");
    assertEquals(List.of("Wallenberg/person", "Wallenberg/person"),
        found.stream().filter(name -> name.startsWith("Wallenberg")).toList());
    assertTrue(found.stream().noneMatch(name -> name.equals("American/person") || name.equals("Soviet/person")), found.toString());
    List<String> withoutFamilyWord = found(Layers.BOTH, Gazetteer.english(),
        "The Smiths said nothing. Smith and Jones are common names.");
    assertTrue(withoutFamilyWord.stream().noneMatch(name -> name.equals("Smith/person")), withoutFamilyWord.toString());
  }

  @Test
  void initialsArePartOfAPersonsName() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "East Providence should appoint a director , Raymond H. Hawksley , the city CD head , believes . "
            + "Romantic news concerns Mrs. Joan Monroe Armour and F. Lee H. Wendell , who are to be married . "
            + "The payroll comes to about $15,000,000 . Howard E. Simpson , the railroad's president , said so . "
            + "Mrs. William Odell , Mrs. Clinton B. King , John Holabird Jr. , and Norman Boothby will judge .");
    assertFound(found, "person", "Raymond H. Hawksley", "F. Lee H. Wendell", "Howard E. Simpson", "Clinton B. King");
    assertTrue(found.stream().noneMatch(name -> name.startsWith("Hawksley/") || name.startsWith("Raymond/")), found.toString());
  }

  @Test
  void aSuffixAloneIsNoNameAndNotASurname() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "His sister and brother , Marie Louise , 3 , and John Raymond , Jr. 22 months , were admitted . "
            + "A supper Mr. and Mrs. Charles H. Sethness Jr. planned Sunday was canceled because Mr. Sethness is ill .");
    assertTrue(found.stream().noneMatch(name -> name.startsWith("Jr.")), found.toString());
    assertEquals(List.of("Charles H. Sethness Jr./person", "Charles H. Sethness Jr./person"),
        found.stream().filter(name -> name.contains("Sethness")).toList());
  }

  @Test
  void aSurnameInThePluralAfterTheIsTheFamilyOfThePersonNamedInFull() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "The victims were H. Malone Dresbach , 47 , and his wife . The boys were adopted by the Dresbachs . "
            + "Harvey B. Stevens of Kenilworth will give the dinner tonight in the Stevenses' home .");
    assertEquals(2, found.stream().filter(name -> name.equals("H. Malone Dresbach/person")).count(), found.toString());
    assertEquals(2, found.stream().filter(name -> name.equals("Harvey B. Stevens/person")).count(), found.toString());
  }

  @Test
  void aCompassDirectionBeforeAPlaceOnlyTheModelsFoundIsPartOfItsName() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "East Providence should organize its civil defense . Mr. Hawksley believes that East Providence could use two trucks .");
    assertFound(found, "location", "East Providence");
    assertTrue(found.stream().noneMatch(name -> name.startsWith("Providence/") || name.startsWith("East/")), found.toString());
  }

  @Test
  void clubsSchoolsOrchestrasAndRailroadsAreOrganisationsByTheirHeadWord() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "Mr. Reama told the Rotary Club of Providence at its luncheon . The Baltimore and Ohio Railroad cut its payroll . "
            + "The concert was played by the Transylvania Symphony Orchestra from Brevard .");
    assertFound(found, "organization", "Rotary Club of Providence", "Baltimore and Ohio Railroad", "Transylvania Symphony Orchestra");
  }

  @Test
  void hospitalsAndTheatresAreBuildingsAndTitlesAndDescriptionsAreNoPartOfAName() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "He was taken to University Hospital in a municipal ambulance . The governor wrote Miss Grant a letter . "
            + "Trooper Elmer Hagner spotted the car . Norman Boothby , and Actress Maureen O'Sullivan will judge the costumes .");
    assertTrue(found.stream().noneMatch(name -> name.startsWith("University Hospital")), found.toString());
    assertFound(found, "person", "Grant", "Elmer Hagner", "Maureen O'Sullivan");
  }

  @Test
  void namesJoinedByAnAmpersandAreFirmsWrittenWithTheirCommas() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "The first trade at Eppler , Guerin & Turner , the managing underwriter , was at 17 dlrs . "
            + "Some of the men go on furlough , a B. & O. spokesman said . Mr. & Mrs. Stevens gave a dinner .");
    assertFound(found, "organization", "Eppler, Guerin & Turner", "B. & O.");
    assertTrue(found.stream().noneMatch(name -> name.contains("Mr.")), found.toString());
  }

  @Test
  void touchingPersonSpansAreOneName() {
    assertEquals(List.of(new MentionMerger.Candidate(2, 5, "person", Mention.MODEL, 0.9)),
        cleaned("More : Albert John Luthuli , awarded a prize , has to get permission .",
            new MentionMerger.Candidate(2, 3, "person", Mention.MODEL, 0.9),
            new MentionMerger.Candidate(3, 5, "person", Mention.MODEL, 0.8)));
  }

  @Test
  void aTitleTheModelsFindAsANameOfItsOwnIsNoPartOfTheNameItTouches() {
    String sentence = "Transylvania Symphony Conductor Pfohl said yesterday that the concert was a success .";
    assertEquals(List.of(new MentionMerger.Candidate(3, 4, "person", Mention.MODEL, 0.73)),
        cleaned(sentence, new MentionMerger.Candidate(2, 3, "person", Mention.MODEL, 0.69),
            new MentionMerger.Candidate(3, 4, "person", Mention.MODEL, 0.73)));
    assertFound(found(Layers.BOTH, Gazetteer.english(), sentence), "person", "Pfohl");
  }

  @Test
  void aGivenNameAloneIsTheOnePersonNamedInFullWithIt() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "Mr. Danny Thomas is exec director of the group . The phonies solicit funds for Danny's hospital in Memphis .");
    assertEquals(List.of("Danny Thomas/person", "Danny Thomas/person"),
        found.stream().filter(name -> name.endsWith("/person")).toList());
    List<String> twoJohnnies = found(Layers.BOTH, Gazetteer.english(),
        "Johnny Ray has something to cry about . Johnny Weissmuller telephoned Maureen O'Sullivan . Johnny is a glib guy .");
    assertTrue(twoJohnnies.contains("Johnny/person"), twoJohnnies.toString());
  }

  @Test
  void streetsAndSquaresArePlacesByTheirHeadWord() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "Last week , rumors circulated on Wall Street that the firm was for sale . "
            + "The assailant entered the taxi at Pennsylvania Avenue . I wish to advocate two changes in Washington Square .");
    assertFound(found, "location", "Wall Street", "Pennsylvania Avenue", "Washington Square");
  }

  @Test
  void aPartnershipsNameGoesOnOverItsPartnersButNotOverAPersonBeforeIt() {
    List<String> found = found(Layers.BOTH, Gazetteer.english(),
        "Merrill Lynch, Pierce Fenner and Smith Inc has increased its underwriting commitment. "
            + "\"It is real,\" said Thomas McKiernan, McKiernan and Co chairman.");
    assertFound(found, "organization", "Merrill Lynch, Pierce Fenner and Smith Inc", "McKiernan and Co");
    assertTrue(found.stream().noneMatch(name -> name.startsWith("Thomas McKiernan,")), found.toString());
  }
}
