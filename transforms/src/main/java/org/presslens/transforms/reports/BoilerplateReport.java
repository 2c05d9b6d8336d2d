package org.presslens.transforms.reports;

import static org.presslens.transforms.reports.ReportSpec.col;
import static org.presslens.transforms.reports.ReportSpec.decimal;
import static org.presslens.transforms.reports.ReportSpec.integer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.boilerplate.OutletBoilerplate;

/** boilerplate.csv: the lines removed as boilerplate, per outlet, most widespread first. */
public final class BoilerplateReport extends PTransform<PCollection<OutletBoilerplate>, PCollection<ReportBlock>> {

  public static final ReportSpec SPEC = new ReportSpec(
      "boilerplate.csv",
      "Lines dropped before analysis because they repeat across many documents of one outlet (menus, credits, "
          + "promotions): at least --boilerplateMinDocuments documents and --boilerplateMinShare of the outlet's documents.",
      List.of(
          col("outlet", "the outlet (or grouping value) whose documents repeat the line"),
          col("line", "the line, trimmed and with runs of white space collapsed"),
          integer("documents", "documents of the outlet that contain the line"),
          integer("outlet_documents", "documents of the outlet"),
          decimal("share", 4, "documents / outlet_documents")));

  private final ReportTiers tiers;

  private BoilerplateReport(ReportTiers tiers) {
    this.tiers = tiers;
  }

  public static BoilerplateReport of(ReportTiers tiers) {
    return new BoilerplateReport(tiers);
  }

  @Override
  public PCollection<ReportBlock> expand(PCollection<OutletBoilerplate> outlets) {
    ReportTiers limits = tiers;
    return outlets.apply("BoilerplateRows", FlatMapElements.into(TypeDescriptor.of(ReportBlock.class))
        .via((OutletBoilerplate outlet) -> blocks(outlet, limits)));
  }

  static List<ReportBlock> blocks(OutletBoilerplate outlet, ReportTiers tiers) {
    List<Map.Entry<String, Integer>> lines = new ArrayList<>(outlet.lines().entrySet());
    lines.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    ScopeRows rows = ScopeRows.open(SPEC, SortKey.of(outlet.outlet()), tiers);
    for (Map.Entry<String, Integer> line : lines) {
      rows.add(List.of(outlet.outlet(), line.getKey(), line.getValue(), outlet.documents(),
          line.getValue() / (double) outlet.documents()), true);
    }
    return rows.finish();
  }
}
