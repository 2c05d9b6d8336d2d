package org.presslens.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.WithKeys;
import org.presslens.pipeline.html.GraphMl;
import org.presslens.pipeline.html.HtmlReport;
import org.presslens.transforms.AnalyzeDocuments;
import org.presslens.transforms.CheckDocuments;
import org.presslens.transforms.FindDuplicates;
import org.presslens.transforms.RemoveBoilerplate;
import org.presslens.transforms.SpillToFiles;
import org.presslens.transforms.WaitFor;
import org.presslens.transforms.dedup.Duplicate;
import org.presslens.transforms.reports.BoilerplateReport;
import org.presslens.transforms.reports.DuplicatesReport;
import org.presslens.transforms.MergeNameVariants;
import org.presslens.transforms.SumTables;
import org.presslens.transforms.SumPeriods;
import org.presslens.transforms.reports.TrendOptions;
import org.presslens.transforms.reports.TrendReport;
import org.presslens.transforms.reports.DocumentTables;
import org.presslens.transforms.state.Memo;
import org.presslens.transforms.state.KeepTotals;
import org.presslens.transforms.state.Segment;
import org.presslens.transforms.state.UpdateSegments;
import org.presslens.transforms.io.CorpusTags;
import org.presslens.transforms.io.RejectDuplicateIds;
import org.presslens.transforms.model.DocumentFacts;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.reports.ContrastOptions;
import org.presslens.transforms.reports.DocumentsReport;
import org.presslens.transforms.reports.EntitiesReport;
import org.presslens.transforms.reports.EntityVariantsReport;
import org.presslens.transforms.reports.EntityMentionsReport;
import org.presslens.transforms.reports.EntityCooccurrenceReport;
import org.presslens.transforms.reports.KeywordInContextReport;
import org.presslens.transforms.boilerplate.BoilerplateHashes;
import org.presslens.transforms.reports.OutletContrastReport;
import org.presslens.transforms.reports.RejectedReport;
import org.presslens.transforms.parquet.ParquetTable;
import org.presslens.transforms.reports.ReportSpec;
import org.presslens.transforms.reports.ReportTiers;
import org.presslens.transforms.reports.TermFrequencyReport;
import org.presslens.transforms.reports.ReportBlock;
import org.presslens.transforms.reports.WriteReports;
import org.presslens.transforms.reports.WriteRows;

/** The pipeline as a table of contents: read, analyse, and one composite transform per report. */
final class ReportPipeline {

  /** The CSV reports the pipeline can write, in the order the data dictionary lists them. */
  static final List<ReportSpec> REPORTS = List.of(DocumentsReport.SPEC, RejectedReport.SPEC, DuplicatesReport.SPEC,
      BoilerplateReport.SPEC, TermFrequencyReport.SPEC, OutletContrastReport.SPEC, KeywordInContextReport.SPEC,
      EntitiesReport.SPEC, EntityVariantsReport.SPEC, EntityMentionsReport.SPEC, EntityCooccurrenceReport.SPEC,
      TrendReport.EMERGING, TrendReport.TERM_TRENDS, TrendReport.ENTITY_TRENDS);

  private static final List<ReportSpec> ENTITY_REPORTS = List.of(EntitiesReport.SPEC, EntityVariantsReport.SPEC,
      EntityMentionsReport.SPEC, EntityCooccurrenceReport.SPEC, TrendReport.ENTITY_TRENDS);

  /** The reports whose rows stand for single items ({@link WriteRows}); the others are written in blocks. */
  private static final List<ReportSpec> ROW_REPORTS = List.of(DocumentsReport.SPEC, RejectedReport.SPEC, DuplicatesReport.SPEC);

  /** The CSV reports a run writes: all but the entity reports with --entities=false. */
  static List<ReportSpec> reports(boolean entities) {
    return entities ? REPORTS : REPORTS.stream().filter(r -> !ENTITY_REPORTS.contains(r)).toList();
  }

