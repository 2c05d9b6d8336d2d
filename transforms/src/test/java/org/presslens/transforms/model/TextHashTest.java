package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;

class TextHashTest {

  @Test
  void theKeyIsTheTextsMurmurHashWhetherLookedUpOrComputed() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 200_000; i++) { // more texts than slots: slots are overwritten
      String text = "text " + i;
      String key = TextHash.key(text);
      assertEquals(key, TextHash.key(text), "looked up again");
      assertEquals(key, TextHash.key(new String(text.toCharArray())), "another object with the same text");
      assertEquals(key, TextHash.freshKey(text), "not remembered");
      keys.add(key);
    }
    assertEquals(200_000, keys.size(), "different texts, different keys");
    // MurmurHash3_x64_128 with seed 0, the reference implementation's bytes 6c1b07bc7bbc4be3 47939ac4a93c437a
    // read as two little-endian 64-bit halves
    assertEquals("e34bbc7bbc071b6c7a433ca9c49a9347", TextHash.key("The quick brown fox jumps over the lazy dog"));
    assertEquals("00000000000000000000000000000000", TextHash.key(""));
    assertNotEquals(TextHash.key("Ünïcode"), TextHash.key("Unicode"));
  }

  @Test
  void theSha256IsOfTheUtf8Bytes() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", TextHash.sha256(""));
    assertEquals(DigestUtils.sha256Hex("Ünïcode".getBytes(StandardCharsets.UTF_8)), TextHash.sha256("Ünïcode"));
  }
}
