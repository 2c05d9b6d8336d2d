package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RunDefaultsTest {

  @Test
  void withoutARunnerTheDirectRunnersChecksAreSwitchedOff() {
    assertArrayEquals(new String[] {"--input=x", "--enforceImmutability=false", "--enforceEncodability=false",
        "--blockOnRun=false"}, RunDefaults.forArgs(new String[] {"--input=x"}));
  }

  @Test
  void sparkKeepsItsCollectionsOnDisk() {
    assertArrayEquals(new String[] {"--runner=SparkRunner", "--storageLevel=DISK_ONLY"},
        RunDefaults.forArgs(new String[] {"--runner=SparkRunner"}));
  }

  @Test
  void whatTheUserGivesIsKept() {
    String[] spark = {"--runner=SparkRunner", "--storageLevel=MEMORY_ONLY"};
    assertArrayEquals(spark, RunDefaults.forArgs(spark));
    String[] direct = {"--runner=DirectRunner", "--enforceImmutability=true", "--enforceEncodability",
        "--blockOnRun=true"};
    assertArrayEquals(direct, RunDefaults.forArgs(direct));
    String[] flink = {"--runner=FlinkRunner"};
    assertArrayEquals(flink, RunDefaults.forArgs(flink));
  }
}
