package org.presslens.transforms;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.presslens.transforms.io.CorpusTags;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.RejectedInput.Reason;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.text.InputLimits;
import org.presslens.transforms.text.LanguageGuesser;
import org.presslens.transforms.text.PublishedDates;

/**
 * Checks each document before analysis: size, runs of text without white space, publication date
 * (normalised to ISO 8601) and language. Passing documents go to {@link CorpusTags#DOCUMENTS},
 * the others to {@link CorpusTags#REJECTED} with the reason and a detail that says what to fix.
 */
public final class CheckDocuments extends PTransform<PCollection<SourceDocument>, PCollectionTuple> {

  private final InputLimits limits;

  private CheckDocuments(InputLimits limits) {
    this.limits = limits;
  }

  public static CheckDocuments with(InputLimits limits) {
    return new CheckDocuments(limits);
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceDocument> docs) {
    return docs.apply("Check", ParDo.of(new CheckFn(limits))
        .withOutputTags(CorpusTags.DOCUMENTS, TupleTagList.of(CorpusTags.REJECTED)));
  }

  static final class CheckFn extends DoFn<SourceDocument, SourceDocument> {
    private final InputLimits limits;
    private transient Pattern longRun;
    private transient LanguageGuesser guesser;
    private final org.apache.beam.sdk.metrics.Counter read = Progress.read();

    CheckFn(InputLimits limits) {
      this.limits = limits;
    }

    @Setup
    public void setup() {
      longRun = Pattern.compile("\\S{" + (limits.maxWordChars() + 1) + ",}");
      if (limits.englishOnly()) {
        guesser = new LanguageGuesser();
      }
    }

    @ProcessElement
    public void process(@Element SourceDocument doc, MultiOutputReceiver out) {
      read.inc();
      Optional<String> published = PublishedDates.normalise(doc.published());
      RejectedInput problem = Stage.INGEST.time(() -> problem(doc, published));
      if (problem != null) {
        out.get(CorpusTags.REJECTED).output(problem);
        return;
      }
      out.get(CorpusTags.DOCUMENTS).output(published.get().equals(doc.published()) ? doc : new SourceDocument(
          doc.docId(), doc.outlet(), published.get(), doc.title(), doc.sourcePath(), doc.charset(), doc.text()));
    }

    /** The first check the document fails, or null. */
    private RejectedInput problem(SourceDocument doc, Optional<String> published) {
      String text = doc.text();
      if (text.length() > limits.maxChars()) {
        return RejectedInput.of(doc, Reason.TOO_LARGE, String.format(
            "text has %,d characters; the limit is %,d (--maxDocumentMB)", text.length(), limits.maxChars()));
      }
      Matcher run = longRun.matcher(text);
      if (run.find()) {
        return RejectedInput.of(doc, Reason.NO_SPACES, String.format(
            "%,d characters without white space at character %,d (encoded data or lost spaces?); the limit is %,d (--maxWordChars)",
            run.end() - run.start(), run.start(), limits.maxWordChars()));
      }
      if (published.isEmpty()) {
        return RejectedInput.of(doc, Reason.BAD_DATE, "date '" + doc.published()
            + "' is not a date PressLens reads (e.g. 2024-05-03, 2024-05, 2024, 3 May 2024, RFC 1123)");
      }
      Optional<LanguageGuesser.Guess> guess = guesser == null ? Optional.empty() : guesser.guess(text);
      if (guess.isPresent() && !guess.get().language().equals("eng")
          && guess.get().confidence() >= InputLimits.MIN_OTHER_LANGUAGE_CONFIDENCE) {
        return RejectedInput.of(doc, Reason.NOT_ENGLISH, String.format(
            "language detected: %s (confidence %.2f); PressLens analyses English (--englishOnly=false keeps it)",
            guess.get().language(), guess.get().confidence()));
      }
      return null;
    }
  }
}
