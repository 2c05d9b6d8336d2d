package org.presslens.pipeline;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.runners.TransformHierarchy;

public class CountTransformsProbe {
  public static void main(String[] args) throws Exception {
    PressLensOptions options = SeedRun.options(args);
    RunSetup setup = RunSetup.from(options);
    Pipeline p = Pipeline.create(options);
    ReportPipeline.build(p, setup, options, "/tmp/probe/out");
    int[] counts = new int[2];
    p.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override public void visitPrimitiveTransform(TransformHierarchy.Node node) { counts[0]++; }
      @Override public void visitValue(org.apache.beam.sdk.values.PValue value, TransformHierarchy.Node producer) { counts[1]++; }
    });
    System.out.println("primitive transforms: " + counts[0] + ", pcollections: " + counts[1]);
  }
}
