package org.presslens.transforms.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import org.presslens.transforms.Stage;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.reports.DocumentTables;

/**
 * A segment being built inside one bundle: members, tables and postings in memory, each member's
 * analysis streamed to the store (with a store) and each counted document's rows to a part of the
 * per-document tables, so that no document is held after it was added. A rebuilt segment's
 * member whose part stays as the last run left it {@linkplain #keep keeps} it.
 */
final class OpenSegment implements AutoCloseable {

  /** The id's start: the run (and whether it rebuilds); the members' hash completes it. */
  private final String prefix;
  private final SegmentSums builder;
  private final SegmentStore.DocumentsWriter docs;
  private final DocumentTables.Writer terms;

  private OpenSegment(String prefix, SegmentStore store, DocumentTables documentTables, SegmentSums builder)
      throws IOException {
    this.prefix = prefix;
    this.builder = builder;
    // files are written under a provisional name and take the segment's id when it is complete
    String provisional = prefix + "-partial-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    this.docs = store == null ? null : store.startSegment(provisional);
    this.terms = documentTables.open(prefix);
  }

  /**
   * A new segment of run {@code runId} (empty: a run without a store). Its id is the run's and a
   * hash of its members' doc_ids: a task the runner repeats builds the same segment from the same
   * documents, and its files replace the first attempt's instead of standing beside them.
   */
  static OpenSegment start(String runId, SegmentStore store, DocumentTables documentTables) {
    return open(runId.isEmpty() ? "run" : runId, store, documentTables, new Segment.Builder());
  }

  /**
   * A new segment of run {@code runId} built from a stored one that lost members ({@link
   * ShrinkingSegment}): each stored member's analysis is {@linkplain #add added} or {@linkplain #drop dropped}.
   *
   * @param remaining the stored members that remain, by doc_id, and whether each is a copy now
   */
  static OpenSegment shrinking(String runId, SegmentStore store, DocumentTables documentTables, Segment stored,
      Map<String, Boolean> remaining) {
    return open(runId, store, documentTables, new ShrinkingSegment(stored, remaining));
  }

  private static OpenSegment open(String prefix, SegmentStore store, DocumentTables documentTables, SegmentSums sums) {
    try {
      return new OpenSegment(prefix, store, documentTables, sums);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds a document; a copy is stored but counts nowhere. */
  void add(AnalyzedDocument doc, boolean copy) {
    add(doc, copy, null);
  }

  /**
   * Adds a stored document that counts, as it counted before, whose rows stay in {@code part} of
   * the per-document tables (a part of the last run all of whose documents count as before).
   */
  void keep(AnalyzedDocument doc, String part) {
    add(doc, false, part);
  }

  /** Adds a document, whose rows are written to a part of this segment unless it is a copy or {@code keptPart} holds them. */
  private void add(AnalyzedDocument doc, boolean copy, String keptPart) {
    Stage.COUNTING.time(() -> {
      builder.add(doc, copy);
      try {
        if (docs != null) {
          docs.add(doc);
        }
        if (keptPart != null) {
          terms.keep(doc, keptPart);
        } else if (!copy) {
          terms.add(doc);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    });
  }

  /** A document of the segment this one is built from that is not a member of this one. */
  void drop(AnalyzedDocument doc) {
    Stage.COUNTING.time(() -> {
      builder.drop(doc);
      return null;
    });
  }

  int size() {
    return builder.size();
  }

  long termEntries() {
    return builder.termEntries();
  }

  /** The finished segment, its files complete. */
  Segment finish() {
    return Stage.COUNTING.time(() -> {
      try {
        Segment segment = builder.build(prefix + "-" + builder.membersHash()).withParts(terms.finish());
        if (docs != null) {
          docs.finish(segment);
        }
        return segment;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public void close() throws IOException {
    if (docs != null) {
      docs.close();
    }
    terms.close();
  }
}
