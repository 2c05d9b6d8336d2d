package org.presslens.transforms;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.PCollection;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.presslens.transforms.model.ByteIo;

/**
 * Writes the elements of each bundle to a file of their coder's bytes in a folder (on any Beam
 * filesystem) and outputs the file's name instead. For large inputs that must wait for a side
 * input computed much later: a runner holds such an input until the side input is ready, and the
 * direct runner holds it on the heap, so what waits grows with the corpus. A file name waits
 * instead, and the step that needs the elements reads them back with {@link #read}. The files are
 * named at random, so a retried bundle writes a file of its own; the folder belongs to the run,
 * which deletes it when the pipeline is done.
 *
 * <p>Each element is written with a key ({@link #keyedBy}; empty without one) and its length, so
 * that a step that needs only some of the elements (the concordance, a few documents of many)
 * passes over the others without decoding them ({@link #readWhere}).
 */
public final class SpillToFiles<T> extends PTransform<PCollection<T>, PCollection<String>> {

  private final String folder;
  private final SerializableFunction<T, String> key;

  private SpillToFiles(String folder, SerializableFunction<T, String> key) {
    this.folder = folder;
    this.key = key;
  }

  /** Spills into {@code folder} (created as needed). */
  public static <T> SpillToFiles<T> into(String folder) {
    return new SpillToFiles<>(folder, element -> "");
  }

  /** Writes each element with {@code key} of it, by which {@link #readWhere} chooses. */
  public SpillToFiles<T> keyedBy(SerializableFunction<T, String> key) {
    return new SpillToFiles<>(folder, key);
  }

  @Override
  public PCollection<String> expand(PCollection<T> input) {
    return input.apply("WriteFiles", ParDo.of(new SpillFn<>(folder, input.getCoder(), key))).setCoder(StringUtf8Coder.of());
  }

  /** Reads the elements of a file written by this transform, in the order they were written. */
  public static <T> void read(String file, Coder<T> coder, Consumer<T> each) throws IOException {
    readWhere(file, coder, key -> true, each);
  }

  /**
   * Reads the elements of a file written by this transform whose key {@code wanted} accepts, in
   * the order they were written; the others' bytes are skipped.
   */
  public static <T> void readWhere(String file, Coder<T> coder, Predicate<String> wanted, Consumer<T> each)
      throws IOException {
    try (InputStream in = ByteIo.buffered(
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false))))) {
      for (int marker = in.read(); marker != END; marker = in.read()) {
        if (marker != MORE) {
          throw new IOException("spill file " + file + " ends before its end marker");
        }
        String key = StringUtf8Coder.of().decode(in);
        int length = VarIntCoder.of().decode(in);
        if (wanted.test(key)) {
          each.accept(coder.decode(in));
        } else {
          in.skipNBytes(length);
        }
      }
    } catch (EOFException e) {
      throw new IOException("spill file " + file + " ends before its end marker", e);
    }
  }

  /**
   * Writes {@code bytes} to a new file of {@code folder} named {@code spill-<kind>-<random>.bin}
   * (so that {@link #delete} deletes it with the folder), for one large value that waits as a
   * file name (a segment's tables or postings); returns the file's name.
   */
  public static String writeBytes(String folder, String kind, byte[] bytes) {
    ResourceId target = FileSystems.matchNewResource(folder, true)
        .resolve("spill-" + kind + "-" + UUID.randomUUID() + ".bin", StandardResolveOptions.RESOLVE_FILE);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(target, MimeTypes.BINARY))) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    return target.toString();
  }

  /** The {@code length} bytes that {@link #writeBytes} wrote to {@code file}. */
  public static byte[] readBytes(String file, int length) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false)))) {
      byte[] read = in.readNBytes(length);
      if (read.length != length) {
        throw new IOException("the file " + file + " ends after " + read.length + " of its " + length + " bytes");
      }
      return read;
    }
  }

  /** Deletes the files spilled into {@code folder}, and the folder; nothing when there is none. */
  public static void delete(String folder) throws IOException {
    ResourceId root = FileSystems.matchNewResource(folder, true);
    MatchResult files = FileSystems.match(root.resolve("spill-*.bin", StandardResolveOptions.RESOLVE_FILE).toString(),
        EmptyMatchTreatment.ALLOW);
    List<ResourceId> spilled = new ArrayList<>();
    for (MatchResult.Metadata file : files.metadata()) {
      spilled.add(file.resourceId());
    }
    FileSystems.delete(spilled, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    FileSystems.delete(List.of(root), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** Written before each element, and at the end of the file. */
  private static final int MORE = 1;
  private static final int END = 0;

  static final class SpillFn<T> extends DoFn<T, String> {
    private final String folder;
    private final Coder<T> coder;
    private final SerializableFunction<T, String> key;
    private transient OutputStream out;
    private transient ResourceId file;
    private transient UnsynchronizedByteArrayOutputStream encoded;

    SpillFn(String folder, Coder<T> coder, SerializableFunction<T, String> key) {
      this.folder = folder;
      this.coder = coder;
      this.key = key;
    }

    @StartBundle
    public void startBundle() {
      out = null;
      file = null;
    }

    @ProcessElement
    public void process(@Element T element) throws IOException {
      if (out == null) {
        file = FileSystems.matchNewResource(folder, true)
            .resolve("spill-" + UUID.randomUUID() + ".bin", StandardResolveOptions.RESOLVE_FILE);
        out = new BufferedOutputStream(Channels.newOutputStream(FileSystems.create(file, MimeTypes.BINARY)), 1 << 16);
        encoded = ByteIo.output();
      }
      // coded into a buffer first: the file's stream takes each element's bytes at once
      encoded.reset();
      coder.encode(element, encoded);
      out.write(MORE);
      StringUtf8Coder.of().encode(key.apply(element), out);
      VarIntCoder.of().encode(encoded.size(), out);
      encoded.writeTo(out);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) throws IOException {
      if (out != null) {
        out.write(END);
        out.close();
        c.output(file.toString(), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
        out = null;
      }
    }
  }
}
