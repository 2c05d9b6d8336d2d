package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.Mention;

class BodyShortFormsTest {

  private static List<Mention> organisations(String... surfaces) {
    List<Mention> mentions = new ArrayList<>();
    for (int i = 0; i < surfaces.length; i++) {
      mentions.add(new Mention(surfaces[i], "organization", surfaces[i], i, 0, surfaces[i].split(" ").length, Mention.MODEL));
    }
    return mentions;
  }

  @Test
  void aGenericNounAloneIsTheNearestLongerNameBeforeItWithTheNoun() {
    List<Mention> resolved = BodyShortForms.resolve(organisations("Commission", "Department of State", "Department",
        "War Department", "Department", "Securities and Exchange Commission", "Commission", "Department"));
    assertEquals(List.of("Commission", "Department of State", "Department of State", "War Department", "War Department",
        "Securities and Exchange Commission", "Securities and Exchange Commission", "War Department"),
        resolved.stream().map(Mention::canonical).toList());
    assertEquals("Department", resolved.get(2).surface());
  }

  @Test
  void theNounsOfTheTextsOwnGovernmentAndTheWhiteHouseAreNoShortForms() {
    List<Mention> resolved = BodyShortForms.resolve(organisations("Soviet Union", "Union", "Small Business Administration",
        "Administration", "Federal Government", "Government", "White House", "House"));
    assertEquals(List.of("Soviet Union", "Union", "Small Business Administration", "Administration", "Federal Government",
        "Government", "White House", "House"), resolved.stream().map(Mention::canonical).toList());
  }

  @Test
  void onlyOrganisationsNamedByTheNounAloneAreShortForms() {
    List<Mention> mentions = new ArrayList<>(organisations("House of Representatives"));
    mentions.add(new Mention("House", "person", "House", 1, 0, 1, Mention.MODEL)); // Colonel House
    mentions.add(new Mention("Bank of England", "organization", "Bank", 2, 0, 1, Mention.DICTIONARY)); // named already
    assertEquals(mentions, BodyShortForms.resolve(mentions));
  }
}
