package org.presslens.transforms.reports;

import org.presslens.transforms.Stage;
import static org.presslens.transforms.reports.ReportSpec.col;
import static org.presslens.transforms.reports.ReportSpec.integer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.RemoveBoilerplate;
import org.presslens.transforms.SpillToFiles;
import org.presslens.transforms.boilerplate.BoilerplateHashes;
import org.presslens.transforms.WaitFor;
import org.presslens.transforms.state.Postings;
import org.presslens.transforms.state.Segment;
import org.presslens.transforms.model.SourceDocument;
import org.presslens.transforms.text.DocumentTokenizer;
import org.presslens.transforms.text.OpenNlpModels;
import org.presslens.transforms.text.TextOptions;
import org.presslens.transforms.reports.KwicLines.Line;

/**
 * keyword_in_context.csv: concordance lines for each outlet's most distinctive terms (taken from
 * a side input), found in the documents that count them; a combiner keeps each outlet's first
 * lines per term in report order.
 */
public final class KeywordInContextReport extends PTransform<PCollectionTuple, PCollection<ReportBlock>> {

  public static final ReportSpec SPEC = new ReportSpec(
      "keyword_in_context.csv",
      "Concordance lines for the most over-used terms of each outlet against the rest (see outlet_contrasts.csv), "
          + "to check how a term is used.",
      List.of(
          col("outlet", "the outlet"),
          col("term", "the distinctive term (as counted: lower-cased)"),
          integer("term_rank", "its rank among the outlet's over-used terms in outlet_contrasts.csv (reference 'rest')"),
          col("doc_id", "document of the line"),
          integer("sentence", "sentence number in the document, from 1"),
          col("left", "words before the term in the same sentence, as written"),
          col("keyword", "the term as written in the text"),
          col("right", "words after the term in the same sentence, as written")));

  /** The segments: their postings name the candidate documents. */
  public static final TupleTag<Segment> SEGMENTS = new TupleTag<>() {};
  /** The texts as analysed (after boilerplate removal): the candidates are tokenized again for their lines. */
  public static final TupleTag<SourceDocument> TEXTS = new TupleTag<>() {};
  /**
   * Instead of {@link #TEXTS} ({@link #readingFiles}): files of the documents as they came in,
   * before boilerplate removal ({@link org.presslens.transforms.RemoveBoilerplate#CHECKED_FILES}),
   * keyed by doc_id ({@link SpillToFiles#keyedBy}): only the candidate documents are decoded.
   */
  public static final TupleTag<String> CHECKED_FILES = new TupleTag<>() {};
  /** Per outlet, its distinctive terms in rank order ({@link OutletContrastReport#TOP_TERMS}). */
  public static final TupleTag<KV<String, List<String>>> TERMS = OutletContrastReport.TOP_TERMS;

  private final ContrastOptions options;
  private final TextOptions text;
  private final String spillFolder;
  /** Reading {@link #CHECKED_FILES}: their documents' coder and each outlet's boilerplate; null otherwise. */
  private final Coder<SourceDocument> checkedCoder;
  private final PCollectionView<Map<String, BoilerplateHashes>> boilerplate;

  private KeywordInContextReport(ContrastOptions options, TextOptions text, String spillFolder,
      Coder<SourceDocument> checkedCoder, PCollectionView<Map<String, BoilerplateHashes>> boilerplate) {
    this.options = options;
    this.text = text;
    this.spillFolder = spillFolder;
    this.checkedCoder = checkedCoder;
    this.boilerplate = boilerplate;
  }

  /**
   * @param text how the documents were tokenized, to find the terms again in their sentences
   * @param spillFolder a folder of the run's own (on any Beam filesystem) where the postings and the
   *     texts wait for the distinctive terms ({@link SpillToFiles}); the run deletes it
   */
  public static KeywordInContextReport of(ContrastOptions options, TextOptions text, String spillFolder) {
    return new KeywordInContextReport(options, text, spillFolder, null, null);
  }

