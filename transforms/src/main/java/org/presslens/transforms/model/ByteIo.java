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

  /**
   * {@code in} read in blocks of 64 KB. The class's own builder: {@code UnsynchronizedBufferedInputStream.builder()}
   * is the static method it inherits from {@code UnsynchronizedFilterInputStream}, which builds a stream
   * without a buffer (every {@code read()} a read of {@code in}, a system call for a file).
   */
  public static InputStream buffered(InputStream in) {
    try {
      return new UnsynchronizedBufferedInputStream.Builder().setInputStream(in).setBufferSize(BUFFER_BYTES).get();
    } catch (IOException e) {
      throw new UncheckedIOException("a buffered stream cannot fail to open", e);
    }
  }

  /** A stream into a growing array ({@code toByteArray}, {@code writeTo}, {@code reset}). */
  public static UnsynchronizedByteArrayOutputStream output() {
    return UnsynchronizedByteArrayOutputStream.builder().get();
  }

  /**
   * The value's bytes as {@code coder} writes it in a stream of values ({@link #decode} reads them
   * back). Values are coded into a buffer of the thread's, kept from one value to the next: a new
   * stream starts with a block of several KB, which for the many small values coded one by one
   * (a row, a document's facts) was most of what coding them allocated. A coder that codes a part
   * of its value with this method (while the buffer is in use) gets a buffer of its own; a buffer
   * grown past {@value #KEPT_BUFFER_BYTES} bytes is not kept.
   */
  public static <T> byte[] encode(Coder<T> coder, T value) throws CoderException {
    EncodeBuffer buffer = ENCODE_BUFFER.get();
    boolean own = !buffer.inUse;
    UnsynchronizedByteArrayOutputStream out = own ? buffer.stream : output();
    buffer.inUse |= own;
    try {
      coder.encode(value, out);
      return out.toByteArray();
    } catch (CoderException e) {
      throw e;
    } catch (IOException e) {
      throw new CoderException("a byte array stream failed", e);
    } finally {
      if (own) {
        buffer.release();
      }
    }
  }

  private static final int KEPT_BUFFER_BYTES = 1 << 20;

  private static final ThreadLocal<EncodeBuffer> ENCODE_BUFFER = ThreadLocal.withInitial(EncodeBuffer::new);

  /** A thread's buffer for {@link #encode}. */
  private static final class EncodeBuffer {
    private UnsynchronizedByteArrayOutputStream stream = output();
    private boolean inUse;

    void release() {
      if (stream.size() > KEPT_BUFFER_BYTES) {
        stream = output();
      } else {
        stream.reset();
      }
      inUse = false;
    }
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
