package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;

class TextHashTest {

  @Test
  void theHashIsTheTextsSha256WhetherLookedUpOrComputed() {
    for (int i = 0; i < 20_000; i++) { // more texts than slots: slots are overwritten
      String text = "text " + i;
      assertEquals(DigestUtils.sha256Hex(text), TextHash.sha256(text));
      assertEquals(DigestUtils.sha256Hex(text), TextHash.sha256(text), "looked up again");
      String equalCopy = new String(text.toCharArray());
      assertEquals(DigestUtils.sha256Hex(text), TextHash.sha256(equalCopy), "another object with the same text");
    }
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", TextHash.sha256(""));
  }
}
