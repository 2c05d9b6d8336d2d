package org.presslens.transforms.reports;

import org.presslens.transforms.Stage;
import static org.presslens.transforms.reports.ReportSpec.col;
import static org.presslens.transforms.reports.ReportSpec.integer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.presslens.transforms.model.DocumentSentences;
import org.presslens.transforms.reports.KwicLines.Line;

/**
 * keyword_in_context.csv: concordance lines for each outlet's most distinctive terms. Each
 * document is scanned once for its outlet's terms (taken from a side input); a combiner keeps
 * each outlet's first lines per term in report order.
 */
public final class KeywordInContextReport extends PTransform<PCollection<DocumentSentences>, PCollection<ReportBlock>> {

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

  private final PCollectionView<Map<String, List<String>>> terms;
  private final ContrastOptions options;

  private KeywordInContextReport(PCollectionView<Map<String, List<String>>> terms, ContrastOptions options) {
    this.terms = terms;
    this.options = options;
  }

  /**
   * @param terms per outlet, its distinctive terms in rank order: a map view of
   *     {@link OutletContrastReport#TOP_TERMS}
   */
  public static KeywordInContextReport of(PCollectionView<Map<String, List<String>>> terms, ContrastOptions options) {
    return new KeywordInContextReport(terms, options);
  }

  @Override
  public PCollection<ReportBlock> expand(PCollection<DocumentSentences> sentences) {
    return sentences
        .apply("FindLines", ParDo.of(new FindLinesFn(terms, options.kwicWindow(), options.kwicLines())).withSideInputs(terms))
        .apply("FirstLines", Combine.perKey(new FirstLinesFn(options.kwicLines())))
        .apply("Rows", ParDo.of(new RowsFn()));
  }

  /** Lines in report order: by term rank, document, sentence and position. */
  static final Comparator<Line> ORDER = Comparator.comparingInt(Line::termRank).thenComparing(Line::docId)
      .thenComparingInt(Line::sentence).thenComparingInt(Line::position);

  /** The first {@code cap} lines of each term, in {@link #ORDER}. */
  static ArrayList<Line> first(List<Line> lines, int cap) {
    List<Line> sorted = new ArrayList<>(lines);
    sorted.sort(ORDER);
    Map<String, Integer> perTerm = new HashMap<>();
    ArrayList<Line> kept = new ArrayList<>();
    for (Line line : sorted) {
      if (perTerm.merge(line.term(), 1, Integer::sum) <= cap) {
        kept.add(line);
      }
    }
    return kept;
  }

  /**
   * Keeps an outlet's first {@code cap} lines per term: the accumulator never holds more than its
   * terms x {@code cap} lines (plus one input), however many documents the outlet has. Gathering
   * all lines before capping held every occurrence of the outlet's top terms (78,000 lines on the
   * 1x benchmark corpus, 45,000 of them in one outlet).
   */
  static final class FirstLinesFn extends CombineFn<ArrayList<Line>, ArrayList<Line>, ArrayList<Line>> {
    private final int cap;

    FirstLinesFn(int cap) {
      this.cap = cap;
    }

    @Override
    public ArrayList<Line> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public ArrayList<Line> addInput(ArrayList<Line> kept, ArrayList<Line> lines) {
      kept.addAll(lines);
      return first(kept, cap);
    }

    @Override
    public ArrayList<Line> mergeAccumulators(Iterable<ArrayList<Line>> accumulators) {
      ArrayList<Line> all = new ArrayList<>();
      accumulators.forEach(all::addAll);
      return first(all, cap);
    }

    @Override
    public ArrayList<Line> extractOutput(ArrayList<Line> kept) {
      return kept;
    }
  }

  /** An outlet's kept lines, already in {@link #ORDER} ({@link #first}), as report rows. */
  static final class RowsFn extends DoFn<KV<String, ArrayList<Line>>, ReportBlock> {
    @ProcessElement
    public void process(@Element KV<String, ArrayList<Line>> outlet, OutputReceiver<ReportBlock> out) {
      Stage.STATISTICS.time(() -> ReportBlocks.render(SPEC, outlet.getKey(), rows -> outlet.getValue()
          .forEach(l -> rows.accept(List.of(l.outlet(), l.term(), l.termRank(), l.docId(),
              l.sentence(), l.left(), l.keyword(), l.right()))))).forEach(out::output);
    }
  }

  /** Each document's lines for its outlet's terms, at most {@code cap} per term (the first ones). */
  static final class FindLinesFn extends DoFn<DocumentSentences, KV<String, ArrayList<Line>>> {
    private final PCollectionView<Map<String, List<String>>> termsView;
    private final int window;
    private final int cap;

    FindLinesFn(PCollectionView<Map<String, List<String>>> termsView, int window, int cap) {
      this.termsView = termsView;
      this.window = window;
      this.cap = cap;
    }

    @ProcessElement
    public void process(@Element DocumentSentences doc, OutputReceiver<KV<String, ArrayList<Line>>> out, ProcessContext c) {
      List<String> terms = c.sideInput(termsView).getOrDefault(doc.outlet(), List.of());
      ArrayList<Line> lines = Stage.STATISTICS.time(() -> first(KwicLines.find(doc, terms, window), cap));
      if (!lines.isEmpty()) {
        out.output(KV.of(doc.outlet(), lines));
      }
    }
  }
}
