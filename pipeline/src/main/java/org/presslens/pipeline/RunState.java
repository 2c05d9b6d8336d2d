package org.presslens.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.presslens.transforms.state.Member;
import org.presslens.transforms.state.Memo;
import org.presslens.transforms.state.SegmentStore;

/**
 * The analysis state a run builds on and adds to: the cache's segment store with the members of
 * the live segments of the last successful run (those that can be read: a damaged one is left out,
 * so its documents are analysed again), the stored totals it can use, its memo files, this run's id, and the full-detail
 * folder of the last run's reports, whose files of kept segments stay where they are. Without
 * {@code --cacheDir} there is no store.
 */
record RunState(SegmentStore store, Map<String, List<Member>> live, List<String> liveIds, List<String> totals,
    String runId, String previousDataDir) {

  static RunState none() {
    return new RunState(null, Map.of(), List.of(), List.of(), "", "");
  }

  /** The results of {@code kind} the last run remembered, and where this run remembers its own. */
  Memo memo(String kind) {
    return store == null ? Memo.none() : Memo.of(store, kind, liveIds, runId);
  }

  /** The state in {@code folder} (the cache folder of the run's settings). */
  static RunState in(String folder, String previousDataDir) throws IOException {
    SegmentStore store = new SegmentStore(folder);
    String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").format(Instant.now().atOffset(ZoneOffset.UTC))
        + "-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> liveIds = store.live();
    Map<String, List<Member>> live = new TreeMap<>();
    for (String id : liveIds) {
      List<Member> members = SegmentStore.isSegment(id) ? store.readMembers(id) : null;
      if (members != null) {
        live.put(id, members);
      }
    }
    return new RunState(store, live, liveIds, usableTotals(store, live, liveIds), runId, previousDataDir);
  }

  /**
   * The live totals files, the outlets' sums of the live segments; none when a live segment's
   * members could not be read (the totals then hold documents that are analysed again) or a
   * totals file is missing (the kept segments are summed instead).
   */
  private static List<String> usableTotals(SegmentStore store, Map<String, List<Member>> live, List<String> liveIds)
      throws IOException {
    boolean allRead = liveIds.stream().filter(SegmentStore::isSegment).allMatch(live::containsKey);
    List<String> totals = SegmentStore.liveTotals(liveIds);
    return allRead && store.hasTotals(totals) ? totals : List.of();
  }
}
