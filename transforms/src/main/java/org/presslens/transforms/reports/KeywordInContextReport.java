package org.presslens.transforms.reports;

import org.presslens.transforms.Stage;
import static org.presslens.transforms.reports.ReportSpec.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.presslens.transforms.model.DocumentSentences;
import org.presslens.transforms.reports.KwicLines.Line;

/**
 * keyword_in_context.csv: concordance lines for each outlet's most distinctive terms. Each
 * document is scanned once for its outlet's terms (taken from a side input); lines are then
 * grouped per outlet, ordered, and capped per term.
 */
public final class KeywordInContextReport extends PTransform<PCollection<DocumentSentences>, PCollection<ReportBlock>> {

  public static final ReportSpec SPEC = new ReportSpec(
      "keyword_in_context.csv",
      "Concordance lines for the most over-used terms of each outlet against the rest (see outlet_contrasts.csv), "
          + "to check how a term is used.",
      List.of(
          col("outlet", "the outlet"),
          col("term", "the distinctive term (as counted: lower-cased)"),
          col("term_rank", "its rank among the outlet's over-used terms in outlet_contrasts.csv (reference 'rest')"),
          col("doc_id", "document of the line"),
          col("sentence", "sentence number in the document, from 1"),
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
        .apply("FindLines", ParDo.of(new FindLinesFn(terms, options.kwicWindow())).withSideInputs(terms))
        .apply("ByOutlet", GroupByKey.create())
        .apply("OrderAndCap", ParDo.of(new OrderAndCapFn(options.kwicLines())));
  }

  /** Orders an outlet's lines by term rank, document, sentence and position; keeps {@code cap} per term. */
  static final class OrderAndCapFn extends DoFn<KV<String, Iterable<ArrayList<Line>>>, ReportBlock> {
    private final int cap;

    OrderAndCapFn(int cap) {
      this.cap = cap;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<ArrayList<Line>>> outlet, OutputReceiver<ReportBlock> out) {
      List<Line> lines = new ArrayList<>();
      outlet.getValue().forEach(lines::addAll);
      lines.sort(Comparator.comparingInt(Line::termRank).thenComparing(Line::docId)
          .thenComparingInt(Line::sentence).thenComparingInt(Line::position));
      Map<String, Integer> perTerm = new HashMap<>();
      List<List<String>> rows = new ArrayList<>();
      for (Line l : lines) {
        if (perTerm.merge(l.term(), 1, Integer::sum) <= cap) {
          rows.add(List.of(l.outlet(), l.term(), Integer.toString(l.termRank()), l.docId(),
              Integer.toString(l.sentence()), l.left(), l.keyword(), l.right()));
        }
      }
      ReportBlocks.of(SPEC, outlet.getKey(), rows).forEach(out::output);
    }
  }

  static final class FindLinesFn extends DoFn<DocumentSentences, KV<String, ArrayList<Line>>> {
    private final PCollectionView<Map<String, List<String>>> termsView;
    private final int window;

    FindLinesFn(PCollectionView<Map<String, List<String>>> termsView, int window) {
      this.termsView = termsView;
      this.window = window;
    }

    @ProcessElement
    public void process(@Element DocumentSentences doc, OutputReceiver<KV<String, ArrayList<Line>>> out, ProcessContext c) {
      List<String> terms = c.sideInput(termsView).getOrDefault(doc.outlet(), List.of());
      List<Line> lines = Stage.STATISTICS.time(() -> KwicLines.find(doc, terms, window));
      if (!lines.isEmpty()) {
        out.output(KV.of(doc.outlet(), new ArrayList<>(lines)));
      }
    }
  }
}