  /**
   * The texts come as {@link #CHECKED_FILES}, files the run has written already, instead of
   * {@link #TEXTS}: a candidate document is cleaned of its outlet's {@code boilerplate} as the
   * analysis cleaned it ({@link RemoveBoilerplate#cleaned}), so the texts are not written to
   * files a second time.
   */
  public KeywordInContextReport readingFiles(Coder<SourceDocument> coder,
      PCollectionView<Map<String, BoilerplateHashes>> boilerplate) {
    return new KeywordInContextReport(options, text, spillFolder, coder, boilerplate);
  }

  /**
   * An outlet's first lines of a term come from the first documents (by doc_id) that count the
   * term, as many lines as each counts or more; so only those documents, as few as count
   * {@code kwicLines} occurrences together, are tokenized again, and only their sentences that
   * may hold the terms they are needed for, instead of keeping every document's tokens until the
   * terms are known. The
   * postings and the texts wait for the terms in files ({@link SpillToFiles}), not in memory.
   */
  @Override
  public PCollection<ReportBlock> expand(PCollectionTuple documents) {
    PCollection<KV<String, List<String>>> topTerms = documents.get(TERMS);
    PCollectionView<Map<String, List<String>>> terms = topTerms.apply("TermsView", View.asMap());
    PCollection<Segment> postings = documents.get(SEGMENTS)
        .apply("Postings", MapElements.into(TypeDescriptor.of(Segment.class)).via(Segment::postingsPart));
    PCollection<KV<String, List<String>>> candidateDocuments = postings
        .apply("SpillPostings", SpillToFiles.into(spillFolder))
        .apply("WaitForTerms", WaitFor.completionOf((String file) -> file, topTerms))
        .apply("TermDocuments", ParDo.of(new TermDocumentsFn(terms, postings.getCoder(), options.kwicLines()))
            .withSideInputs(terms))
        .apply("FirstDocuments", Combine.perKey(new FirstDocumentsFn(options.kwicLines())))
        .apply("Candidates", ParDo.of(new DoFn<KV<String, Map<String, List<String>>>, KV<String, List<String>>>() {
          @ProcessElement
          public void process(@Element KV<String, Map<String, List<String>>> outlet,
              OutputReceiver<KV<String, List<String>>> out) {
            outlet.getValue().forEach((docId, docTerms) -> out.output(KV.of(docId, docTerms)));
          }
        }));
    PCollectionView<Map<String, List<String>>> candidates = candidateDocuments.apply("CandidateView", View.asMap());
    PCollection<String> textFiles;
    Coder<SourceDocument> coder;
    List<PCollectionView<?>> sides = new ArrayList<>(List.of(terms, candidates));
    if (boilerplate == null) {
      PCollection<SourceDocument> texts = documents.get(TEXTS);
      textFiles = texts.apply("SpillTexts", SpillToFiles.<SourceDocument>into(spillFolder).keyedBy(SourceDocument::docId));
      coder = texts.getCoder();
    } else {
      textFiles = documents.get(CHECKED_FILES);
      coder = checkedCoder;
      sides.add(boilerplate);
    }
    return textFiles
        .apply("WaitForCandidates", WaitFor.completionOf((String file) -> file, candidateDocuments))
        .apply("FindLines", ParDo.of(new FindLinesFn(terms, candidates, boilerplate, coder, text, options.kwicWindow(),
                options.kwicLines()))
            .withSideInputs(sides))
        .apply("FirstLines", Combine.perKey(new FirstLinesFn(options.kwicLines())))
        .apply("Rows", ParDo.of(new RowsFn()));
  }

  /**
   * (outlet, (term, (doc_id, count))) for the first documents of a segment that count each of the
   * outlet's terms ({@link org.presslens.transforms.state.Postings#firstDocuments}).
   */
  static final class TermDocumentsFn extends DoFn<String, KV<String, KV<String, KV<String, Integer>>>> {
    private final PCollectionView<Map<String, List<String>>> termsView;
    private final Coder<Segment> coder;
    private final int cap;

    TermDocumentsFn(PCollectionView<Map<String, List<String>>> termsView, Coder<Segment> coder, int cap) {
      this.termsView = termsView;
      this.coder = coder;
      this.cap = cap;
    }

