package org.presslens.pipeline;

import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.io.ReadTextFiles;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.reports.DocumentsReport;
import org.presslens.transforms.reports.RejectedReport;
import org.presslens.transforms.reports.ReportSpec;
import org.presslens.transforms.reports.TermFrequencyReport;
import org.presslens.transforms.reports.WriteReport;

/** The pipeline as a table of contents: read, analyse, and one composite transform per report. */
final class ReportPipeline {

  /** The CSV reports the pipeline writes, in the order the data dictionary lists them. */
  static final List<ReportSpec> REPORTS = List.of(DocumentsReport.SPEC, RejectedReport.SPEC, TermFrequencyReport.SPEC);

  private ReportPipeline() {}

  static void build(Pipeline pipeline, RunSetup setup, PressLensOptions options) {
    String out = setup.outputDir();

    PCollectionTuple read = pipeline.apply("ReadCorpus", ReadTextFiles.from(setup.inputRoot(), setup.manifest()));
    PCollectionTuple analyzed = read.get(ReadTextFiles.DOCUMENTS)
        .apply("AnalyzeText", AnalyzeDocuments.with(setup.textOptions()));
    PCollection<AnalyzedDocument> docs = analyzed.get(AnalyzeDocuments.ANALYZED);
    PCollection<RejectedInput> rejected = PCollectionList.of(read.get(ReadTextFiles.REJECTED))
        .and(analyzed.get(AnalyzeDocuments.REJECTED))
        .apply("AllRejected", Flatten.pCollections());

    docs.apply("DocumentsReport", DocumentsReport.create())
        .apply("WriteDocuments", WriteReport.to(out, DocumentsReport.SPEC));
    rejected.apply("RejectedReport", RejectedReport.create())
        .apply("WriteRejected", WriteReport.to(out, RejectedReport.SPEC));
    docs.apply("TermFrequencyReport", TermFrequencyReport.withMinCount(options.getMinCount()))
        .apply("WriteTermFrequencies", WriteReport.to(out, TermFrequencyReport.SPEC));
  }
}
