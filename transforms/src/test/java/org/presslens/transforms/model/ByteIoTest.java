package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.util.VarInt;
import org.junit.jupiter.api.Test;

class ByteIoTest {

  /** A buffered stream reads its source in blocks: a file's bytes one by one would each be a system call. */
  @Test
  void aBufferedStreamReadsItsSourceInBlocks() throws IOException {
    int[] reads = {0};
    byte[] bytes = new byte[200_000];
    InputStream source = new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read() {
        reads[0]++;
        return super.read();
      }

      @Override
      public synchronized int read(byte[] b, int off, int len) {
        reads[0]++;
        return super.read(b, off, len);
      }
    };
    InputStream in = ByteIo.buffered(source);
    int n = 0;
    while (in.read() >= 0) {
      n++;
    }
    assertEquals(bytes.length, n);
    assertTrue(reads[0] <= 10, reads[0] + " reads of the source for " + n + " bytes");
  }

  @Test
  void aValueComesBackAsItWasCoded() throws CoderException {
    ListCoder<String> coder = ListCoder.of(StringUtf8Coder.of());
    List<String> value = List.of("Buenos Ayres", "", "\u00e9t\u00e9 \u2019s");
    assertEquals(value, ByteIo.decode(coder, ByteIo.encode(coder, value)));
    // a string alone: its length is coded too, so that values can follow one another
    assertEquals("", ByteIo.decode(StringUtf8Coder.of(), ByteIo.encode(StringUtf8Coder.of(), "")));
  }

  /**
   * Each value's bytes are its own: a small value after a large one, and a coder that codes a part
   * of its value with {@code encode} while the outer value is being coded.
   */
  @Test
  void valuesCodedOneAfterAnotherOrInsideAnotherKeepTheirBytes() throws IOException {
    StringUtf8Coder strings = StringUtf8Coder.of();
    String large = "x".repeat(3 << 20);
    byte[] first = ByteIo.encode(strings, large);
    byte[] second = ByteIo.encode(strings, "small");
    byte[] third = ByteIo.encode(strings, "small");
    assertEquals(large, ByteIo.decode(strings, first));
    assertEquals("small", ByteIo.decode(strings, second));
    assertArrayEquals(second, third);
    CustomCoder<List<String>> nesting = new CustomCoder<>() {
      @Override
      public void encode(List<String> value, OutputStream out) throws IOException {
        for (String part : value) {
          byte[] bytes = ByteIo.encode(strings, part);
          VarInt.encode(bytes.length, out);
          out.write(bytes);
        }
      }

      @Override
      public List<String> decode(InputStream in) throws IOException {
        List<String> parts = new ArrayList<>();
        for (int b = in.read(); b != -1; b = in.read()) {
          byte[] bytes = in.readNBytes(b);
          parts.add(ByteIo.decode(strings, bytes));
        }
        return parts;
      }
    };
    List<String> parts = List.of("one", "two", "three");
    assertEquals(parts, nesting.decode(ByteIo.of(ByteIo.encode(nesting, parts))));
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
