package org.presslens.transforms.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.presslens.transforms.Stage;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.reports.DocumentTerms;

/**
 * A segment being built inside one bundle: members, tables and postings in memory, each member's
 * analysis streamed to the store (with a store) and each counted document's terms to the
 * segment's file of the document_terms table, so that no document is held after it was added.
 */
final class OpenSegment implements AutoCloseable {

  private final String id;
  private final Segment.Builder builder = new Segment.Builder();
  private final SegmentStore.DocumentsWriter docs;
  private final DocumentTerms.Writer terms;

  private OpenSegment(String id, SegmentStore store, DocumentTerms documentTerms) throws IOException {
    this.id = id;
    this.docs = store == null ? null : store.startSegment(id);
    this.terms = documentTerms.open(id);
  }

  /** A new segment of run {@code runId} (empty: a run without a store), with a unique id. */
  static OpenSegment start(String runId, SegmentStore store, DocumentTerms documentTerms) {
    String id = (runId.isEmpty() ? "run" : runId) + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try {
      return new OpenSegment(id, store, documentTerms);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds a document; a copy is stored but counts nowhere. */
  void add(AnalyzedDocument doc, boolean copy) {
    Stage.COUNTING.time(() -> {
      builder.add(doc, copy);
      try {
        if (docs != null) {
          docs.add(doc);
        }
        if (!copy) {
          terms.add(doc);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    });
  }

  int size() {
    return builder.size();
  }

  /** The finished segment, its files complete. */
  Segment finish() {
    return Stage.COUNTING.time(() -> {
      Segment segment = builder.build(id);
      try {
        if (docs != null) {
          docs.finish(segment);
        }
        terms.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return segment;
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
