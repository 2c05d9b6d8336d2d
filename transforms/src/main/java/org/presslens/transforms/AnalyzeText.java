package org.presslens.transforms;

import java.io.IOException;
import java.nio.channels.Channels;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.cache.AnalysisRecord;
import org.presslens.transforms.cache.CacheFolder;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.text.TextOptions;

/**
 * {@link AnalyzeDocuments} with an optional cache: outputs {@link AnalyzeDocuments#ANALYZED} and
 * {@link AnalyzeDocuments#REJECTED}. {@link #withoutEntities()} skips the entity layer (the slowest
 * stage); the mention lists are then empty.
 *
 * <p>With a cache folder, analyses are kept as Avro files ({@link AnalysisRecord}, in a sub-folder
 * per settings, {@link CacheFolder}) keyed by the SHA-256 of the text: a document whose text was
 * analysed before with the same settings is taken from the cache, the others are analysed and
 * added to it as a new file {@code run-<time>-*.avro} (none when nothing was new). Analyses depend on the text and the
 * settings only, so the outputs are the same as without the cache.
 */
public final class AnalyzeText extends PTransform<PCollection<SourceDocument>, PCollectionTuple> {

  private static final TupleTag<SourceDocument> DOCS = new TupleTag<>() {};
  private static final TupleTag<GenericRecord> CACHED = new TupleTag<>() {};
  private static final TupleTag<SourceDocument> MISSES = new TupleTag<>() {};
  private static final TupleTag<AnalyzedDocument> HITS = new TupleTag<>() {};

  private final TextOptions text;
  private final Gazetteer gazetteer;
  private final boolean entities;
  private final String cacheDir;

  private AnalyzeText(TextOptions text, Gazetteer gazetteer, boolean entities, String cacheDir) {
    this.text = text;
    this.gazetteer = gazetteer;
    this.entities = entities;
    this.cacheDir = cacheDir;
  }

  public static AnalyzeText with(TextOptions text, Gazetteer gazetteer) {
    return new AnalyzeText(text, gazetteer, true, "");
  }

  /** Keeps analyses in {@code cacheDir} (any Beam filesystem); empty: no cache. */
  public AnalyzeText cachedIn(String cacheDir) {
    return new AnalyzeText(text, gazetteer, entities, cacheDir);
  }

  /** Does not recognise entities: the mention lists are empty (and so are the cached ones). */
  public AnalyzeText withoutEntities() {
    return new AnalyzeText(text, gazetteer, false, cacheDir);
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceDocument> docs) {
    if (cacheDir.isEmpty()) {
      return analyze(docs);
    }
    String folder = CacheFolder.of(cacheDir, text, gazetteer, entities);
    AvroCoder<GenericRecord> recordCoder = AvroCoder.of(AnalysisRecord.SCHEMA);
    PCollection<KV<String, SourceDocument>> byText = docs
        .apply("KeyByText", WithKeys.of(AnalysisRecord::textKey).withKeyType(TypeDescriptors.strings()));
    PCollection<KV<String, GenericRecord>> cached = docs.getPipeline()
        .apply("ReadCache", AvroIO.readGenericRecords(AnalysisRecord.SCHEMA)
            .from(folder + "/*.avro").withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("KeyCached", WithKeys.of(AnalysisRecord::recordKey).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), recordCoder));

    PCollectionTuple looked = KeyedPCollectionTuple.of(DOCS, byText).and(CACHED, cached)
        .apply("JoinCache", CoGroupByKey.create())
        .apply("FromCache", ParDo.of(new FromCacheFn()).withOutputTags(MISSES, TupleTagList.of(HITS)));
    PCollectionTuple fresh = analyze(looked.get(MISSES).setCoder(docs.getCoder()));
    fresh.get(AnalyzeDocuments.ANALYZED)
        .apply("ToRecords", MapElements.into(TypeDescriptor.of(GenericRecord.class)).via(AnalysisRecord::of))
        .setCoder(recordCoder)
        .apply("WriteCache", AvroIO.writeGenericRecords(AnalysisRecord.SCHEMA)
            .to(folder + "/run-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").format(Instant.now().atOffset(ZoneOffset.UTC)))
            .withSuffix(".avro").<Void>withOutputFilenames())
        .getPerDestinationOutputFilenames()
        .apply("DropEmptyCacheFiles", ParDo.of(new DropEmptyFileFn()));

    PCollection<AnalyzedDocument> all = PCollectionList.of(looked.get(HITS).setCoder(fresh.get(AnalyzeDocuments.ANALYZED).getCoder()))
        .and(fresh.get(AnalyzeDocuments.ANALYZED))
        .apply("AllAnalyzed", Flatten.pCollections());
    return PCollectionTuple.of(AnalyzeDocuments.ANALYZED, all)
        .and(AnalyzeDocuments.REJECTED, fresh.get(AnalyzeDocuments.REJECTED));
  }

  private PCollectionTuple analyze(PCollection<SourceDocument> docs) {
    return docs.apply("Analyze", entities ? AnalyzeDocuments.with(text, gazetteer) : AnalyzeDocuments.withoutEntities(text));
  }

  /** Documents whose text is in the cache get its analysis; the others go on to be analysed. */
  static final class FromCacheFn extends DoFn<KV<String, CoGbkResult>, SourceDocument> {
    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, MultiOutputReceiver out) {
      Iterator<GenericRecord> records = joined.getValue().getAll(CACHED).iterator();
      // Identical texts analysed in one run are cached more than once; any copy serves.
      GenericRecord record = records.hasNext() ? records.next() : null;
      for (SourceDocument doc : joined.getValue().getAll(DOCS)) {
        if (record == null) {
          out.get(MISSES).output(doc);
        } else {
          out.get(HITS).output(AnalysisRecord.analyzed(record, doc));
        }
      }
    }
  }

  /**
   * Deletes a cache file this run wrote without records: AvroIO writes a file (header only) even
   * when nothing was analysed, and a scheduled rerun with no new documents would add one each time.
   */
  static final class DropEmptyFileFn extends DoFn<KV<Void, String>, Void> {
    @ProcessElement
    public void process(@Element KV<Void, String> written) throws IOException {
      ResourceId file = FileSystems.matchNewResource(written.getValue(), false);
      boolean empty;
      try (DataFileStream<GenericRecord> records = new DataFileStream<>(
          Channels.newInputStream(FileSystems.open(file)), new GenericDatumReader<>())) {
        empty = !records.hasNext();
      }
      if (empty) {
        FileSystems.delete(List.of(file));
      }
    }
  }
}
