package org.presslens.transforms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.presslens.transforms.stats.QuantedaKeyness.Correction;

/**
 * Recomputes every chi2 and lr value of quanteda's keyness on the seeds
 * (reference/quanteda-seeds/keyness_full.csv.gz: each document against the other four, stop
 * words kept and removed, correction default and none) from the same token counts, and requires
 * agreement within 1e-9 (relative for values above 1).
 */
class QuantedaKeynessReferenceTest {

  private static Reader resource(String name) throws IOException {
    InputStream in = QuantedaKeynessReferenceTest.class.getResourceAsStream("/quanteda/" + name);
    return new InputStreamReader(name.endsWith(".gz") ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8);
  }

  private static List<CSVRecord> csv(String name) throws IOException {
    try (Reader reader = resource(name)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
  }

  @Test
  void chi2AndLrMatchQuantedaWithin1e9() throws IOException {
    // Document sizes in tokens, with and without stop words, as quanteda counted them.
    Map<String, Map<String, Double>> sizes = Map.of("all", new HashMap<>(), "nostop", new HashMap<>());
    for (CSVRecord doc : csv("doc_stats.csv")) {
      sizes.get("all").put(doc.get("doc_id"), Double.parseDouble(doc.get("ntoken")));
      sizes.get("nostop").put(doc.get("doc_id"), Double.parseDouble(doc.get("ntoken_nostop")));
    }
    int checked = 0;
    List<String> failures = new ArrayList<>();
    for (CSVRecord row : csv("keyness_full.csv.gz")) {
      String measure = row.get("measure");
      if (measure.equals("pmi")) {
        continue;
      }
      Map<String, Double> size = sizes.get(row.get("stopwords"));
      double target = size.get(row.get("target"));
      double reference = size.values().stream().mapToDouble(Double::doubleValue).sum() - target;
      TwoByTwo table = new TwoByTwo(
          Double.parseDouble(row.get("n_target")), Double.parseDouble(row.get("n_reference")), target, reference);
      Correction correction = row.get("correction").equals("none") ? Correction.NONE : Correction.DEFAULT;
      double ours = measure.equals("chi2") ? QuantedaKeyness.chi2(table, correction) : QuantedaKeyness.lr(table, correction);
      double theirs = Double.parseDouble(row.get("stat"));
      double tolerance = 1e-9 * Math.max(1.0, Math.abs(theirs));
      if (Math.abs(ours - theirs) > tolerance) {
        failures.add(row.get("target") + " " + row.get("feature") + " " + measure + "/" + row.get("correction")
            + ": quanteda " + theirs + ", ours " + ours);
      }
      double p = Keyness.pValue(ours);
      if (Math.abs(p - Double.parseDouble(row.get("p"))) > 1e-9) {
        failures.add(row.get("feature") + " p: quanteda " + row.get("p") + ", ours " + p);
      }
      checked++;
    }
    assertEquals(List.of(), failures.size() > 20 ? failures.subList(0, 20) : failures);
    assertTrue(checked == 2 * 2 * (7115 + 6590), "checked " + checked + " rows");
  }
}
