package org.presslens.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.DocumentSentences;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.text.TermCounter;
import org.presslens.transforms.text.TextOptions;
import org.presslens.transforms.text.TokenizedDocument;

/**
 * Sentence detection, tokenization and term counting with OpenNLP: one {@link AnalyzedDocument}
 * per input document (to {@link #ANALYZED}) and its sentences (to {@link #SENTENCES}, for reports
 * that need token positions); documents without a single word go to {@link #REJECTED}.
 */
public final class AnalyzeDocuments extends PTransform<PCollection<SourceDocument>, PCollectionTuple> {

  public static final TupleTag<AnalyzedDocument> ANALYZED = new TupleTag<>() {};
  public static final TupleTag<DocumentSentences> SENTENCES = new TupleTag<>() {};
  public static final TupleTag<RejectedInput> REJECTED = new TupleTag<>() {};

  private final TextOptions options;

  private AnalyzeDocuments(TextOptions options) {
    this.options = options;
  }

  public static AnalyzeDocuments with(TextOptions options) {
    return new AnalyzeDocuments(options);
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceDocument> docs) {
    return docs.apply("Tokenize", ParDo.of(new AnalyzeFn(options))
        .withOutputTags(ANALYZED, TupleTagList.of(SENTENCES).and(REJECTED)));
  }

  static final class AnalyzeFn extends DoFn<SourceDocument, AnalyzedDocument> {
    private final TextOptions options;
    private transient DocumentTokenizer tokenizer;
    private transient TermCounter counter;
    private final org.apache.beam.sdk.metrics.Counter analysed = Progress.analysed();
    private final org.apache.beam.sdk.metrics.Counter wordCount = Progress.words();

    AnalyzeFn(TextOptions options) {
      this.options = options;
    }

    @Setup
    public void setup() {
      // Models are loaded once per JVM and shared; the *ME objects are per DoFn instance.
      tokenizer = new DocumentTokenizer(OpenNlpModels.shared(), options.lemmatize());
      counter = options.termCounter();
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
      out.get(ANALYZED).output(new AnalyzedDocument(
          doc.docId(), doc.outlet(), doc.published(), doc.title(), doc.sourcePath(), doc.charset(),
          DigestUtils.sha256Hex(doc.text()),
          doc.text().codePointCount(0, doc.text().length()),
          tokens.sentenceCount(),
          words,
          tokens.typeCount(),
          counts));
      out.get(SENTENCES).output(new DocumentSentences(
          doc.docId(), doc.outlet(), new ArrayList<>(tokens.surfaces()), new ArrayList<>(tokens.terms())));
    }
  }
}
