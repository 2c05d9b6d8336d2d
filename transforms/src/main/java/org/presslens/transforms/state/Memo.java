package org.presslens.transforms.state;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.presslens.transforms.GroupEncoded;
import org.presslens.transforms.model.TextHash;

/**
 * Results of a pure function of a text (a document's language guess, its candidate boilerplate
 * lines, its duplicate fingerprint),
 * remembered by the text's key ({@link org.presslens.transforms.model.TextHash#key}) from one run
 * to the next in the state ({@link SegmentStore}), so that a rerun computes them only for texts it
 * has not seen. A run reads the memo file the last run left and writes a new one holding the
 * results of every text it saw; the new one becomes live with the run's segments. Without a store
 * nothing is remembered.
 */
public final class Memo implements Serializable {

  public static final String LANGUAGE = "language";
  public static final String FINGERPRINT = "fingerprint";
  /** A text's candidate boilerplate lines ({@link org.presslens.transforms.boilerplate.BoilerplateLines#candidateHashes}). */
  public static final String LINES = "lines";
  /** A text's words before tokenizing: how many, and the length of the longest ({@link org.presslens.transforms.text.Words#measure}). */
  public static final String WORDS = "words";

  /** Memo files already read in this JVM, by store folder and id: every worker thread shares one copy. */
  private static final Map<String, Map<String, byte[]>> LOADED = new ConcurrentHashMap<>();

  private final SegmentStore store;
  private final String previous;
  private final String next;
  /** {@link #known}, once a worker's copy of this memo has read it. */
  private transient Map<String, byte[]> known;

  private Memo(SegmentStore store, String previous, String next) {
    this.store = store;
    this.previous = previous;
    this.next = next;
  }

  /** Nothing is remembered. */
  public static Memo none() {
    return new Memo(null, "", "");
  }

  /**
   * @param live the ids the last run left ({@link SegmentStore#live})
   */
  public static Memo of(SegmentStore store, String kind, List<String> live, String runId) {
    return new Memo(store, SegmentStore.liveMemo(kind, live), SegmentStore.memoId(kind, runId));
  }

  public boolean enabled() {
    return store != null;
  }

  /** The last run's results by text hash; empty when there are none or they cannot be read. */
  public Map<String, byte[]> known() {
    if (store == null || previous.isEmpty()) {
      return Map.of();
    }
    return LOADED.computeIfAbsent(store.folder() + previous, key -> store.readMemo(previous));
  }

  /**
   * A text's result: the last run's ({@code decode}d) when it saw the text, otherwise {@code
   * compute}d; either way handed to {@code remember} under the text's key ({@link TextHash#key}),
   * as the bytes the memo holds, for the next run. Without a store, only computed.
   */
  public <R> R recall(String text, Function<byte[], R> decode, Supplier<R> compute, Function<R, byte[]> encode,
      Consumer<KV<String, byte[]>> remember) {
    if (!enabled()) {
      return compute.get();
    }
    if (known == null) {
      known = known();
    }
    String key = TextHash.key(text);
    byte[] remembered = known.get(key);
    R result = remembered != null ? decode.apply(remembered) : compute.get();
    remember.accept(KV.of(key, remembered != null ? remembered : encode.apply(result)));
    return result;
  }

  /** The coder of (text hash, result) pairs, which {@link #write} takes. */
  public static KvCoder<String, byte[]> resultCoder() {
    return KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of());
  }

  /**
   * Writes this run's results (text hash, result; coded with {@link #resultCoder}) as the new memo
   * file; only for an {@link #enabled} memo.
   */
  public PTransform<PCollection<KV<String, byte[]>>, PDone> write() {
    if (!enabled()) {
      throw new IllegalStateException("a memo without a store writes nothing");
    }
    Memo memo = this;
    return new PTransform<>() {
      @Override
      public PDone expand(PCollection<KV<String, byte[]>> results) {
        results.apply("KeyAll", WithKeys.of((Void) null))
            .setCoder(KvCoder.of(VoidCoder.of(), KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of())))
            .apply("Gather", GroupEncoded.perKey())
            .apply("WriteMemo", ParDo.of(new WriteFn(memo)));
        return PDone.in(results.getPipeline());
      }
    };
  }

  static final class WriteFn extends DoFn<KV<Void, Iterable<KV<String, byte[]>>>, Void> {
    private final Memo memo;

    WriteFn(Memo memo) {
      this.memo = memo;
    }

    @ProcessElement
    public void process(@Element KV<Void, Iterable<KV<String, byte[]>>> all) throws IOException {
      TreeMap<String, byte[]> entries = new TreeMap<>();
      all.getValue().forEach(kv -> entries.put(kv.getKey(), kv.getValue()));
      memo.store.writeMemo(memo.next, entries);
    }
  }
}
