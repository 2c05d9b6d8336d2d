package org.presslens.transforms.reports;

import java.io.Serializable;

/**
 * How much of each report the spreadsheet tier (the CSV files) shows, and where the full-detail
 * tier (every row, as Parquet) goes. The CSV limits keep each file small enough for a person to
 * open and read; the full-detail tables hold every row a report would have without them.
 *
 * @param topTerms term_frequencies.csv: terms per scope and n
 * @param topContrasts outlet_contrasts.csv: terms per outlet, reference and direction
 * @param topEntities entities.csv: entities
 * @param topPairs entity_cooccurrence.csv: pairs per scope and window
 * @param maxRows any CSV file: rows at most (the first ones in report order)
 * @param dataDir the folder of the full-detail tables, or empty for none
 */
public record ReportTiers(int topTerms, int topContrasts, int topEntities, int topPairs, long maxRows, String dataDir)
    implements Serializable {

  public static final String DATA_FOLDER = "data";

  public static ReportTiers defaults(String dataDir) {
    return new ReportTiers(200, 200, 1000, 200, 100_000, dataDir);
  }

  /** Whether the full-detail tables are written. */
  public boolean parquet() {
    return !dataDir.isEmpty();
  }
}
