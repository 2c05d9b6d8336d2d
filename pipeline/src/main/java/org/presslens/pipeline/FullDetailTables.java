package org.presslens.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.presslens.transforms.parquet.ParquetRowWriter;
import org.presslens.transforms.parquet.ParquetTable;
import org.presslens.transforms.reports.ReportTiers;
import org.presslens.transforms.reports.DocumentTables;
import org.presslens.transforms.reports.ScopeRows;

/**
 * The full-detail tier after a run: every table has at least one file, so readers always find its
 * schema, and no folder that Beam's file writer used for its temporary files is left behind.
 */
final class FullDetailTables {

  private FullDetailTables() {}

  /**
   * Writes an empty file into each table that the run gave no rows (a corpus without entities, say)
   * and that keeps none of the last run's files.
   *
   * @param kept files of the last run that stay, relative to the output folder
   */
  static void completeEmpty(ReportTiers tiers, List<ParquetTable> tables, Set<String> kept) throws IOException {
    for (ParquetTable table : tables) {
      ResourceId folder = ScopeRows.tableFolder(tiers.dataDir(), table.name());
      MatchResult match = FileSystems.match(folder.resolve("*.parquet", StandardResolveOptions.RESOLVE_FILE).toString(),
          EmptyMatchTreatment.ALLOW);
      String keptPrefix = ReportTiers.DATA_FOLDER + "/" + table.name() + "/";
      // files of tasks that did not finish (the runner ran them again)
      List<ResourceId> partial = FileSystems.match(folder.resolve("*" + DocumentTables.PARTIAL,
          StandardResolveOptions.RESOLVE_FILE).toString(), EmptyMatchTreatment.ALLOW).metadata().stream()
          .map(MatchResult.Metadata::resourceId).toList();
      FileSystems.delete(partial, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      if (match.metadata().isEmpty() && kept.stream().noneMatch(f -> f.startsWith(keptPrefix))) {
        ParquetRowWriter.create(folder.resolve("empty.parquet", StandardResolveOptions.RESOLVE_FILE), table).close();
      }
      if (RunConfig.isLocal(folder.toString())) {
        Path temporary = Path.of(folder.toString(), ".temp-beam");
        if (Files.isDirectory(temporary)) {
          try (Stream<Path> left = Files.list(temporary)) {
            if (left.findAny().isEmpty()) {
              Files.delete(temporary);
            }
          }
        }
      }
    }
  }
}
