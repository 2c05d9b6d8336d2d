package org.presslens.transforms.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.io.TextDecoder.Decoded;
import org.presslens.transforms.model.RejectedInput;

class TextDecoderTest {

  private static final String TEXT = "NATO’s “global” ambitions — said the minister, €200 billion in café talk, très élevé.";

  @Test
  void aStrayNulIsTheProblemOfItsRecordInAFileOfRecords() {
    byte[] csv = "doc_id,text\na,fine\nb,bro\u0000ken\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(RejectedInput.Reason.BINARY, TextDecoder.decode(csv).failure());
    Decoded records = TextDecoder.decodeRecords(csv);
    assertTrue(records.ok());
    assertEquals("doc_id,text\na,fine\nb,bro\u0000ken\n", records.text());
  }

  @Test
  void byteOrderMarksDecide() {
    assertEquals(new Decoded(TEXT, "UTF-8", null, null), TextDecoder.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8)));
    assertEquals(new Decoded(TEXT, "UTF-16LE", null, null), TextDecoder.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(new Decoded(TEXT, "UTF-16BE", null, null), TextDecoder.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16BE)));
  }

  @Test
  void validUtf8IsUtf8() {
    assertEquals(new Decoded(TEXT, "UTF-8", null, null), TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void windows1252IsDetected() {
    // Smart quotes, the euro sign and the em dash are C1 bytes in windows-1252, invalid as UTF-8.
    String longer = TEXT + " " + TEXT + " The alliance's members disagree about the budget once again.";
    Decoded d = TextDecoder.decode(longer.getBytes(Charset.forName("windows-1252")));
    assertTrue(d.ok(), d.toString());
    assertEquals("windows-1252", d.charset());
    assertEquals(longer, d.text());
  }

  @Test
  void nulBytesMeanBinaryAndGarbageIsUnknown() {
    assertEquals(org.presslens.transforms.model.RejectedInput.Reason.BINARY, TextDecoder.decode(new byte[] {'a', 0, 'b'}).failure());
    byte[] bomAndNul = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', 0, 'b'};
    assertEquals(org.presslens.transforms.model.RejectedInput.Reason.BINARY, TextDecoder.decode(bomAndNul).failure(),
        "a byte order mark does not make NULs text");
    byte[] garbage = new byte[64];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (0x80 + (i * 37) % 0x7F);
    }
    Decoded d = TextDecoder.decode(garbage);
    assertFalse(d.ok() && d.charset().equals("UTF-8"), "random high bytes are not UTF-8");
  }
}
