package org.presslens.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.ObjLongConsumer;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.presslens.transforms.model.ByteIo;

/**
 * A {@link GroupByKey} whose values cross it as the bytes of their coder, in batches: the values
 * of one key in one bundle are coded one after another into one array (a new one past
 * {@value EncodeFn#BATCH_BYTES} bytes), and decoded again as a group is read. The direct runner
 * keeps a key's grouped values in state that it copies, value by value through the values'
 * coder, whenever another bundle adds to the key: as bytes, a copy is an array copy, and in
 * batches it is a few array copies per bundle rather than one per value (a document's facts, a
 * report's rows: thousands per bundle). Other runners shuffle fewer, larger records of the same
 * bytes. {@link CombineGrouped} groups its inputs the same way.
 */
public final class GroupEncoded<K, V> extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>> {

  private GroupEncoded() {}

  public static <K, V> GroupEncoded<K, V> perKey() {
    return new GroupEncoded<>();
  }

  @Override
  public PCollection<KV<K, Iterable<V>>> expand(PCollection<KV<K, V>> input) {
    KvCoder<K, V> coder = (KvCoder<K, V>) input.getCoder();
    Coder<V> valueCoder = coder.getValueCoder();
    return input
        .apply("Encode", ParDo.of(new EncodeFn<K, V>(coder.getKeyCoder(), valueCoder)))
        .setCoder(KvCoder.of(coder.getKeyCoder(), ByteArrayCoder.of()))
        .apply("Group", GroupByKey.create())
        .apply("Decode", MapElements.via(new SimpleFunction<KV<K, Iterable<byte[]>>, KV<K, Iterable<V>>>() {
          @Override
          public KV<K, Iterable<V>> apply(KV<K, Iterable<byte[]>> group) {
            return KV.of(group.getKey(), new Decoded<>(group.getValue(), valueCoder));
          }
        }))
        .setCoder(KvCoder.of(coder.getKeyCoder(), IterableCoder.of(valueCoder)));
  }

  /** The values of each key of a bundle as batches of their coder's bytes, under the key. */
  static final class EncodeFn<K, V> extends DoFn<KV<K, V>, KV<K, byte[]>> {
    /** A batch is sent once it has this many bytes (so that no record grows past a runner's sort buffer). */
    static final int BATCH_BYTES = 1 << 20;

    private final Coder<K> keyCoder;
    private final Coder<V> coder;
    /** This bundle's open batches, by the key's structural value. */
    private transient Map<Object, Batch<K>> batches;

    EncodeFn(Coder<K> keyCoder, Coder<V> coder) {
      this.keyCoder = keyCoder;
      this.coder = coder;
    }

    private record Batch<K>(K key, UnsynchronizedByteArrayOutputStream bytes) {}

    @StartBundle
    public void startBundle() {
      batches = new LinkedHashMap<>();
    }

    @ProcessElement
    public void process(@Element KV<K, V> kv, OutputReceiver<KV<K, byte[]>> out) throws IOException {
      Batch<K> batch = batches.computeIfAbsent(keyCoder.structuralValue(kv.getKey()),
          k -> new Batch<>(kv.getKey(), ByteIo.output()));
      coder.encode(kv.getValue(), batch.bytes());
      if (batch.bytes().size() >= BATCH_BYTES) {
        out.output(KV.of(batch.key(), batch.bytes().toByteArray()));
        batch.bytes().reset();
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      for (Batch<K> batch : batches.values()) {
        if (batch.bytes().size() > 0) {
          c.output(KV.of(batch.key(), batch.bytes().toByteArray()), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
        }
      }
      batches = null;
    }
  }

  /** Each value of the batches, decoded as it is reached, with the number of bytes it was coded in. */
  static <V> void forEachValue(byte[] batch, Coder<V> coder, ObjLongConsumer<V> each) {
    InputStream in = ByteIo.of(batch);
    try {
      for (int left = batch.length; left > 0; ) {
        V value = coder.decode(in);
        int after = in.available();
        each.accept(value, left - after);
        left = after;
      }
    } catch (IOException e) {
      throw new IllegalStateException("a batch of values that their own coder wrote cannot be read back", e);
    }
  }

  /** A group's values, each decoded as it is reached. */
  private record Decoded<V>(Iterable<byte[]> batches, Coder<V> coder) implements Iterable<V> {
    @Override
    public Iterator<V> iterator() {
      Iterator<byte[]> next = batches.iterator();
      return new Iterator<>() {
        private InputStream batch = ByteIo.of(new byte[0]);

        @Override
        public boolean hasNext() {
          try {
            while (batch.available() == 0 && next.hasNext()) {
              batch = ByteIo.of(next.next());
            }
            return batch.available() > 0;
          } catch (IOException e) {
            throw new IllegalStateException("an array's stream failed", e);
          }
        }

        @Override
        public V next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          try {
            return coder.decode(batch);
          } catch (IOException e) {
            throw new IllegalStateException("a batch of values that their own coder wrote cannot be read back", e);
          }
        }
      };
    }
  }
}
