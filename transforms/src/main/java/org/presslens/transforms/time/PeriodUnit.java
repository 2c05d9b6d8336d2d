package org.presslens.transforms.time;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;

/**
 * The units of time the trend reports count in, each naming its periods so that they sort in
 * time order as text: {@code 2022-05-03}, {@code 2022-W18} (ISO 8601 week, its week-based year),
 * {@code 2022-05}, {@code 2022-Q2}, {@code 2022}, {@code 2020s}. A date is placed only in units
 * no finer than its own precision: {@code 2022} lands in a year or decade, never in a month.
 * Dates are the normalised publication dates of {@code PublishedDates}; a date-time was read as
 * the calendar date written in it, in the publisher's own time zone.
 */
public enum PeriodUnit {
  DAY(10), WEEK(10), MONTH(7), QUARTER(7), YEAR(4), DECADE(4);

  /** The characters of an ISO date this unit needs: 10 for a day, 7 for a month, 4 for a year. */
  private final int precision;

  PeriodUnit(int precision) {
    this.precision = precision;
  }

  /** The period of an ISO date ({@code 2022}, {@code 2022-05}, {@code 2022-05-03}); empty when it is too coarse or absent. */
  public Optional<String> periodOf(String isoDate) {
    if (isoDate == null || isoDate.length() < precision) {
      return Optional.empty();
    }
    int year = Integer.parseInt(isoDate.substring(0, 4));
    return Optional.of(switch (this) {
      case DAY -> isoDate.substring(0, 10);
      case WEEK -> {
        LocalDate day = LocalDate.parse(isoDate.substring(0, 10));
        yield String.format(Locale.ROOT, "%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
            day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      }
      case MONTH -> isoDate.substring(0, 7);
      case QUARTER -> String.format(Locale.ROOT, "%04d-Q%d", year, (Integer.parseInt(isoDate.substring(5, 7)) + 2) / 3);
      case YEAR -> isoDate.substring(0, 4);
      case DECADE -> String.format(Locale.ROOT, "%04ds", year / 10 * 10);
    });
  }

  /** The option's spelling: day, week, month, quarter, year, decade. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PeriodUnit> parse(String text) {
    for (PeriodUnit unit : values()) {
      if (unit.label().equals(text)) {
        return Optional.of(unit);
      }
    }
    return Optional.empty();
  }
}
