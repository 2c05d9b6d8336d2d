package org.presslens.transforms.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.text.PublishedDates;

/** Period names worked out by hand from the calendar. */
class PeriodUnitTest {

  @Test
  void eachUnitNamesItsPeriodSortableAsText() {
    assertEquals(Optional.of("2022-05-03"), PeriodUnit.DAY.periodOf("2022-05-03"));
    assertEquals(Optional.of("2022-W18"), PeriodUnit.WEEK.periodOf("2022-05-03")); // a Tuesday of ISO week 18
    assertEquals(Optional.of("2022-05"), PeriodUnit.MONTH.periodOf("2022-05-03"));
    assertEquals(Optional.of("2022-Q2"), PeriodUnit.QUARTER.periodOf("2022-05-03"));
    assertEquals(Optional.of("2022-Q1"), PeriodUnit.QUARTER.periodOf("2022-03"));
    assertEquals(Optional.of("2022-Q4"), PeriodUnit.QUARTER.periodOf("2022-10-01"));
    assertEquals(Optional.of("2022"), PeriodUnit.YEAR.periodOf("2022-05-03"));
    assertEquals(Optional.of("2020s"), PeriodUnit.DECADE.periodOf("2029-12-31"));
    assertEquals(Optional.of("1790s"), PeriodUnit.DECADE.periodOf("1790"));
  }

  @Test
  void isoWeeksBelongToTheirWeekBasedYear() {
    // 3 January 2021 is a Sunday: the last day of 2020's week 53
    assertEquals(Optional.of("2020-W53"), PeriodUnit.WEEK.periodOf("2021-01-03"));
    assertEquals(Optional.of("2021-W01"), PeriodUnit.WEEK.periodOf("2021-01-04"));
    // 30 December 2024 is the Monday of 2025's week 1
    assertEquals(Optional.of("2025-W01"), PeriodUnit.WEEK.periodOf("2024-12-30"));
  }

  @Test
  void aDateNeverLandsInAUnitFinerThanItsPrecision() {
    assertEquals(Optional.empty(), PeriodUnit.MONTH.periodOf("2022"));
    assertEquals(Optional.empty(), PeriodUnit.WEEK.periodOf("2022-05"));
    assertEquals(Optional.empty(), PeriodUnit.DAY.periodOf("2022-05"));
    assertEquals(Optional.of("2022-Q2"), PeriodUnit.QUARTER.periodOf("2022-05"));
    assertEquals(Optional.empty(), PeriodUnit.YEAR.periodOf(""));
  }

  @Test
  void dateTimesCountOnTheCalendarDateWrittenInThem() {
    // 23:30 in New York is already 1 January in UTC; the publisher's date is kept
    String newYork = PublishedDates.normalise("2022-12-31T23:30:00-05:00").orElseThrow();
    assertEquals(Optional.of("2022-12-31"), PeriodUnit.DAY.periodOf(newYork));
    assertEquals(Optional.of("2022"), PeriodUnit.YEAR.periodOf(newYork));
    // 1 January 2023 in Tokyo is a Sunday: ISO week 52 of 2022
    String tokyo = PublishedDates.normalise("2023-01-01T01:00:00+09:00").orElseThrow();
    assertEquals(Optional.of("2022-W52"), PeriodUnit.WEEK.periodOf(tokyo));
    assertEquals(Optional.of("2023-01"), PeriodUnit.MONTH.periodOf(tokyo));
  }

  @Test
  void optionNamesParse() {
    assertEquals(Optional.of(PeriodUnit.QUARTER), PeriodUnit.parse("quarter"));
    assertEquals(Optional.empty(), PeriodUnit.parse("fortnight"));
  }
}
