package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Report blocks read back into rows, for assertions on what a report transform produced. */
final class Blocks {

  private Blocks() {}

  /** The rows of each sort key, its parts in order. */
  static Map<SortKey, List<List<String>>> rowsByKey(Iterable<ReportBlock> blocks) {
    Map<SortKey, List<List<String>>> byKey = new LinkedHashMap<>();
    StreamSupport.stream(blocks.spliterator(), false)
        .sorted(Comparator.comparing(ReportBlock::sortKey).thenComparingInt(ReportBlock::part))
        .forEach(b -> byKey.computeIfAbsent(b.sortKey(), k -> new ArrayList<>()).addAll(rows(b)));
    return byKey;
  }

  static List<List<String>> rows(ReportBlock block) {
    try {
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(new String(block.csv(), StandardCharsets.UTF_8)))) {
        rows.add(record.toList());
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
