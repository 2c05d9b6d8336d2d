package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunDefaultsTest {

  private static final long HEAP = 6L << 30;

  @Test
  void withoutARunnerTheDirectRunnersChecksAreSwitchedOff() {
    assertArrayEquals(new String[] {"--input=x", "--enforceImmutability=false", "--enforceEncodability=false",
        "--blockOnRun=false"}, RunDefaults.forArgs(new String[] {"--input=x"}));
  }

  @Test
  void sparkKeepsTheCollectionsOfSmallInputsSerializedInMemoryAndOfLargeOnesOnDisk() {
    long largestInMemory = HEAP / RunDefaults.HEAP_PER_INPUT_IN_MEMORY;
    assertEquals(12_582_912, largestInMemory); // 12 MB of input for a 6 GB heap
    String[] spark = {"--runner=SparkRunner"};
    assertArrayEquals(new String[] {"--runner=SparkRunner", "--storageLevel=MEMORY_AND_DISK_SER"},
        RunDefaults.forSpark(spark, largestInMemory, HEAP));
    assertArrayEquals(new String[] {"--runner=SparkRunner", "--storageLevel=DISK_ONLY"},
        RunDefaults.forSpark(spark, largestInMemory + 1, HEAP));
    assertArrayEquals(new String[] {"--runner=SparkRunner", "--storageLevel=DISK_ONLY"},
        RunDefaults.forSpark(spark, 8_200_000, 1L << 30)); // the 1x corpus with a 1 GB heap
  }

  @Test
  void otherRunnersGetNoStorageLevel() {
    String[] direct = RunDefaults.forArgs(new String[] {"--input=x"});
    assertArrayEquals(direct, RunDefaults.forSpark(direct, 1L << 40, HEAP));
    String[] flink = {"--runner=FlinkRunner"};
    assertArrayEquals(flink, RunDefaults.forSpark(flink, 1L << 40, HEAP));
  }

  @Test
  void sparkIsRecognisedWhetherChosenOrGiven() {
    assertTrue(RunDefaults.onSpark(EmbeddedRunner.forInput(new String[] {"--input=x"}, EmbeddedRunner.SPARK_FROM_BYTES, 2)));
    assertTrue(RunDefaults.onSpark(new String[] {"--runner=SparkRunner", "--input=x"}));
    assertTrue(RunDefaults.onSpark(new String[] {"--runner=org.apache.beam.runners.spark.SparkRunner"}));
    assertFalse(RunDefaults.onSpark(new String[] {"--input=x"}));
    assertFalse(RunDefaults.onSpark(new String[] {"--runner=FlinkRunner"}));
    assertFalse(RunDefaults.onSpark(new String[] {"--runner=DirectRunner"}));
  }

  @Test
  void whatTheUserGivesIsKept() {
    String[] spark = {"--runner=SparkRunner", "--storageLevel=MEMORY_ONLY"};
    assertArrayEquals(spark, RunDefaults.forArgs(spark));
    assertArrayEquals(spark, RunDefaults.forSpark(spark, 1L << 40, HEAP));
    String[] direct = {"--runner=DirectRunner", "--enforceImmutability=true", "--enforceEncodability",
        "--blockOnRun=true"};
    assertArrayEquals(direct, RunDefaults.forArgs(direct));
    String[] flink = {"--runner=FlinkRunner"};
    assertArrayEquals(flink, RunDefaults.forArgs(flink));
  }
}
