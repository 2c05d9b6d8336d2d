package org.presslens.transforms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.presslens.transforms.TestDocuments.analyzed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void anEntityPartDecodesWithoutItsTermsAndCrossesAShuffleAsOne() throws Exception {
    OutletTables t = withEntities();
    EncodedTables whole = EncodedTables.of(t);
    EncodedTables part = whole.entityPart();
    assertTrue(part.isEntityPart());
    assertFalse(whole.isEntityPart());
    OutletTables decoded = part.decode();
    assertEquals(new TermTable(), decoded.terms(), "no terms, no running words");
    assertEquals(t.entities(), decoded.entities());
    assertEquals(t.cooccurrence(), decoded.cooccurrence());
    assertEquals(t.terms(), whole.decodeTerms(), "the terms alone, the entity part skipped");
    assertEquals(new TermTable(), part.decodeTerms());
    assertFalse(part.equals(whole), "the same bytes, another value");
    CoderProperties.coderDecodeEncodeEqual(EncodedTables.EncodedTablesCoder.of(), part);
    EncodedTables spilled = part.spilledInto(dir.toString(), 0);
    assertTrue(spilled.isEntityPart(), "spilled, still the entity part");
    assertEquals(t.entities(), spilled.decode().entities());
  }

  @Test
  void mergingOwnedTablesGivesTheSumWhicheverIsLarger() {
    OutletTables entityPart = EncodedTables.of(withEntities()).entityPart().decode();
    OutletTables expected = new OutletTables().merge(tables()).merge(tables()).merge(withEntities())
        .merge(EncodedTables.of(withEntities()).entityPart().decode());
    OutletTables bigTerms = tables().merge(tables());
    OutletTables sum = entityPart.mergeOwned(bigTerms).mergeOwned(withEntities());
    assertEquals(expected.terms(), sum.terms());
    assertEquals(expected.entities(), sum.entities());
    assertEquals(expected.cooccurrence(), sum.cooccurrence());
    assertSame(bigTerms.terms(), sum.terms(), "the larger term table is the one added to");
    assertSame(entityPart.cooccurrence(), sum.cooccurrence(), "the larger co-occurrence table is the one added to");
  }

  private static OutletTables withEntities() {
    OutletTables t = new OutletTables();
    t.add(new AnalyzedDocument("c", "RT", "2024-01-02", "", "c.txt", "UTF-8", "", "", 0, 2, 9, 2,
        new java.util.HashMap<>(Map.of("nato", 2, "summit", 1)), new java.util.ArrayList<>(List.of(
            new Mention("NATO", "organization", "NATO", 0, 0, 1, Mention.DICTIONARY),
            new Mention("Jens Stoltenberg", "person", "Stoltenberg", 0, 3, 4, Mention.MODEL, 0.8, 20, 31, "Stoltenberg"))),
        new java.util.HashMap<>()));
    return t;
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
