package org.presslens.transforms.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.Test;

/** The models read without OpenNLP's model classes: the same outcomes and parameters, and clear refusals. */
class NameFinderModelsTest {

  @Test
  void everyFeatureOfEveryModelHasOpenNlpsProbabilities() {
    SharedFeatureNameFinders shared = SharedFeatureNameFinders.of(NameFinderModels.shared());
    assertEquals(NameFinderModels.TYPES, NameFinderModels.shared().types());
    OpenNlpNameFinders.models().forEach((type, model) -> {
      MaxentModel maxent = model.getArtifact(NameFinderModels.MAXENT_MODEL_ENTRY);
      int m = NameFinderModels.shared().types().indexOf(type);
      String[] outcomes = new String[maxent.getNumOutcomes()];
      Arrays.setAll(outcomes, maxent::getOutcome);
      assertArrayEquals(outcomes, NameFinderModels.shared().parameters().outcomes(m), type);
      @SuppressWarnings("unchecked")
      Map<String, ?> features = (Map<String, ?>) ((GISModel) maxent).getDataStructures()[1];
      assertTrue(features.size() > 300_000, type + ": " + features.size() + " features");
      for (String feature : features.keySet()) {
        String[] one = {feature};
        assertArrayEquals(maxent.eval(one), shared.evaluate(type, one), 0.0, type + " " + feature);
      }
    });
  }

  @Test
  void refusesModelsWithOtherFeaturesOrArtifacts() throws IOException {
    Map<String, byte[]> entries = entries(NameFinderModels.fileName("person"));
    entries.put("generator.featuregen", "<generators/>".getBytes());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NameFinderModels.of(Map.of("person", zip(entries))));
    assertTrue(e.getMessage().contains("1.5-style name finders only"), e.getMessage());
  }

  @Test
  void refusesDamagedModels() throws IOException {
    Map<String, byte[]> entries = entries(NameFinderModels.fileName("location"));
    byte[] gis = entries.get(NameFinderModels.MAXENT_MODEL_ENTRY);
    entries.put(NameFinderModels.MAXENT_MODEL_ENTRY, Arrays.copyOf(gis, gis.length / 2));
    IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
        () -> NameFinderModels.of(Map.of("location", zip(entries))));
    assertTrue(truncated.getMessage().contains("cannot be read"), truncated.getMessage());

    entries.put(NameFinderModels.MAXENT_MODEL_ENTRY, "\u0000\u0003QN!".getBytes());
    IllegalArgumentException otherType = assertThrows(IllegalArgumentException.class,
        () -> NameFinderModels.of(Map.of("location", zip(entries))));
    assertTrue(otherType.getMessage().contains("model type QN!"), otherType.getMessage());

    IllegalArgumentException notZip = assertThrows(IllegalArgumentException.class,
        () -> NameFinderModels.of(Map.of("location", "not a model".getBytes())));
    assertTrue(notZip.getMessage().contains("location"), notZip.getMessage());
  }

  private static Map<String, byte[]> entries(String file) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = NameFinderModelsTest.class.getResourceAsStream(NameFinderModels.RESOURCE_DIR + file);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    assertEquals(List.of(NameFinderModels.MANIFEST_ENTRY, NameFinderModels.MAXENT_MODEL_ENTRY), List.copyOf(entries.keySet()));
    return entries;
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