  /** The files a run counts as its reports: the CSV reports, the run manifest, report.html and (with entities) the GraphML file. */
  static List<String> reportFiles(boolean entities) {
    List<String> files = new ArrayList<>(reports(entities).stream().map(ReportSpec::fileName).toList());
    files.add(RunManifest.SPEC.fileName());
    files.add(HtmlReport.FILE_NAME);
    if (entities) {
      files.add(GraphMl.FILE_NAME);
    }
    return files;
  }

  private ReportPipeline() {}

  /** Every file a run can write at the top of its output folder: the CSV reports and the side files. */
  static Set<String> outputNames() {
    Set<String> names = new TreeSet<>();
    REPORTS.forEach(r -> names.add(r.fileName()));
    names.addAll(List.of(RunManifest.SPEC.fileName(), HtmlReport.FILE_NAME, GraphMl.FILE_NAME, DataDictionary.FILE_NAME,
        ReportTiers.DATA_FOLDER));
    return names;
  }

  /** The full-detail tables a run writes, in data dictionary order (none without --parquet). */
  static List<ParquetTable> tables(RunConfig config) {
    if (!config.parquet()) {
      return List.of();
    }
    List<ParquetTable> tables = new ArrayList<>();
    for (ReportSpec report : reports(config.entities())) {
      if (report == EntityMentionsReport.SPEC) {
        tables.add(EntityMentionsReport.TABLE);
      } else if (report != KeywordInContextReport.SPEC) {
        tables.add(ParquetTable.of(report));
      }
      if (report == TermFrequencyReport.SPEC) {
        tables.add(TermFrequencyReport.DOCUMENT_TERMS);
      }
    }
    return tables;
  }

  /** How the CSV files of a run select their rows, by file name (files without a rule list every row, up to the cap). */
  static Map<String, String> selections(ReportTiers tiers, TrendOptions trends) {
    Map<String, String> rules = new TreeMap<>(TrendReport.selections(trends));
    rules.putAll(Map.of(
        TermFrequencyReport.SPEC.fileName(), TermFrequencyReport.selection(tiers),
        OutletContrastReport.SPEC.fileName(), OutletContrastReport.selection(tiers),
        EntitiesReport.SPEC.fileName(), EntitiesReport.selection(tiers),
        EntityVariantsReport.SPEC.fileName(), EntityVariantsReport.selection(tiers),
        EntityMentionsReport.SPEC.fileName(), EntityMentionsReport.selection(tiers),
        EntityCooccurrenceReport.SPEC.fileName(), EntityCooccurrenceReport.selection(tiers)));
    return rules;
  }

