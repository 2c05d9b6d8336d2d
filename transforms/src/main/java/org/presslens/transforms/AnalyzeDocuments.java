package org.presslens.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.commons.codec.digest.DigestUtils;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.ner.EntityRecognizer;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.ner.NameFinderModels;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.text.TermCounter;
import org.presslens.transforms.text.TextOptions;
import org.presslens.transforms.text.TokenJoiner;
import org.presslens.transforms.text.TokenizedDocument;

/**
 * Everything PressLens derives from a document's text, in one step per document: sentences and
 * tokens (OpenNLP), term counts, and, unless left out, named entities found in the same tokens.
 * One {@link AnalyzedDocument} per document goes to {@link #ANALYZED}; the tokens themselves stay
 * inside the step. Documents without a single word go to {@link #REJECTED}.
 */
public final class AnalyzeDocuments extends PTransform<PCollection<SourceDocument>, PCollectionTuple> {

  public static final TupleTag<AnalyzedDocument> ANALYZED = new TupleTag<>() {};
  public static final TupleTag<RejectedInput> REJECTED = new TupleTag<>() {};

  private final TextOptions options;
  private final Gazetteer gazetteer;

  private AnalyzeDocuments(TextOptions options, Gazetteer gazetteer) {
    this.options = options;
    this.gazetteer = gazetteer;
  }

  /** Terms and entities. */
  public static AnalyzeDocuments with(TextOptions options, Gazetteer gazetteer) {
    return new AnalyzeDocuments(options, gazetteer);
  }

  /** Terms only: the mention lists stay empty (entity recognition is the slowest part). */
  public static AnalyzeDocuments withoutEntities(TextOptions options) {
    return new AnalyzeDocuments(options, null);
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceDocument> docs) {
    return docs.apply("Analyze", ParDo.of(new AnalyzeFn(options, gazetteer))
        .withOutputTags(ANALYZED, TupleTagList.of(REJECTED)));
  }

  static final class AnalyzeFn extends DoFn<SourceDocument, AnalyzedDocument> {
    private final TextOptions options;
    private final Gazetteer gazetteer;
    private transient DocumentTokenizer tokenizer;
    private transient TermCounter counter;
    private transient EntityRecognizer recognizer;
    private final Counter analysed = Progress.analysed();
    private final Counter wordCount = Progress.words();

    AnalyzeFn(TextOptions options, Gazetteer gazetteer) {
      this.options = options;
      this.gazetteer = gazetteer;
    }

    @Setup
    public void setup() {
      // Models are loaded once per JVM and shared; the *ME objects are per DoFn instance.
      tokenizer = new DocumentTokenizer(OpenNlpModels.shared(), options.lemmatize());
      counter = options.termCounter();
      if (gazetteer != null) {
        DocumentTokenizer phrases = new DocumentTokenizer(OpenNlpModels.shared(), false);
        recognizer = new EntityRecognizer(NameFinderModels.shared(), gazetteer, phrases, EntityRecognizer.Layers.BOTH);
      }
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, MultiOutputReceiver out) {
      analysed.inc();
      TokenizedDocument tokens = Stage.TOKENIZE.time(() -> tokenizer.tokenize(doc.text()));
      long words = tokens.wordCount();
      if (!tokens.hasLetterWord()) {
        out.get(REJECTED).output(RejectedInput.of(doc, RejectedInput.Reason.NO_WORDS,
            "no word with a letter (only numbers, punctuation or symbols) in " + doc.text().length() + " characters"));
        return;
      }
      wordCount.inc(words);
      HashMap<String, Integer> counts = Stage.TOKENIZE.time(() -> new HashMap<>(counter.count(tokens.terms())));
      ArrayList<Mention> mentions = new ArrayList<>();
      HashMap<Integer, String> quoted = new HashMap<>();
      if (recognizer != null) {
        Stage.ENTITIES.time(() -> {
          mentions.addAll(recognizer.find(tokens.surfaces()));
          for (Mention m : mentions) {
            quoted.computeIfAbsent(m.sentence(), s -> TokenJoiner.join(tokens.surfaces().get(s)));
          }
          return null;
        });
      }
      out.get(ANALYZED).output(new AnalyzedDocument(
          doc.docId(), doc.outlet(), doc.published(), doc.title(), doc.sourcePath(), doc.charset(),
          DigestUtils.sha256Hex(doc.text()),
          doc.text().codePointCount(0, doc.text().length()),
          tokens.sentenceCount(),
          words,
          tokens.typeCount(),
          counts,
          mentions,
          quoted));
    }
  }
}
