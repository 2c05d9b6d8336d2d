package org.presslens.transforms;

import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableBiFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.ner.NameVariants;
import org.presslens.transforms.time.PeriodTables;

/**
 * Names the spelling variants of a person's or place's name that different documents chose
 * ({@link NameVariants#acrossCorpus}) by one name in the summed tables, so that the reports count
 * one entity: the corpus and outlet tables of {@link SumTables} and, when the input holds them,
 * the period tables of {@link SumPeriods}. The variants are found in the corpus's entity table
 * and each table is renamed with the same map; other members of the input pass unchanged.
 *
 * <p>Applied at report time, after the run's totals are kept: the stored tables keep each
 * document's own names, so a rerun that adds documents decides the names again from all of them.
 */
public final class MergeNameVariants extends PTransform<PCollectionTuple, PCollectionTuple> {

  private final Gazetteer gazetteer;

  private MergeNameVariants(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** Prefers the gazetteer's names; a name with a user alias is not merged. */
  public static MergeNameVariants with(Gazetteer gazetteer) {
    return new MergeNameVariants(gazetteer);
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple tables) {
    Gazetteer names = gazetteer;
    PCollectionView<Map<String, String>> renames = tables.get(SumTables.CORPUS)
        .apply("FindVariants", FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((OutletTables corpus) -> NameVariants.renames(NameVariants.acrossCorpus(corpus.entities(), names)).entrySet().stream()
                .map(e -> KV.of(e.getKey(), e.getValue())).toList()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("VariantsView", View.asMap());
    PCollectionTuple out = PCollectionTuple.empty(tables.getPipeline());
    for (Map.Entry<TupleTag<?>, PCollection<?>> member : tables.getAll().entrySet()) {
      out = out.and(member.getKey().getId(), renamed(member.getKey(), member.getValue(), renames));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static PCollection<?> renamed(TupleTag<?> tag, PCollection<?> tables, PCollectionView<Map<String, String>> renames) {
    if (tag.equals(SumTables.CORPUS)) {
      return rename((PCollection<OutletTables>) tables, "RenameCorpus", renames, OutletTables::withEntitiesRenamed);
    }
    if (tag.equals(SumTables.BY_OUTLET)) {
      return rename((PCollection<KV<String, OutletTables>>) tables, "RenameOutlets", renames,
          (kv, map) -> KV.of(kv.getKey(), kv.getValue().withEntitiesRenamed(map)));
    }
    if (tag.equals(SumPeriods.CORPUS)) {
      return rename((PCollection<PeriodTables>) tables, "RenameCorpusPeriods", renames, PeriodTables::withEntitiesRenamed);
    }
    if (tag.equals(SumPeriods.BY_OUTLET)) {
      return rename((PCollection<KV<String, PeriodTables>>) tables, "RenameOutletPeriods", renames,
          (kv, map) -> KV.of(kv.getKey(), kv.getValue().withEntitiesRenamed(map)));
    }
    return tables;
  }

  private static <T> PCollection<T> rename(PCollection<T> tables, String name, PCollectionView<Map<String, String>> renames,
      SerializableBiFunction<T, Map<String, String>, T> renaming) {
    return tables.apply(name, ParDo.of(new RenameFn<>(renames, renaming)).withSideInputs(renames)).setCoder(tables.getCoder());
  }

  static final class RenameFn<T> extends DoFn<T, T> {
    private final PCollectionView<Map<String, String>> renames;
    private final SerializableBiFunction<T, Map<String, String>, T> renaming;

    RenameFn(PCollectionView<Map<String, String>> renames, SerializableBiFunction<T, Map<String, String>, T> renaming) {
      this.renames = renames;
      this.renaming = renaming;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      long start = Stage.cpuNow();
      T renamed = renaming.apply(context.element(), context.sideInput(renames));
      Stage.COUNTING.addSince(start);
      context.output(renamed);
    }
  }
}
