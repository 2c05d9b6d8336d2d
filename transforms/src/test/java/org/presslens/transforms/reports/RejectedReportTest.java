package org.presslens.transforms.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.model.RejectedInput;

class RejectedReportTest {

  @Test
  void itemsSortByTheirNumbers() {
    List<RejectedInput> rows = List.of(
        new RejectedInput("b.jsonl", "line 10", "empty", ""),
        new RejectedInput("b.jsonl", "line 2", "empty", ""),
        new RejectedInput("a.txt", "", "binary", ""),
        new RejectedInput("b.jsonl", "line 100", "empty", ""));
    assertEquals(List.of("a.txt:", "b.jsonl:line 2", "b.jsonl:line 10", "b.jsonl:line 100"),
        rows.stream().sorted(Comparator.comparing(RejectedReport::sortKey)).map(r -> r.source() + ":" + r.item()).toList());
  }
}
