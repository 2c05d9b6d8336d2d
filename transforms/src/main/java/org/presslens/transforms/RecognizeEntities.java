package org.presslens.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.presslens.transforms.model.DocumentEntities;
import org.presslens.transforms.model.DocumentSentences;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.ner.EntityRecognizer;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.ner.NameFinderModels;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.text.TokenJoiner;

/**
 * Named-entity recognition on the tokenized sentences of each document (no second tokenization):
 * one {@link DocumentEntities} per document. Models are shared per JVM; the recogniser, which owns
 * the non-thread-safe NameFinderME objects, is built per DoFn instance in {@code @Setup}.
 */
public final class RecognizeEntities extends PTransform<PCollection<DocumentSentences>, PCollection<DocumentEntities>> {

  private final Gazetteer gazetteer;

  private RecognizeEntities(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  public static RecognizeEntities with(Gazetteer gazetteer) {
    return new RecognizeEntities(gazetteer);
  }

  @Override
  public PCollection<DocumentEntities> expand(PCollection<DocumentSentences> docs) {
    return docs.apply("FindEntities", ParDo.of(new RecognizeFn(gazetteer)));
  }

  static final class RecognizeFn extends DoFn<DocumentSentences, DocumentEntities> {
    private final Gazetteer gazetteer;
    private transient EntityRecognizer recognizer;

    RecognizeFn(Gazetteer gazetteer) {
      this.gazetteer = gazetteer;
    }

    @Setup
    public void setup() {
      DocumentTokenizer phrases = new DocumentTokenizer(OpenNlpModels.shared(), false);
      recognizer = new EntityRecognizer(NameFinderModels.shared(), gazetteer, phrases, EntityRecognizer.Layers.BOTH);
    }

    @ProcessElement
    public void process(@Element DocumentSentences doc, OutputReceiver<DocumentEntities> out) {
      ArrayList<Mention> mentions = Stage.ENTITIES.time(() -> new ArrayList<>(recognizer.find(doc.surfaces())));
      HashMap<Integer, String> quoted = new HashMap<>();
      for (Mention m : mentions) {
        quoted.computeIfAbsent(m.sentence(), s -> TokenJoiner.join(doc.surfaces().get(s)));
      }
      out.output(new DocumentEntities(doc.docId(), doc.outlet(), mentions, doc.surfaces().size(), quoted));
    }
  }
}
