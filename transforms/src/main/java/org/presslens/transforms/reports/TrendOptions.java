package org.presslens.transforms.reports;

import java.io.Serializable;

/**
 * Settings of the change-over-time reports.
 *
 * @param period the unit of the periods ({@link org.presslens.transforms.time.PeriodUnit}) or {@code auto}
 * @param watched the corpus's most frequent terms (and entities) whose trends every scope lists
 * @param emergingTop emerging items per scope and kind in emerging.csv
 */
public record TrendOptions(String period, int watched, int emergingTop) implements Serializable {

  public static TrendOptions defaults() {
    return new TrendOptions("auto", 10, 25);
  }
}
