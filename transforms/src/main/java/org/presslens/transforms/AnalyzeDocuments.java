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
import org.presslens.transforms.model.TextHash;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.Mention;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.ner.EntityRecognizer;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.ner.MentionPlaces;
import org.presslens.transforms.ner.NameFinderModels;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.EntityTerms;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.text.TermCounter;
import org.presslens.transforms.text.TextOptions;
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
    return docs.apply("Analyze", ParDo.of(new AnalyzeFn(this))
        .withOutputTags(ANALYZED, TupleTagList.of(REJECTED)));
  }

  /** A new analyzer with these settings: for DoFns that do more with each analysis ({@link org.presslens.transforms.state.UpdateSegments}). */
  public Analyzer newAnalyzer() {
    return new Analyzer(options, gazetteer);
  }

  /**
   * The analysis of one document at a time. Not thread-safe (it owns OpenNLP's {@code *ME}
   * objects): create one per DoFn instance and bundle, and let go of it at the end of the bundle;
   * the models themselves are loaded once per JVM and shared while in use ({@link ReleasableModel}).
   */
  public static final class Analyzer {
    private final DocumentTokenizer tokenizer;
    private final TermCounter counter;
    private final EntityRecognizer recognizer;
    private final boolean entityTerms;
    private final Counter analysed = Progress.analysed();
    private final Counter wordCount = Progress.words();

    Analyzer(TextOptions options, Gazetteer gazetteer) {
      tokenizer = new DocumentTokenizer(OpenNlpModels.shared(), options.lemmatize());
      counter = options.termCounter();
      entityTerms = options.entityTerms() && gazetteer != null;
      recognizer = gazetteer == null ? null : new EntityRecognizer(NameFinderModels.shared(), gazetteer,
          new DocumentTokenizer(OpenNlpModels.shared(), false), EntityRecognizer.Layers.BOTH);
    }

    /** The document's analysis, or null when it has no word with a letter ({@link #noWords}). */
    public AnalyzedDocument analyze(SourceDocument doc) {
      TokenizedDocument tokens = Stage.TOKENIZE.time(() -> tokenizer.tokenize(doc.text()));
      if (!tokens.hasLetterWord()) {
        return null;
      }
      // counted once it is one of the documents the reports count, not when rejected
      analysed.inc();
      long words = tokens.wordCount();
      wordCount.inc(words);
      ArrayList<Mention> mentions = new ArrayList<>();
      HashMap<Integer, String> quoted = new HashMap<>();
      if (recognizer != null) {
        Stage.ENTITIES.time(() -> {
          MentionPlaces places = new MentionPlaces(tokens, doc.cuts());
          for (Mention m : recognizer.find(tokens.surfaces())) {
            mentions.add(places.place(m));
            quoted.computeIfAbsent(m.sentence(), s -> tokens.written(s, 0, tokens.surfaces().get(s).length));
          }
          return null;
        });
      }
      HashMap<String, Integer> counts = Stage.TOKENIZE.time(() -> counter.count(
          entityTerms ? EntityTerms.compound(tokens.terms(), mentions) : tokens.terms()));
      return new AnalyzedDocument(doc.docId(), doc.outlet(), doc.published(), doc.title(), doc.sourcePath(),
          doc.charset(), TextHash.sha256(doc.text()), TextHash.key(doc.text()),
          doc.text().codePointCount(0, doc.text().length()), tokens.sentenceCount(), words, tokens.typeCount(), counts,
          mentions, quoted);
    }

    /** Why a document without a word was not analysed. */
    public static RejectedInput noWords(SourceDocument doc) {
      return RejectedInput.of(doc, RejectedInput.Reason.NO_WORDS,
          "no word with a letter (only numbers, punctuation or symbols) in " + doc.text().length() + " characters");
    }
  }

  static final class AnalyzeFn extends DoFn<SourceDocument, AnalyzedDocument> {
    private final AnalyzeDocuments analysis;
    private transient Analyzer analyzer;

    AnalyzeFn(AnalyzeDocuments analysis) {
      this.analysis = analysis;
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, MultiOutputReceiver out) {
      if (analyzer == null) {
        analyzer = analysis.newAnalyzer();
      }
      AnalyzedDocument analyzed = analyzer.analyze(doc);
      if (analyzed == null) {
        out.get(REJECTED).output(Analyzer.noWords(doc));
      } else {
        out.get(ANALYZED).output(analyzed);
      }
    }

    /** The analyzer holds the models for a bundle only ({@link ReleasableModel}). */
    @FinishBundle
    public void finishBundle() {
      analyzer = null;
    }
  }
}
