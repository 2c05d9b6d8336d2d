package org.presslens.transforms;

import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.presslens.transforms.dedup.Duplicate;

/**
 * Leaves out the elements of documents that are copies of another document, so that statistics
 * count each text once.
 *
 * @param <T> a per-document element
 */
public final class SkipDuplicates<T> extends PTransform<PCollection<T>, PCollection<T>> {

  private final PCollectionView<Map<String, Duplicate>> copies;
  private final SerializableFunction<T, String> docId;

  private SkipDuplicates(PCollectionView<Map<String, Duplicate>> copies, SerializableFunction<T, String> docId) {
    this.copies = copies;
    this.docId = docId;
  }

  /** @param copies duplicates by doc_id */
  public static <T> SkipDuplicates<T> of(PCollectionView<Map<String, Duplicate>> copies,
      SerializableFunction<T, String> docId) {
    return new SkipDuplicates<>(copies, docId);
  }

  @Override
  public PCollection<T> expand(PCollection<T> elements) {
    return elements.apply("Skip", ParDo.of(new SkipFn<>(copies, docId)).withSideInputs(copies))
        .setCoder(elements.getCoder());
  }

  static final class SkipFn<T> extends DoFn<T, T> {
    private final PCollectionView<Map<String, Duplicate>> copies;
    private final SerializableFunction<T, String> docId;

    SkipFn(PCollectionView<Map<String, Duplicate>> copies, SerializableFunction<T, String> docId) {
      this.copies = copies;
      this.docId = docId;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out, ProcessContext c) {
      if (!c.sideInput(copies).containsKey(docId.apply(element))) {
        out.output(element);
      }
    }
  }
}
