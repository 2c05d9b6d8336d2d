package org.presslens.transforms.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.DoFn.MultiOutputReceiver;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.presslens.transforms.Progress;
import org.presslens.transforms.Spread;
import org.presslens.transforms.model.ClassCoder;
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
    if (outlet.isEmpty()) {
      Progress.noOutlet().inc();
    }
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

  /**
   * A record as a reader found it, before its text is read as a page: a reader that must read a
   * file on one thread (a CSV file, whose quoted cells span lines) spreads these, so that the
   * markup, the costly part, is read on every core.
   */
  record Record(String source, String item, long number, RecordValues values, String charset) {

    static final class RecordCoder extends ClassCoder<Record> {
      static final RecordCoder INSTANCE = new RecordCoder();
      private static final StringUtf8Coder STRING = StringUtf8Coder.of();

      @Override
      public void encode(Record r, OutputStream out) throws IOException {
        for (String s : List.of(r.source(), r.item(), r.charset(), r.values().text(), r.values().id(), r.values().group(),
            r.values().date(), r.values().title(), r.values().author())) {
          STRING.encode(s, out);
        }
        VarLongCoder.of().encode(r.number(), out);
      }

      @Override
      public Record decode(InputStream in) throws IOException {
        String source = STRING.decode(in);
        String item = STRING.decode(in);
        String charset = STRING.decode(in);
        RecordValues values = new RecordValues(STRING.decode(in), STRING.decode(in), STRING.decode(in),
            STRING.decode(in), STRING.decode(in), STRING.decode(in));
        return new Record(source, item, VarLongCoder.of().decode(in), values, charset);
      }
    }
  }

  /** Spreads records ({@link Spread}) and makes each one's document, or its rejection. */
  static PCollectionTuple spreadAndRead(PCollection<Record> records, HtmlText html) {
    return records.setCoder(Record.RecordCoder.INSTANCE)
        .apply("SpreadRecords", Spread.byName((Record r) -> r.source() + ":" + r.number(),
            Spread.bucketsAcrossCores()))
        .apply("ReadRecords", ParDo.of(new DoFn<Record, SourceDocument>() {
          @ProcessElement
          public void process(@Element Record r, MultiOutputReceiver out) {
            emit(out, html, r.source(), r.item(), r.number(), r.values(), r.charset());
          }
        }).withOutputTags(CorpusTags.DOCUMENTS, TupleTagList.of(CorpusTags.REJECTED)));
  }

  private static String either(String given, String fromPage) {
    return given.isEmpty() ? fromPage : given;
  }
}
