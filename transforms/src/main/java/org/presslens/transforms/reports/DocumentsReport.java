package org.presslens.transforms.reports;

import static org.presslens.transforms.reports.ReportSpec.col;
import static org.presslens.transforms.reports.ReportSpec.integer;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.presslens.transforms.dedup.Duplicate;
import org.presslens.transforms.model.DocumentFacts;

/** documents.csv: one row per analysed document, ordered by doc_id. */
public final class DocumentsReport extends PTransform<PCollection<DocumentFacts>, PCollection<Row>> {

  public static final ReportSpec SPEC = new ReportSpec(
      "documents.csv",
      "Every analysed document with its metadata and size. Inputs that could not be analysed are in rejected.csv.",
      List.of(
          col("doc_id", "document id: from the manifest or the id field, else the file path below the input folder without its extension"),
          col("outlet", "from the manifest or the group field, else a web page's site name, else the name of the file's folder, else 'unknown'"),
          col("published", "publication date from the manifest or the date field, else a web page's metadata, as ISO 8601 with the precision given (2022, 2022-05 or 2022-05-03)"),
          col("title", "title from the manifest or the title field, else a web page's metadata"),
          col("author", "author from the manifest or the author field, else a web page's metadata (several joined by '; ')"),
          col("source_path", "the file the text was read from, relative to the input folder"),
          col("charset", "character encoding the file was read in: from its byte order mark, UTF-8, or detected (ICU)"),
          col("sha256", "SHA-256 of the document text encoded as UTF-8 (byte order mark removed; of a web page, the article text)"),
          integer("characters", "Unicode code points in the text as read"),
          integer("sentences", "sentences found by OpenNLP (line-break rules in the project's docs/text-and-terms.md)"),
          integer("tokens", "running words: tokens with a letter or digit, stop words included, punctuation and symbols excluded"),
          integer("types", "distinct lower-cased words among the tokens"),
          col("duplicate_of", "for a copy of another document (see duplicates.csv), the doc_id that the statistics count instead; else empty")));

  private final PCollectionView<Map<String, Duplicate>> copies;

  private DocumentsReport(PCollectionView<Map<String, Duplicate>> copies) {
    this.copies = copies;
  }

  /** @param copies the documents that are copies of another, by doc_id */
  public static DocumentsReport withCopies(PCollectionView<Map<String, Duplicate>> copies) {
    return new DocumentsReport(copies);
  }

  @Override
  public PCollection<Row> expand(PCollection<DocumentFacts> docs) {
    return docs.apply("DocumentRow", ParDo.of(new RowFn(copies)).withSideInputs(copies));
  }

  static final class RowFn extends DoFn<DocumentFacts, Row> {
    private final PCollectionView<Map<String, Duplicate>> copies;
    /** The side input, read once per bundle: the direct runner builds the map again on every access. */
    private transient Map<String, Duplicate> copyById;

    RowFn(PCollectionView<Map<String, Duplicate>> copies) {
      this.copies = copies;
    }

    @StartBundle
    public void startBundle() {
      copyById = null;
    }

    @ProcessElement
    public void process(@Element DocumentFacts d, OutputReceiver<Row> out, ProcessContext c) {
      if (copyById == null) {
        copyById = c.sideInput(copies);
      }
      Duplicate copy = copyById.get(d.docId());
      out.output(new Row(SortKey.of(d.docId()), List.of(
          d.docId(), d.outlet(), d.published(), d.title(), d.author(), d.sourcePath(), d.charset(), d.sha256(),
          d.characters(), d.sentences(), d.tokens(), d.types(), copy == null ? "" : copy.keptDocId())));
    }
  }
}
