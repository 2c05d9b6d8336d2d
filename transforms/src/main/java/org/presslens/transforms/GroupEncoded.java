package org.presslens.transforms;

import java.util.Iterator;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.presslens.transforms.model.ByteIo;

/**
 * A {@link GroupByKey} whose values cross it as the bytes of their coder and are decoded again as
 * a group is read. The direct runner keeps a key's grouped values in state that it copies,
 * through the values' coder, whenever another bundle adds to the key; as bytes, a copy is an array
 * copy. For groups of many small values (a document's facts, a report's rows); {@link
 * CombineGrouped} groups its inputs the same way.
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
        .apply("Encode", ParDo.of(new EncodeFn<K, V>(valueCoder)))
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

  /** A value as its coder's bytes, under its key. */
  static final class EncodeFn<K, V> extends DoFn<KV<K, V>, KV<K, byte[]>> {
    private final Coder<V> coder;

    EncodeFn(Coder<V> coder) {
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element KV<K, V> kv, OutputReceiver<KV<K, byte[]>> out) throws CoderException {
      out.output(KV.of(kv.getKey(), ByteIo.encode(coder, kv.getValue())));
    }
  }

  /** A group's values, each decoded as it is reached. */
  private record Decoded<V>(Iterable<byte[]> encoded, Coder<V> coder) implements Iterable<V> {
    @Override
    public Iterator<V> iterator() {
      Iterator<byte[]> bytes = encoded.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return bytes.hasNext();
        }

        @Override
        public V next() {
          try {
            return ByteIo.decode(coder, bytes.next());
          } catch (CoderException e) {
            throw new IllegalStateException("a value that its own coder wrote cannot be read back", e);
          }
        }
      };
    }
  }
}
