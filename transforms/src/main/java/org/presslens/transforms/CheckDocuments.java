package org.presslens.transforms;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.presslens.transforms.model.TextHash;
import org.presslens.transforms.io.CorpusTags;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.RejectedInput.Reason;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.state.Memo;
import org.presslens.transforms.text.InputLimits;
import org.presslens.transforms.text.LanguageGuesser;
import org.presslens.transforms.text.PublishedDates;
import org.presslens.transforms.text.Words;

/**
 * Checks each document before analysis: size, runs of text without white space, publication date
 * (normalised to ISO 8601) and language. What depends on the text alone (its words, its language)
 * comes from the memos for texts the last run saw. Passing documents go to {@link CorpusTags#DOCUMENTS},
 * the others to {@link CorpusTags#REJECTED} with the reason and a detail that says what to fix.
 */
public final class CheckDocuments extends PTransform<PCollection<SourceDocument>, PCollectionTuple> {

  /** Language guesses by the text's key ({@link TextHash#key}), for the memo. */
  private static final TupleTag<KV<String, byte[]>> GUESSES = new TupleTag<>() {};
  /** Word counts and longest words by the text's key, for the memo. */
  private static final TupleTag<KV<String, byte[]>> MEASURES = new TupleTag<>() {};

  private final InputLimits limits;
  private final Memo guesses;
  private final Memo measures;

  private CheckDocuments(InputLimits limits, Memo guesses, Memo measures) {
    this.limits = limits;
    this.guesses = guesses;
    this.measures = measures;
  }

  public static CheckDocuments with(InputLimits limits) {
    return new CheckDocuments(limits, Memo.none(), Memo.none());
  }

  /**
   * Takes the language guesses and the word measures ({@link Words#measure}) of texts the last run
   * saw from these memos, and remembers this run's there.
   */
  public CheckDocuments remembering(Memo guesses, Memo measures) {
    return new CheckDocuments(limits, guesses, measures);
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceDocument> docs) {
    PCollectionTuple checked = docs.apply("Check", ParDo.of(new CheckFn(limits, guesses, measures))
        .withOutputTags(CorpusTags.DOCUMENTS, TupleTagList.of(CorpusTags.REJECTED).and(GUESSES).and(MEASURES)));
    if (guesses.enabled()) {
      checked.get(GUESSES).setCoder(Memo.resultCoder()).apply("RememberGuesses", guesses.write());
    }
    if (measures.enabled()) {
      checked.get(MEASURES).setCoder(Memo.resultCoder()).apply("RememberMeasures", measures.write());
    }
    return PCollectionTuple.of(CorpusTags.DOCUMENTS, checked.get(CorpusTags.DOCUMENTS))
        .and(CorpusTags.REJECTED, checked.get(CorpusTags.REJECTED));
  }

  static final class CheckFn extends DoFn<SourceDocument, SourceDocument> {
    private final InputLimits limits;
    private final Memo guesses;
    private final Memo measures;
    private transient LanguageGuesser guesser;
    private final org.apache.beam.sdk.metrics.Counter read = Progress.read();

    CheckFn(InputLimits limits, Memo guesses, Memo measures) {
      this.limits = limits;
      this.guesses = guesses;
      this.measures = measures;
    }

    @Setup
    public void setup() {
      if (limits.englishOnly()) {
        guesser = new LanguageGuesser();
      }
    }

    @FinishBundle
    public void finishBundle() {
      if (guesser != null) {
        guesser.release();
      }
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, MultiOutputReceiver out) {
      read.inc();
      Optional<String> published = PublishedDates.normalise(doc.published());
      RejectedInput problem = Stage.INGEST.time(() -> problem(doc, published, out));
      if (problem != null) {
        out.get(CorpusTags.REJECTED).output(problem);
        return;
      }
      out.get(CorpusTags.DOCUMENTS).output(published.get().equals(doc.published()) ? doc : new SourceDocument(
          doc.docId(), doc.outlet(), published.get(), doc.title(), doc.author(), doc.sourcePath(), doc.charset(), doc.text(),
          doc.cuts()));
    }

    /** The first check the document fails, or null. */
    private RejectedInput problem(SourceDocument doc, Optional<String> published, MultiOutputReceiver out) {
      String text = doc.text();
      if (text.length() > limits.maxChars()) {
        return RejectedInput.of(doc, Reason.TOO_LARGE, String.format(
            "text has %,d characters; the limit is %,d (--maxDocumentMB)", text.length(), limits.maxChars()));
      }
      Words.Measure words = measures.recall(text, Words.Measure::decode, () -> Words.measure(text), Words.Measure::encode,
          out.get(MEASURES)::output);
      int[] run = words.longest() > limits.maxWordChars() ? Words.scan(text, limits.maxWordChars()).longRun() : null;
      if (run != null) {
        return RejectedInput.of(doc, Reason.NO_SPACES, String.format(
            "%,d characters without white space at character %,d (encoded data or lost spaces?); the limit is %,d (--maxWordChars)",
            run[1] - run[0], run[0], limits.maxWordChars()));
      }
      if (words.count() > InputLimits.MAX_WORDS) {
        return RejectedInput.of(doc, Reason.TOO_LARGE, String.format(
            "text has %,d words; a document is analysed up to %,d words", words.count(), InputLimits.MAX_WORDS));
      }
      if (published.isEmpty()) {
        return RejectedInput.of(doc, Reason.BAD_DATE, "date '" + doc.published()
            + "' is not a date PressLens reads (e.g. 2024-05-03, 2024-05, 2024, 3 May 2024, RFC 1123)");
      }
      Optional<LanguageGuesser.Guess> guess = guesser == null ? Optional.empty() : guess(text, out);
      if (guess.isPresent() && !guess.get().language().equals("eng")
          && guess.get().confidence() >= InputLimits.MIN_OTHER_LANGUAGE_CONFIDENCE) {
        return RejectedInput.of(doc, Reason.NOT_ENGLISH, String.format(
            "language detected: %s (confidence %.2f); PressLens analyses English (--englishOnly=false keeps it)",
            guess.get().language(), guess.get().confidence()));
      }
      return null;
    }

    /** The language guess of a text, from the memo when the last run saw the text. */
    private Optional<LanguageGuesser.Guess> guess(String text, MultiOutputReceiver out) {
      return guesses.recall(text, CheckFn::decode, () -> guesser.guess(text), CheckFn::encode, out.get(GUESSES)::output);
    }

    /** "language TAB confidence", or nothing when the text was too short to judge. */
    static byte[] encode(Optional<LanguageGuesser.Guess> guess) {
      return guess.map(g -> g.language() + "\t" + g.confidence()).orElse("").getBytes(StandardCharsets.UTF_8);
    }

    static Optional<LanguageGuesser.Guess> decode(byte[] bytes) {
      String value = new String(bytes, StandardCharsets.UTF_8);
      int tab = value.indexOf('\t');
      return tab < 0 ? Optional.empty()
          : Optional.of(new LanguageGuesser.Guess(value.substring(0, tab), Double.parseDouble(value.substring(tab + 1))));
    }
  }
}
