package org.presslens.transforms.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodPlanTest {

  @Test
  void aChosenUnitPutsCoarseAndMissingDatesInUndated() {
    PeriodPlan plan = PeriodPlan.of("month", Map.of("2022-05-03", 100L, "2022-05-20", 50L, "2022-06-01", 30L,
        "2022", 7L, "", 11L));
    assertEquals(List.of("2022-05", "2022-06"), plan.periods());
    assertEquals(Map.of("2022-05", 150L, "2022-06", 30L), plan.periodWords());
    assertEquals(18, plan.undatedWords());
    assertEquals("2022-06", plan.latest());
    assertEquals(PeriodPlan.UNDATED, plan.periodOf("2022"));
    assertFalse(plan.automatic());
  }

  @Test
  void autoTakesTheFinestUnitWhereMostPeriodsHaveEnoughWords() {
    // days: 4 periods, only 1 with 10,000 words; weeks (W18 and W19): both have enough
    Map<String, Long> words = Map.of("2022-05-03", 12_000L, "2022-05-04", 3_000L, "2022-05-10", 6_000L, "2022-05-11", 5_000L);
    PeriodPlan plan = PeriodPlan.of("auto", words);
    assertEquals(PeriodUnit.WEEK, plan.unit());
    assertEquals(List.of("2022-W18", "2022-W19"), plan.periods());
    assertTrue(plan.automatic());
  }

  @Test
  void autoSkipsUnitsThatMostDatesAreTooCoarseFor() {
    // 20,000 words dated by year only: months would leave them undated
    Map<String, Long> words = Map.of("2021", 20_000L, "2022-03-01", 15_000L, "2022-04-01", 15_000L);
    assertEquals(PeriodUnit.YEAR, PeriodPlan.of("auto", words).unit());
  }

  @Test
  void autoFallsBackToDecadesAndOnePeriodIsNotComparable() {
    PeriodPlan plan = PeriodPlan.of("auto", Map.of("2022-05-03", 900L, "2022-05-04", 800L));
    assertEquals(PeriodUnit.DECADE, plan.unit());
    assertEquals(List.of("2020s"), plan.periods());
    assertEquals("2020s", plan.latest());
    PeriodPlan none = PeriodPlan.of("auto", Map.of("", 500L));
    assertEquals(List.of(), none.periods());
    assertEquals("", none.latest());
    assertEquals(500, none.undatedWords());
  }

  @Test
  void unknownUnitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> PeriodPlan.of("fortnight", Map.of()));
  }
}
