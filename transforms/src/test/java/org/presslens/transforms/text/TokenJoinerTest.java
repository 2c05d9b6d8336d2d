package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenJoinerTest {

  private static String join(String tokens) {
    return TokenJoiner.join(tokens.split(" "));
  }

  @Test
  void punctuationAndCliticsAttachToTheWordBefore() {
    assertEquals("NATO's members, they say, can't agree; isn't it odd?", join("NATO 's members , they say , ca n't agree ; is n't it odd ?"));
    assertEquals("WE WON'T GO.", join("WE WO N'T GO ."));
    assertEquals("up 5% (in 2022) to $40", join("up 5 % ( in 2022 ) to $ 40"));
  }

  @Test
  void doubleQuotesEncloseTheWordsBetweenThem() {
    assertEquals("he said \"no way\" twice", join("he said \" no way \" twice"));
  }

  @Test
  void aSliceIsJoinedOnItsOwn() {
    String[] tokens = "the alliance 's \" open door \" policy".split(" ");
    assertEquals("alliance's \"open", TokenJoiner.join(tokens, 1, 5));
    assertEquals("", TokenJoiner.join(tokens, 2, 2));
  }
}
