package org.presslens.transforms.io;

import org.apache.beam.sdk.transforms.DoFn.MultiOutputReceiver;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;

/**
 * The document of one JSON Lines or CSV record: the record's own fields win, a web page in its
 * text field fills in what they leave empty (see {@link HtmlText}), then the outlet is
 * {@value OutletResolver#UNKNOWN} and the doc_id the file and line or row.
 */
final class RecordDocuments {

  private RecordDocuments() {}

  /**
   * @param item the record as reports name it ("line 7", "row 3")
   * @param number the line or row number, which with the source names a record without an id
   */
  static void emit(MultiOutputReceiver out, HtmlText html, String source, String item, long number, RecordValues values,
      String charset) {
    HtmlText.Read read = html.read(values.text(), false);
    if (!read.ok()) {
      out.get(CorpusTags.REJECTED).output(RejectedInput.of(source, item, RejectedInput.Reason.NO_ARTICLE, read.problem()));
      return;
    }
    HtmlText.Metadata page = read.metadata();
    String outlet = either(values.group(), page.outlet());
    out.get(CorpusTags.DOCUMENTS).output(new SourceDocument(
        values.id().isEmpty() ? source + ":" + number : values.id(),
        outlet.isEmpty() ? OutletResolver.UNKNOWN : outlet,
        either(values.date(), page.published()),
        either(values.title(), page.title()),
        either(values.author(), page.author()),
        source + ":" + number,
        charset,
        read.text()));
  }

  /** The values of a record's fields (empty where the record has none). */
  record RecordValues(String text, String id, String group, String date, String title, String author) {}

  private static String either(String given, String fromPage) {
    return given.isEmpty() ? fromPage : given;
  }
}
