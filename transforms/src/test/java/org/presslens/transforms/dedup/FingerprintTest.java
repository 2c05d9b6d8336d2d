package org.presslens.transforms.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  private static final String TEXT = "The talks in Geneva ended without an agreement on the next steps.";

  @Test
  void fingerprintsOfTheSameDocumentAreEqualByValue() throws Exception {
    Fingerprint a = Fingerprint.of("d1", "rt", "2023-01-01", TEXT);
    Fingerprint b = Fingerprint.of("d1", "rt", "2023-01-01", TEXT);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Fingerprint.of("d1", "rt", "2023-01-01", TEXT + " More talks are planned."));
    assertNotEquals(a, Fingerprint.of("d2", "rt", "2023-01-01", TEXT));
    // Beam's direct runner checks that equal elements encode alike and vice versa
    CoderProperties.coderConsistentWithEquals(SerializableCoder.of(Fingerprint.class), a, b);
  }
}
