package org.presslens.transforms.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored totals lose at most a sixteenth of the documents that counted, and at least 100, on any corpus. */
class TotalsUseTest {

  @Test
  void theMostLostDocumentsAreASixteenthOfThoseThatCountedAndAtLeastAHundred() {
    assertEquals(UpdateSegments.Totals.MIN_LOST, UpdateSegments.Totals.maxLost(Map.of("s", members(40, 0))),
        "a small corpus: the least");
    assertEquals(2_000, UpdateSegments.Totals.maxLost(Map.of("s", members(20_000, 0), "t", members(12_000, 500))),
        "32,000 that counted (copies do not)");
  }

  private static List<Member> members(int counted, int copies) {
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < counted + copies; i++) {
      members.add(new Member("d" + i, "RT", "", "", "k", i >= counted, 10, 1, 5, 4, 4, 0, ""));
    }
    return members;
  }
}
