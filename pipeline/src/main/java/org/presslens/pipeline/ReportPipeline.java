package org.presslens.pipeline;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.RecognizeEntities;
import org.presslens.transforms.SumTermTables;
import org.presslens.transforms.io.CorpusTags;
import org.presslens.transforms.io.RejectDuplicateIds;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.DocumentEntities;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.reports.ContrastOptions;
import org.presslens.transforms.reports.DocumentsReport;
import org.presslens.transforms.reports.EntitiesReport;
import org.presslens.transforms.reports.EntityCooccurrenceReport;
import org.presslens.transforms.reports.KeywordInContextReport;
import org.presslens.transforms.reports.OutletContrastReport;
import org.presslens.transforms.reports.RejectedReport;
import org.presslens.transforms.reports.ReportSpec;
import org.presslens.transforms.reports.TermFrequencyReport;
import org.presslens.transforms.reports.WriteReport;

/** The pipeline as a table of contents: read, analyse, and one composite transform per report. */
final class ReportPipeline {

  /** The CSV reports the pipeline writes, in the order the data dictionary lists them. */
  static final List<ReportSpec> REPORTS = List.of(DocumentsReport.SPEC, RejectedReport.SPEC, TermFrequencyReport.SPEC,
      OutletContrastReport.SPEC, KeywordInContextReport.SPEC, EntitiesReport.SPEC, EntityCooccurrenceReport.SPEC);

  private ReportPipeline() {}

  /** @param out the folder the reports are written to */
  static void build(Pipeline pipeline, RunSetup setup, PressLensOptions options, String out) {

    PCollectionTuple read = pipeline.apply("ReadCorpus", setup.input().reader());
    PCollectionTuple unique = read.get(CorpusTags.DOCUMENTS).apply("RejectDuplicateIds", RejectDuplicateIds.create());
    PCollectionTuple analyzed = unique.get(CorpusTags.DOCUMENTS)
        .apply("AnalyzeText", AnalyzeDocuments.with(setup.textOptions()));
    PCollection<AnalyzedDocument> docs = analyzed.get(AnalyzeDocuments.ANALYZED);
    PCollection<RejectedInput> rejected = PCollectionList.of(read.get(CorpusTags.REJECTED))
        .and(unique.get(CorpusTags.REJECTED))
        .and(analyzed.get(AnalyzeDocuments.REJECTED))
        .and(pipeline.apply("SetupRejects",
            Create.of(setup.setupRejects()).withCoder(SerializableCoder.of(RejectedInput.class))))
        .apply("AllRejected", Flatten.pCollections());

    docs.apply("DocumentsReport", DocumentsReport.create())
        .apply("WriteDocuments", WriteReport.to(out, DocumentsReport.SPEC));
    rejected.apply("RejectedReport", RejectedReport.create())
        .apply("WriteRejected", WriteReport.to(out, RejectedReport.SPEC));
    PCollectionTuple tables = docs.apply("SumTermTables", SumTermTables.create());
    tables.apply("TermFrequencyReport", TermFrequencyReport.withMinCount(options.getMinCount()))
        .apply("WriteTermFrequencies", WriteReport.to(out, TermFrequencyReport.SPEC));

    ContrastOptions contrast = setup.contrastOptions();
    PCollectionTuple contrasts = tables.apply("OutletContrastReport", OutletContrastReport.with(contrast));
    contrasts.get(OutletContrastReport.REPORT)
        .apply("WriteOutletContrasts", WriteReport.to(out, OutletContrastReport.SPEC));
    PCollectionView<Map<String, List<String>>> distinctive =
        contrasts.get(OutletContrastReport.TOP_TERMS).apply("DistinctiveTerms", View.asMap());
    analyzed.get(AnalyzeDocuments.SENTENCES)
        .apply("KeywordInContextReport", KeywordInContextReport.of(distinctive, contrast))
        .apply("WriteKeywordInContext", WriteReport.to(out, KeywordInContextReport.SPEC));

    PCollection<DocumentEntities> entities = analyzed.get(AnalyzeDocuments.SENTENCES)
        .apply("RecognizeEntities", RecognizeEntities.with(setup.gazetteer()));
    entities.apply("EntitiesReport", EntitiesReport.withMinMentions(options.getMinEntityCount()))
        .apply("WriteEntities", WriteReport.to(out, EntitiesReport.SPEC));
    entities.apply("EntityCooccurrenceReport", EntityCooccurrenceReport.withMinPairCount(options.getMinPairCount()))
        .apply("WriteEntityCooccurrence", WriteReport.to(out, EntityCooccurrenceReport.SPEC));
  }
}
