package org.presslens.transforms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishedDatesTest {

  @Test
  void keepsThePrecisionGivenAndWritesIso() {
    assertEquals(Optional.of(""), PublishedDates.normalise("  "));
    assertEquals(Optional.of("1790"), PublishedDates.normalise("1790"));
    assertEquals(Optional.of("2022-05"), PublishedDates.normalise("2022-05"));
    assertEquals(Optional.of("2022-05-03"), PublishedDates.normalise(" 2022-05-03 "));
    assertEquals(Optional.of("1987-02-26"), PublishedDates.normalise("1987-02-26 15:18:06"));
    assertEquals(Optional.of("2023-06-14"), PublishedDates.normalise("2023-06-14T23:30:00+02:00"));
    assertEquals(Optional.of("2002-08-22"), PublishedDates.normalise("Thu, 22 Aug 2002 12:36:23 +0100"));
    assertEquals(Optional.of("2002-08-22"), PublishedDates.normalise("Thu, 22 Aug 2002 12:36:23 -0700 (PDT)"));
    assertEquals(Optional.of("2024-05-03"), PublishedDates.normalise("3 May 2024"));
    assertEquals(Optional.of("2024-09-30"), PublishedDates.normalise("September 30, 2024"));
    assertEquals(Optional.of("2024-02"), PublishedDates.normalise("Feb 2024"));
  }

  @Test
  void rejectsWhatIsNotADate() {
    assertEquals(Optional.empty(), PublishedDates.normalise("next Tuesday"));
    assertEquals(Optional.empty(), PublishedDates.normalise("2022-13"));
    assertEquals(Optional.empty(), PublishedDates.normalise("2023-02-30"));
    assertEquals(Optional.empty(), PublishedDates.normalise("31/12/2023"));
    assertEquals(Optional.empty(), PublishedDates.normalise("30 February 2024"));
  }
}
