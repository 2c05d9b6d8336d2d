package org.presslens.transforms.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.commons.io.input.UnsynchronizedBufferedInputStream;
import org.apache.commons.io.input.UnsynchronizedByteArrayInputStream;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;

/**
 * Streams for the coders of tables, postings, fingerprints and stored state, which read and write
 * a byte at a time (variable-length integers): the JDK's {@link java.io.ByteArrayInputStream},
 * {@link java.io.BufferedInputStream} and {@link java.io.ByteArrayOutputStream} take a lock on
 * every byte, which costs several times the byte's work; Commons IO's unsynchronized streams do
 * not. And a value coded to bytes and back through them ({@link #encode}, {@link #decode}), where
 * Beam's {@code CoderUtils} goes through the JDK's.
 */
public final class ByteIo {

  private static final int BUFFER_BYTES = 1 << 16;

  private ByteIo() {}

  /** The bytes as a stream. */
  public static InputStream of(byte[] bytes) {
    try {
      return UnsynchronizedByteArrayInputStream.builder().setByteArray(bytes).get();
    } catch (IOException e) {
      throw new UncheckedIOException("a stream over an array cannot fail to open", e);
    }
  }

  /** {@code in} read in blocks of 64 KB. */
  public static InputStream buffered(InputStream in) {
    try {
      return UnsynchronizedBufferedInputStream.builder().setInputStream(in).setBufferSize(BUFFER_BYTES).get();
    } catch (IOException e) {
      throw new UncheckedIOException("a buffered stream cannot fail to open", e);
    }
  }

  /** A stream into a growing array ({@code toByteArray}, {@code writeTo}, {@code reset}). */
  public static UnsynchronizedByteArrayOutputStream output() {
    return UnsynchronizedByteArrayOutputStream.builder().get();
  }

  /** The value's bytes as {@code coder} writes it in a stream of values ({@link #decode} reads them back). */
  public static <T> byte[] encode(Coder<T> coder, T value) throws CoderException {
    UnsynchronizedByteArrayOutputStream out = output();
    try {
      coder.encode(value, out);
    } catch (CoderException e) {
      throw e;
    } catch (IOException e) {
      throw new CoderException("a byte array stream failed", e);
    }
    return out.toByteArray();
  }

  /** The value that {@link #encode} wrote into {@code bytes}, which it must fill. */
  public static <T> T decode(Coder<T> coder, byte[] bytes) throws CoderException {
    InputStream in = of(bytes);
    try {
      T value = coder.decode(in);
      if (in.available() != 0) {
        throw new CoderException(in.available() + " bytes left after decoding a value with " + coder);
      }
      return value;
    } catch (CoderException e) {
      throw e;
    } catch (IOException e) {
      throw new CoderException("a byte array stream failed", e);
    }
  }
}