  /**
   * @param out the folder the reports are written to
   * @param state what the run builds on and adds to (no store: a run without cache)
   */
  static void build(Pipeline pipeline, RunConfig config, String out, RunState state) {
    ReportTiers tiers = config.tiers(out);

    PCollectionTuple read = pipeline.apply("ReadCorpus", config.input().reader());
    PCollectionTuple unique = read.get(CorpusTags.DOCUMENTS).apply("RejectDuplicateIds", RejectDuplicateIds.create());
    PCollectionTuple checked = unique.get(CorpusTags.DOCUMENTS).apply("CheckDocuments",
        CheckDocuments.with(config.limits()).remembering(state.memo(Memo.LANGUAGE), state.memo(Memo.WORDS)));
    // A run that analyses every document lets the texts wait for the boilerplate counts, and
    // then for the analysis, in files; a rerun analyses only what changed.
    boolean analyseAll = state.live().isEmpty();
    RemoveBoilerplate removeBoilerplate = RemoveBoilerplate.with(config.boilerplate()).remembering(state.memo(Memo.LINES));
    PCollectionTuple cleaned = checked.get(CorpusTags.DOCUMENTS).apply("RemoveBoilerplate",
        analyseAll ? removeBoilerplate.spillingInto(spillFolder(out)) : removeBoilerplate);
    PCollection<Duplicate> copies = cleaned.get(CorpusTags.DOCUMENTS)
        .apply("FindDuplicates", FindDuplicates.withThreshold(config.duplicateSimilarity())
            .remembering(state.memo(Memo.FINGERPRINT)));
    PCollectionView<Map<String, Duplicate>> copyById = copies
        .apply("ByDocId", WithKeys.of(Duplicate::docId)).setCoder(KvCoder.of(StringUtf8Coder.of(), copies.getCoder()))
        .apply("CopiesView", View.asMap());
    UpdateSegments update = UpdateSegments.of(analysis(config), config.keepDuplicates() ? null : copyById,
        DocumentTables.in(tiers.dataDir(), state.previousDataDir(), config.entities())).spillingInto(spillFolder(out));
    PCollectionView<Map<String, BoilerplateHashes>> boilerplate = analyseAll
        ? cleaned.get(RemoveBoilerplate.HASHES).apply("BoilerplateByOutlet", RemoveBoilerplate.byOutlet())
        : null;
    if (analyseAll) {
      // The analysis reads its files once its side inputs (the boilerplate, the copies) are
      // complete (files that came before would be set aside and tried again), each file in a
      // bundle of its own, so that the workers share them evenly (WaitFor).
      PCollection<BoilerplateHashes> counted = cleaned.get(RemoveBoilerplate.HASHES);
      PCollection<?>[] sideInputs = config.keepDuplicates()
          ? new PCollection<?>[] {counted} : new PCollection<?>[] {counted, copies};
      PCollection<String> files = cleaned.get(RemoveBoilerplate.CHECKED_FILES)
          .apply("FilesWaitForSideInputs", WaitFor.completionOf((String file) -> file, sideInputs).inOwnBundles());
      update = update.readingFiles(files, boilerplate);
    }
    PCollectionTuple analyzed = cleaned.get(CorpusTags.DOCUMENTS).apply("UpdateSegments",
        state.store() == null ? update : update.keptIn(state.store(), state.live(), state.runId(), state.totals()));
    PCollection<Segment> segments = analyzed.get(UpdateSegments.SEGMENTS);
    PCollection<RejectedInput> rejected = PCollectionList.of(read.get(CorpusTags.REJECTED))
        .and(unique.get(CorpusTags.REJECTED))
        .and(checked.get(CorpusTags.REJECTED))
        .and(cleaned.get(CorpusTags.REJECTED))
        .and(analyzed.get(UpdateSegments.REJECTED))
        .and(pipeline.apply("SetupRejects",
            Create.of(config.setupRejects()).withCoder(RejectedInput.RejectedInputCoder.of())))
        .apply("AllRejected", Flatten.pCollections());

    analyzed.get(UpdateSegments.FACTS)
        .apply("FactsWaitForCopies", WaitFor.completionOf(DocumentFacts::docId, copies))
        .apply("DocumentsReport", DocumentsReport.withCopies(copyById))
        .apply("WriteDocuments", WriteRows.to(out, DocumentsReport.SPEC, tiers));
    rejected.apply("RejectedReport", RejectedReport.create())
        .apply("WriteRejected", WriteRows.to(out, RejectedReport.SPEC, tiers));
    copies.apply("DuplicatesReport", DuplicatesReport.create())
        .apply("WriteDuplicates", WriteRows.to(out, DuplicatesReport.SPEC, tiers));

    PCollectionTuple tables = segments.apply("SumTables", SumTables.create());
    if (state.store() != null) {
      tables.apply("KeepTotals", KeepTotals.in(state.store(), state.runId()));
    }
    PCollectionTuple periods = segments.apply("SumPeriods", SumPeriods.of(config.trendOptions(),
        state.store() == null ? "" : state.runId()));
    ContrastOptions contrast = config.contrastOptions();
    PCollectionTuple contrasts = tables.apply("OutletContrastReport", OutletContrastReport.with(contrast, tiers));
    // The concordance reads the texts from the files the run has written already, when it has.
    KeywordInContextReport concordance = KeywordInContextReport.of(contrast, config.textOptions(), spillFolder(out));
    PCollectionTuple concordanceInput = PCollectionTuple.of(KeywordInContextReport.SEGMENTS, segments)
        .and(KeywordInContextReport.TERMS, contrasts.get(OutletContrastReport.TOP_TERMS));
    concordanceInput = analyseAll
        ? concordanceInput.and(KeywordInContextReport.CHECKED_FILES, cleaned.get(RemoveBoilerplate.CHECKED_FILES))
        : concordanceInput.and(KeywordInContextReport.TEXTS, cleaned.get(CorpusTags.DOCUMENTS));
    PCollectionList<ReportBlock> blocks = PCollectionList
        .of(cleaned.get(RemoveBoilerplate.LINES).apply("BoilerplateReport", BoilerplateReport.of(tiers)))
        .and(tables.apply("TermFrequencyReport", TermFrequencyReport.of(config.minCount(), tiers)))
        .and(contrasts.get(OutletContrastReport.REPORT))
        .and(concordanceInput.apply("KeywordInContextReport", analyseAll
            ? concordance.readingFiles(checked.get(CorpusTags.DOCUMENTS).getCoder(), boilerplate)
            : concordance));
    PCollectionTuple sums = PCollectionTuple.of(SumTables.CORPUS, tables.get(SumTables.CORPUS))
        .and(SumTables.BY_OUTLET, tables.get(SumTables.BY_OUTLET))
        .and(SumPeriods.PLAN, periods.get(SumPeriods.PLAN))
        .and(SumPeriods.BY_OUTLET, periods.get(SumPeriods.BY_OUTLET))
        .and(SumPeriods.CORPUS, periods.get(SumPeriods.CORPUS));
    if (config.entities()) {
      sums = sums.apply("MergeNameVariants", MergeNameVariants.with(config.gazetteer()));
      PCollection<OutletTables> corpus = sums.get(SumTables.CORPUS);
      blocks = blocks
          .and(corpus.apply("EntitiesReport", EntitiesReport.of(config.minEntityCount(), tiers)))
          .and(tables.get(SumTables.CORPUS).apply("EntityVariantsReport", EntityVariantsReport.of(config.gazetteer(), tiers)))
          .and(corpus.apply("EntityMentionsReport", EntityMentionsReport.of(config.minEntityCount(), tiers)))
          .and(sums.apply("EntityCooccurrenceReport", EntityCooccurrenceReport.of(config.minPairCount(), tiers)));
    }
    blocks = blocks.and(sums.apply("TrendReport", TrendReport.of(config.trendOptions(), contrast, tiers, config.entities())));
    List<ReportSpec> written = reports(config.entities()).stream().filter(r -> !ROW_REPORTS.contains(r)).toList();
    blocks.apply("AllBlocks", Flatten.pCollections())
        .apply("WriteReports", WriteReports.to(out, written).withMaxRows(tiers.maxRows()));
  }

  /**
   * Where the segments' large tables wait for the sums and the concordance's inputs for the
   * distinctive terms: the run's own, deleted after the pipeline ({@link #removeSpill}).
   */
  static String spillFolder(String out) {
    return FileSystems.matchNewResource(out, true).resolve(".spill", StandardResolveOptions.RESOLVE_DIRECTORY).toString();
  }

  /** Deletes what the pipeline spilled ({@link #spillFolder}), before the reports are moved into place. */
  static void removeSpill(String out) throws IOException {
    SpillToFiles.delete(spillFolder(out));
  }

  private static AnalyzeDocuments analysis(RunConfig config) {
    return config.entities() ? AnalyzeDocuments.with(config.textOptions(), config.gazetteer())
        : AnalyzeDocuments.withoutEntities(config.textOptions());
  }
}
