package org.presslens.transforms.reports;

import static org.presslens.transforms.reports.ReportSpec.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.boilerplate.OutletBoilerplate;
import org.presslens.transforms.stats.Numbers;

/** boilerplate.csv: the lines removed as boilerplate, per outlet, most widespread first. */
public final class BoilerplateReport extends PTransform<PCollection<OutletBoilerplate>, PCollection<ReportBlock>> {

  public static final ReportSpec SPEC = new ReportSpec(
      "boilerplate.csv",
      "Lines dropped before analysis because they repeat across many documents of one outlet (menus, credits, "
          + "promotions): at least --boilerplateMinDocuments documents and --boilerplateMinShare of the outlet's documents.",
      List.of(
          col("outlet", "the outlet (or grouping value) whose documents repeat the line"),
          col("line", "the line, trimmed and with runs of white space collapsed"),
          col("documents", "documents of the outlet that contain the line"),
          col("outlet_documents", "documents of the outlet"),
          col("share", "documents / outlet_documents")));

  public static BoilerplateReport create() {
    return new BoilerplateReport();
  }

  @Override
  public PCollection<ReportBlock> expand(PCollection<OutletBoilerplate> outlets) {
    return outlets.apply("BoilerplateRows", FlatMapElements.into(TypeDescriptor.of(ReportBlock.class)).via(BoilerplateReport::blocks));
  }

  static List<ReportBlock> blocks(OutletBoilerplate outlet) {
    List<Map.Entry<String, Integer>> lines = new ArrayList<>(outlet.lines().entrySet());
    lines.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Integer> line : lines) {
      rows.add(List.of(outlet.outlet(), line.getKey(), Integer.toString(line.getValue()),
          Long.toString(outlet.documents()), Numbers.decimal(line.getValue() / (double) outlet.documents(), 4)));
    }
    return ReportBlocks.of(SPEC, outlet.outlet(), rows);
  }
}
