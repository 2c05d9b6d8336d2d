package org.presslens.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.state.Postings;
import org.presslens.transforms.state.Segment;
import org.presslens.transforms.model.Mention;

/** Analysed documents for transform tests: only the fields the reports read are set. */
public final class TestDocuments {

  private TestDocuments() {}

  /** One segment per outlet of the documents, as a run without a cache builds them (no copies). */
  public static PTransform<PCollection<AnalyzedDocument>, PCollection<Segment>> asSegments() {
    return new PTransform<>() {
      @Override
      public PCollection<Segment> expand(PCollection<AnalyzedDocument> docs) {
        return docs
            .apply("ByOutlet", WithKeys.of(AnalyzedDocument::outlet).withKeyType(TypeDescriptors.strings()))
            .apply("Group", GroupByKey.create())
            .apply("Segment", MapElements.into(TypeDescriptor.of(Segment.class)).via(group -> {
              List<AnalyzedDocument> all = new ArrayList<>();
              group.getValue().forEach(all::add);
              return Segment.of("test-" + group.getKey(), all, id -> false);
            }));
      }
    };
  }

  public static AnalyzedDocument analyzed(String id, String outlet, long tokens, Map<String, Integer> counts) {
    return new AnalyzedDocument(id, outlet, "", "", id + ".txt", "UTF-8", "", "", 0, 1, tokens, counts.size(),
        new HashMap<>(counts), new ArrayList<>(), new HashMap<>());
  }

  /** A document published on {@code published} (an ISO date of any precision, or "" for none). */
  public static AnalyzedDocument dated(String id, String outlet, String published, long tokens, Map<String, Integer> counts) {
    return new AnalyzedDocument(id, outlet, published, "", id + ".txt", "UTF-8", "", "", 0, 1, tokens, counts.size(),
        new HashMap<>(counts), new ArrayList<>(), new HashMap<>());
  }

  /** A document with entity mentions in {@code sentences} sentences, the quoted sentence texts given. */
  public static AnalyzedDocument withEntities(String id, String outlet, int sentences, List<Mention> mentions,
      Map<Integer, String> quoted) {
    return new AnalyzedDocument(id, outlet, "", "", id + ".txt", "UTF-8", "", "", 0, sentences, 10, 1, new HashMap<>(),
        new ArrayList<>(mentions), new HashMap<>(quoted));
  }

  /** Text lines as a file's contents. */
  /** The doc_ids of postings' first documents, in order. */
  public static List<String> ids(List<Postings.Occurrences> docs) {
    return docs.stream().map(Postings.Occurrences::docId).toList();
  }

  public static java.io.InputStream lines(String... lines) {
    return new java.io.ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
