package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.util.VarInt;
import org.junit.jupiter.api.Test;

class ByteIoTest {

  @Test
  void aValueComesBackAsItWasCoded() throws CoderException {
    ListCoder<String> coder = ListCoder.of(StringUtf8Coder.of());
    List<String> value = List.of("Buenos Ayres", "", "\u00e9t\u00e9 \u2019s");
    assertEquals(value, ByteIo.decode(coder, ByteIo.encode(coder, value)));
    // a string alone: its length is coded too, so that values can follow one another
    assertEquals("", ByteIo.decode(StringUtf8Coder.of(), ByteIo.encode(StringUtf8Coder.of(), "")));
  }

  @Test
  void bytesLeftAfterTheValueAreAnError() throws CoderException {
    byte[] one = ByteIo.encode(VarLongCoder.of(), 300L);
    byte[] withMore = new byte[one.length + 1];
    System.arraycopy(one, 0, withMore, 0, one.length);
    assertEquals(300L, ByteIo.decode(VarLongCoder.of(), one));
    assertThrows(CoderException.class, () -> ByteIo.decode(VarLongCoder.of(), withMore));
  }

  @Test
  void theBytesAreReadToTheirEnd() throws IOException {
    byte[] bytes = {(byte) 0xAC, 0x02};
    InputStream in = ByteIo.of(bytes);
    assertEquals(300, VarInt.decodeInt(in));
    assertEquals(-1, in.read());
    assertEquals(0, in.available());
  }

  @Test
  void aBufferedStreamGivesEveryByteAcrossItsBlocks() throws IOException {
    byte[] bytes = new byte[200_000]; // three blocks of 64 KB and a part
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    InputStream in = ByteIo.buffered(new ByteArrayInputStream(bytes));
    byte[] read = new byte[bytes.length];
    read[0] = (byte) in.read(); // a byte at a time, then the rest in one read
    assertEquals(bytes.length - 1, in.readNBytes(read, 1, bytes.length - 1));
    assertEquals(-1, in.read());
    assertArrayEquals(bytes, read);
  }
}
