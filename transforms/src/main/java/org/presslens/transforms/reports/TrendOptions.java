package org.presslens.transforms.reports;

import java.io.Serializable;

/**
 * Settings of the change-over-time reports.
 *
 * @param period the unit of the periods ({@link org.presslens.transforms.time.PeriodUnit}) or {@code auto}
 * @param watched the corpus's most frequent terms (and entities) whose trends every scope lists
 * @param emergingTop emerging items per scope and kind in emerging.csv
 * @param since what emerging.csv tests: "" (the latest period), an ISO date (the documents dated
 *     from then on against those dated before), or {@link #LAST_RUN} (the documents new or changed
 *     since the cache's last run against all others)
 */
public record TrendOptions(String period, int watched, int emergingTop, String since) implements Serializable {

  public static final String LAST_RUN = "last-run";

  public static TrendOptions defaults() {
    return new TrendOptions("auto", 10, 25, "");
  }

  public boolean sinceLastRun() {
    return LAST_RUN.equals(since);
  }

  /** What emerging.csv's latest_period column says was tested. */
  public String testedLabel(String latestPeriod) {
    return since.isEmpty() ? latestPeriod : sinceLastRun() ? "new since the last run" : "since " + since;
  }
}
