package org.presslens.transforms.reports;

import static org.presslens.transforms.reports.ReportSpec.col;

import java.util.List;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.AnalyzedDocument;

/** documents.csv: one row per analysed document, ordered by doc_id. */
public final class DocumentsReport extends PTransform<PCollection<AnalyzedDocument>, PCollection<ReportBlock>> {

  public static final ReportSpec SPEC = new ReportSpec(
      "documents.csv",
      "Every analysed document with its metadata and size. Inputs that could not be analysed are in rejected.csv.",
      List.of(
          col("doc_id", "document id: from the manifest, else the file path below the input folder without .txt"),
          col("outlet", "from the manifest, else the name of the file's folder, else 'unknown'"),
          col("published", "publication date from the manifest (ISO 8601, may be partial such as 2022-05)"),
          col("title", "title from the manifest"),
          col("source_path", "the file the text was read from, relative to the input folder"),
          col("charset", "character encoding the file was read in: from its byte order mark, UTF-8, or detected (ICU)"),
          col("sha256", "SHA-256 of the document text encoded as UTF-8 (byte order mark removed)"),
          col("characters", "Unicode code points in the text as read"),
          col("sentences", "sentences found by OpenNLP (line-break rules in README)"),
          col("tokens", "running words: tokens with a letter or digit, stop words included, punctuation and symbols excluded"),
          col("types", "distinct lower-cased words among the tokens")));

  public static DocumentsReport create() {
    return new DocumentsReport();
  }

  @Override
  public PCollection<ReportBlock> expand(PCollection<AnalyzedDocument> docs) {
    return docs.apply("DocumentRow", MapElements.into(TypeDescriptor.of(ReportBlock.class))
        .via(d -> new ReportBlock(d.docId(), List.of(List.of(
            d.docId(), d.outlet(), d.published(), d.title(), d.sourcePath(), d.charset(), d.sha256(),
            Integer.toString(d.characters()), Integer.toString(d.sentences()),
            Long.toString(d.tokens()), Integer.toString(d.types()))))));
  }
}