    /** A file of segments' postings parts ({@link SpillToFiles}). */
    @ProcessElement
    public void process(@Element String file, OutputReceiver<KV<String, KV<String, KV<String, Integer>>>> out,
        ProcessContext c) throws IOException {
      Map<String, List<String>> termsByOutlet = c.sideInput(termsView);
      SpillToFiles.read(file, coder, segment -> {
        Postings postings = segment.postings().loaded();
        for (String outlet : segment.tables().keySet()) {
          for (String term : termsByOutlet.getOrDefault(outlet, List.of())) {
            for (Postings.Occurrences doc : postings.firstDocuments(term, outlet, cap)) {
              out.output(KV.of(outlet, KV.of(term, KV.of(doc.docId(), doc.count()))));
            }
          }
        }
      });
    }
  }

  /**
   * Per outlet, each term's first documents (by doc_id) as few as count {@code lines} occurrences
   * together, whatever the order and grouping of the inputs, turned around into the terms each
   * document is needed for. The accumulator keeps each term's documents with their counts as a
   * sorted list, typed as a map of lists of KVs so that Beam codes it with its own coders.
   */
  static final class FirstDocumentsFn
      extends CombineFn<KV<String, KV<String, Integer>>, Map<String, List<KV<String, Integer>>>, Map<String, List<String>>> {
    private final int lines;

    FirstDocumentsFn(int lines) {
      this.lines = lines;
    }

    @Override
    public Map<String, List<KV<String, Integer>>> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<String, List<KV<String, Integer>>> addInput(Map<String, List<KV<String, Integer>>> firsts,
        KV<String, KV<String, Integer>> termAndDoc) {
      add(firsts, termAndDoc.getKey(), termAndDoc.getValue());
      return firsts;
    }

    private void add(Map<String, List<KV<String, Integer>>> firsts, String term, KV<String, Integer> doc) {
      List<KV<String, Integer>> docs = firsts.computeIfAbsent(term, t -> new ArrayList<>());
      int at = Collections.binarySearch(docs, doc, BY_DOC_ID);
      if (at >= 0) {
        return;
      }
      docs.add(-at - 1, doc);
      int held = 0;
      for (int i = 0; i < docs.size(); i++) {
        held += docs.get(i).getValue();
        if (held >= lines) {
          docs.subList(i + 1, docs.size()).clear();
          return;
        }
      }
    }

    @Override
    public Map<String, List<KV<String, Integer>>> mergeAccumulators(Iterable<Map<String, List<KV<String, Integer>>>> all) {
      Map<String, List<KV<String, Integer>>> merged = new HashMap<>();
      for (Map<String, List<KV<String, Integer>>> firsts : all) {
        firsts.forEach((term, docs) -> docs.forEach(doc -> add(merged, term, doc)));
      }
      return merged;
    }

    /** Each needed document with the terms it is needed for, sorted. */
    @Override
    public Map<String, List<String>> extractOutput(Map<String, List<KV<String, Integer>>> firsts) {
      Map<String, List<String>> termsOfDocument = new HashMap<>();
      firsts.forEach((term, docs) -> docs.forEach(doc ->
          termsOfDocument.computeIfAbsent(doc.getKey(), d -> new ArrayList<>()).add(term)));
      termsOfDocument.values().forEach(Collections::sort);
      return termsOfDocument;
    }

    private static final Comparator<KV<String, Integer>> BY_DOC_ID = Comparator.comparing(KV::getKey);
  }

  /** Lines in report order: by term rank, document, sentence and position. */
  static final Comparator<Line> ORDER = Comparator.comparingInt(Line::termRank).thenComparing(Line::docId)
      .thenComparingInt(Line::sentence).thenComparingInt(Line::position);

  /** The first {@code cap} lines of each term, in {@link #ORDER}. */
  static List<Line> first(List<Line> lines, int cap) {
    List<Line> sorted = new ArrayList<>(lines);
    sorted.sort(ORDER);
    Map<String, Integer> perTerm = new HashMap<>();
    List<Line> kept = new ArrayList<>();
    for (Line line : sorted) {
      if (perTerm.merge(line.term(), 1, Integer::sum) <= cap) {
        kept.add(line);
      }
    }
    return kept;
  }

