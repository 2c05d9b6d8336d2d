package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.presslens.transforms.TestDocuments.analyzed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodedTablesTest {

  @TempDir Path dir;

  private static OutletTables tables() {
    OutletTables t = new OutletTables();
    t.add(analyzed("a", "RT", 5, Map.of("nato", 2, "asia", 1)));
    Map<String, Integer> many = new java.util.HashMap<>();
    for (int i = 0; i < 200; i++) {
      many.put("term" + i, i + 1);
    }
    t.add(analyzed("b", "RT", 3, many));
    return t;
  }

  @Test
  void decodesToTheTablesItWasMadeOfInMemoryAndSpilled() throws Exception {
    OutletTables t = tables();
    EncodedTables inMemory = EncodedTables.of(t);
    assertFalse(inMemory.spilled());
    assertEquals(t.terms(), inMemory.decode().terms());

    EncodedTables spilled = inMemory.spilledInto(dir.toString(), 1);
    assertTrue(spilled.spilled());
    assertEquals(inMemory.length(), spilled.length());
    assertEquals(t.terms(), spilled.decode().terms());
    assertEquals(inMemory, spilled, "the same bytes");
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "one file");
    }
    assertSame(inMemory, inMemory.spilledInto(dir.toString(), inMemory.length() + 1), "smaller than the limit: kept in memory");
    assertSame(spilled, spilled.spilledInto(dir.toString(), 1), "spilled once");
  }

  @Test
  void crossesAShuffleAsBytesOrAsTheFilesName() throws Exception {
    EncodedTables inMemory = EncodedTables.of(tables());
    EncodedTables spilled = inMemory.spilledInto(dir.toString(), 0);
    CoderProperties.coderDecodeEncodeEqual(EncodedTables.EncodedTablesCoder.of(), inMemory);
    CoderProperties.coderDecodeEncodeEqual(EncodedTables.EncodedTablesCoder.of(), spilled);
    assertTrue(CoderUtils.encodeToByteArray(EncodedTables.EncodedTablesCoder.of(), spilled).length
        < inMemory.length(), "a spilled table crosses as its file's name");
    assertEquals(EncodedTables.EncodedTablesCoder.of(), CoderRegistry.createDefault().getCoder(EncodedTables.class));
  }
}
