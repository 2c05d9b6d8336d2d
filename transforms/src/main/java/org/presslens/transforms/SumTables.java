package org.presslens.transforms;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.model.EncodedTables;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.model.TableCoders;
import org.presslens.transforms.state.Segment;

/**
 * Merges the segments' tables ({@link Segment}: the documents are summed into them, each once;
 * they come encoded, perhaps in files, and are decoded here, one at a time) into the tables of
 * each outlet (terms, entities, co-occurrence: {@link OutletTables}; a combiner applied after
 * grouping, see {@link CombineGrouped}), and all the segments' tables into the corpus tables. The
 * corpus tables are absent when there are no documents. The output holds {@link #SEGMENTS} (the
 * input), {@link #CORPUS} and {@link #BY_OUTLET}.
 */
public final class SumTables extends PTransform<PCollection<Segment>, PCollectionTuple> {

  public static final TupleTag<Segment> SEGMENTS = new TupleTag<>() {};
  public static final TupleTag<OutletTables> CORPUS = new TupleTag<>() {};
  public static final TupleTag<KV<String, OutletTables>> BY_OUTLET = new TupleTag<>() {};

  public static SumTables create() {
    return new SumTables();
  }

  @Override
  public PCollectionTuple expand(PCollection<Segment> segments) {
    PCollection<KV<String, EncodedTables>> tables = segments
        .apply("KeyByOutlet", FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(EncodedTables.class)))
            .via((Segment s) -> s.tables().entrySet().stream().map(e -> KV.of(e.getKey(), e.getValue())).toList()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), EncodedTables.EncodedTablesCoder.of()));
    PCollection<KV<String, OutletTables>> byOutlet = tables
        .apply("SumOutlets", CombineGrouped.perKeyEncoded(OutletTables.mergeFn(), TableCoders.OutletTablesCoder.INSTANCE,
            new Decode()));
    // The corpus sums the segments' tables as they come, encoded, rather than the outlets' sums,
    // which would have to be encoded again to be grouped.
    PCollection<OutletTables> corpus = tables
        .apply("KeyCorpus", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.voids(), TypeDescriptor.of(EncodedTables.class)))
            .via((KV<String, EncodedTables> kv) -> KV.of((Void) null, kv.getValue())))
        .setCoder(KvCoder.of(VoidCoder.of(), EncodedTables.EncodedTablesCoder.of()))
        .apply("SumCorpus", CombineGrouped.perKeyEncoded(OutletTables.mergeFn(), TableCoders.OutletTablesCoder.INSTANCE,
            new Decode()))
        .apply("CorpusTables", Values.create());
    return PCollectionTuple.of(SEGMENTS, segments).and(CORPUS, corpus).and(BY_OUTLET, byOutlet);
  }

  /** A segment's tables decoded where they are merged, read from their file when they were spilled. */
  private static final class Decode implements CombineGrouped.Decoding<EncodedTables, OutletTables> {
    @Override
    public OutletTables decode(EncodedTables tables) {
      return tables.decode();
    }

    @Override
    public long size(EncodedTables tables) {
      return tables.length();
    }
  }
}