  /**
   * Keeps an outlet's first {@code cap} lines per term: the accumulator never holds more than its
   * terms x {@code cap} lines (plus one input), however many documents the outlet has, where
   * gathering all lines before capping would hold every occurrence of the outlet's top terms.
   */
  static final class FirstLinesFn extends CombineFn<List<Line>, List<Line>, List<Line>> {
    private final int cap;

    FirstLinesFn(int cap) {
      this.cap = cap;
    }

    @Override
    public List<Line> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<Line> addInput(List<Line> kept, List<Line> lines) {
      List<Line> all = new ArrayList<>(kept);
      all.addAll(lines);
      return first(all, cap);
    }

    @Override
    public List<Line> mergeAccumulators(Iterable<List<Line>> accumulators) {
      List<Line> all = new ArrayList<>();
      accumulators.forEach(all::addAll);
      return first(all, cap);
    }

    @Override
    public List<Line> extractOutput(List<Line> kept) {
      return kept;
    }
  }

  /** An outlet's kept lines, already in {@link #ORDER} ({@link #first}), as report rows. */
  static final class RowsFn extends DoFn<KV<String, List<Line>>, ReportBlock> {
    @ProcessElement
    public void process(@Element KV<String, List<Line>> outlet, OutputReceiver<ReportBlock> out) {
      Stage.STATISTICS.time(() -> ReportBlocks.render(SPEC, SortKey.of(outlet.getKey()), rows -> outlet.getValue()
          .forEach(l -> rows.accept(List.of(l.outlet(), l.term(), l.termRank(), l.docId(),
              l.sentence(), l.left(), l.keyword(), l.right()))))).forEach(out::output);
    }
  }

  /**
   * The candidate documents' lines for the terms each is needed for, at most {@code cap} per term
   * (the first ones).
   */
  static final class FindLinesFn extends DoFn<String, KV<String, List<Line>>> {
    private final PCollectionView<Map<String, List<String>>> termsView;
    private final PCollectionView<Map<String, List<String>>> candidates;
    /** The files hold documents before boilerplate removal: each outlet's boilerplate; null: cleaned documents. */
    private final PCollectionView<Map<String, BoilerplateHashes>> boilerplate;
    private final Coder<SourceDocument> coder;
    private final TextOptions text;
    private final int window;
    private final int cap;
    private transient DocumentTokenizer tokenizer;

    FindLinesFn(PCollectionView<Map<String, List<String>>> termsView, PCollectionView<Map<String, List<String>>> candidates,
        PCollectionView<Map<String, BoilerplateHashes>> boilerplate, Coder<SourceDocument> coder, TextOptions text,
        int window, int cap) {
      this.termsView = termsView;
      this.candidates = candidates;
      this.boilerplate = boilerplate;
      this.coder = coder;
      this.text = text;
      this.window = window;
      this.cap = cap;
    }

    @Setup
    public void setup() {
      tokenizer = new DocumentTokenizer(OpenNlpModels.shared(), text.lemmatize());
    }

    /** A file of documents ({@link SpillToFiles}); the side inputs are read once for all of them. */
    @ProcessElement
    public void process(@Element String file, OutputReceiver<KV<String, List<Line>>> out, ProcessContext c)
        throws IOException {
      Map<String, List<String>> candidateDocs = c.sideInput(candidates);
      Map<String, List<String>> termsByOutlet = c.sideInput(termsView);
      Map<String, BoilerplateHashes> outlets = boilerplate == null ? null : c.sideInput(boilerplate);
      SpillToFiles.readWhere(file, coder, candidateDocs::containsKey, read -> {
        List<String> needed = candidateDocs.get(read.docId());
        SourceDocument doc = outlets == null ? read : RemoveBoilerplate.cleaned(read, outlets);
        if (doc == null) {
          return;
        }
        List<String> terms = termsByOutlet.getOrDefault(doc.outlet(), List.of());
        List<Line> lines = Stage.STATISTICS.time(() -> first(KwicLines.find(doc.docId(), doc.outlet(),
            tokenizer.tokenize(doc.text(), KwicLines.mayHold(needed, text.lemmatize())), terms, needed, window), cap));
        if (!lines.isEmpty()) {
          out.output(KV.of(doc.outlet(), lines));
        }
      });
    }
  }
}
