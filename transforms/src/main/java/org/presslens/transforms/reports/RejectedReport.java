package org.presslens.transforms.reports;

import static org.presslens.transforms.reports.ReportSpec.col;

import java.util.List;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.RejectedInput;

/** rejected.csv: every input item that did not become a document, with the reason. */
public final class RejectedReport extends PTransform<PCollection<RejectedInput>, PCollection<Row>> {

  public static final ReportSpec SPEC = new ReportSpec(
      "rejected.csv",
      "Inputs that were read but not analysed, and why. Together with documents.csv it accounts for every input.",
      List.of(
          col("source", "the file the item came from, relative to the input folder"),
          col("item", "the item within the source, such as 'line 12' of a JSON Lines file or 'record 3' of a JSON array "
              + "(empty when the whole file was rejected)"),
          col("reason", "reason code: empty, binary, unknown-encoding, unreadable, symlink-loop, no-files, other-file, too-large, "
              + "no-article, no-spaces, bad-date, not-english, malformed-json, malformed-csv, missing-field, missing-file "
              + "(a manifest row without its file), duplicate-id, no-words (meanings in the project's docs/input.md)"),
          col("detail", "what exactly was wrong, in words")));

  public static RejectedReport create() {
    return new RejectedReport();
  }

  @Override
  public PCollection<Row> expand(PCollection<RejectedInput> rejected) {
    return rejected.apply("RejectedRow", MapElements.into(TypeDescriptor.of(Row.class))
        .via(r -> new Row(sortKey(r), List.of(r.source(), r.item(), r.reason(), r.detail()))));
  }

  /** Source, then item with its numbers in numeric order ("line 2" before "line 10"). */
  static SortKey sortKey(RejectedInput r) {
    StringBuilder item = new StringBuilder();
    java.util.regex.Matcher number = java.util.regex.Pattern.compile("\\d+").matcher(r.item());
    int last = 0;
    while (number.find()) {
      String digits = number.group();
      item.append(r.item(), last, number.start()).append("0".repeat(Math.max(0, 12 - digits.length()))).append(digits);
      last = number.end();
    }
    return SortKey.of(r.source(), item.append(r.item().substring(last)).toString());
  }
}
