package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.ner.MentionMerger.Candidate;
import org.presslens.transforms.text.StopWords;

class NonNameSpansTest {

  private final NonNameSpans nonNames = new NonNameSpans(StopWords.english(), Set.of("Alabama", "America", "Soviet", "Union"),
      Set.of("Ohio", "Soviet Union")::contains, Set.of("Soviet Union")::contains);

  /** The words of the model's one-word spans of {@code type} that the filter keeps in a document of one sentence. */
  private List<String> kept(String sentence, String type) {
    String[] tokens = sentence.split(" ");
    List<Candidate> spans = ModelSpans.oneForEachCapitalised(tokens, type);
    return ModelSpans.words(tokens, nonNames.inDocument(List.<String[]>of(tokens), Set.of()).without(spans, tokens));
  }

  @Test
  void aWordAloneInSquareBracketsIsAMarkUnlessTheGazetteerNamesIt() {
    assertEquals(List.of("Applause", "Ohio"), kept("we won --[ Laughter ] -- and ( Applause ) in [ Ohio ] .", "organization"));
    // an editor's insertion inside a clause is a name
    assertEquals(List.of("Hearst"), kept("they understand [ Hearst ] is a candidate", "person"));
    assertEquals(List.of(), kept("[ Laughter ] [ Applause ]", "location"));
  }

  @Test
  void bodiesInThePluralAndWordsThatNeverNameABodyAloneAreNoOrganisations() {
    // "Departments" and "State" go although the sentence writes them in longer names; "Department" stays for one,
    // alone, not where it begins the longer name ("Department of State", which the dictionary layer names)
    assertEquals(List.of("Navy", "Alabama", "Department"), // "War" alone is an event noun
        kept("the Departments and the War and Navy Departments and the State of Alabama and the Department of State"
            + " and the Department", "organization"));
    assertEquals(List.of("Colombia", "Republic"), kept("the Republic of Colombia and the Republic", "organization"));
    assertEquals(List.of("Federal", "Government", "Federal"), kept("the Federal Government and Federal", "location"));
    assertEquals(List.of("Government"), kept("the Federal Government and Federal", "organization"));
  }

  @Test
  void aWordForTheTextsOwnCountryAfterAPlaceIsNoShortFormOfABody() {
    // in the name of a place ("Soviet Union") or after a demonym ("American Union") the word names no body, and
    // alone it goes (each capitalised word is a span of its own here; "American" alone is a demonym)
    assertEquals(List.of("Soviet"), kept("the Soviet Union and the American Union and the Union", "organization"));
    // after a body's name it may be its short form, and so may a head word after a place
    assertEquals(List.of("Union", "Pacific", "Union"), kept("the Union Pacific and the Union", "organization"));
    assertEquals(List.of("Alabama", "Department", "Department"),
        kept("the Alabama Department and the Department", "organization"));
  }

  @Test
  void aNounOfEventsAloneIsNoName() {
    assertEquals(List.of("France"), kept("the Revolution in France and the Summit and the Conference", "location"));
  }

  @Test
  void anAdjectiveAloneBeforeAWordInLowerCaseIsNoName() {
    assertEquals(List.of(), kept("the Allied forces and the Presidential office", "organization"));
    assertEquals(List.of(), kept("in the Southern states", "location"));
    // place names end in the other endings of adjectives
    assertEquals(List.of("Montreal", "Kingston"), kept("in Montreal and Kingston", "location"));
    // a person of such a word stays, and so does the word before a capitalised one
    assertEquals(List.of("Vidal"), kept("Vidal said", "person"));
    assertEquals(List.of("Continental", "Airlines"), kept("Continental Airlines", "organization"));
    // the short form of a name the document writes in full
    assertEquals(List.of("Ionic", "Industries", "Ionic"), kept("Ionic Industries said that Ionic would sell", "organization"));
    NonNameSpans withBaltic = new NonNameSpans(StopWords.english(), Set.of(), Set.of("Baltic")::contains, Set.of("Baltic")::contains);
    String[] tokens = {"the", "Baltic", "states"};
    assertEquals(1, withBaltic.inDocument(List.<String[]>of(tokens), Set.of())
        .without(List.of(new Candidate(1, 2, "location", Mention.MODEL, 0.9)), tokens).size());
  }
}
