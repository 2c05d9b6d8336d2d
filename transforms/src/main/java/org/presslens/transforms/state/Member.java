package org.presslens.transforms.state;

import java.io.Serializable;
import org.presslens.transforms.model.AnalyzedDocument;

/**
 * One document of a segment as the state remembers it: the analysed text (its SHA-256 for
 * documents.csv and its {@link org.presslens.transforms.model.TextHash#key key}, by which a rerun
 * knows it again), whether it counted in the statistics or was a copy of another document, its
 * normalised date, the sizes documents.csv reports, the number of its distinct terms and of its
 * entity mentions (its rows in the document_terms and entity_mentions tables), and the part of
 * those tables that holds its rows ({@link org.presslens.transforms.reports.DocumentTables}; empty
 * for a copy, which has none). A document whose text and outlet are the same in a rerun needs no
 * new analysis: its sizes come from here, and its counts stay in its segment's tables (summed again
 * when its copy status changed).
 */
public record Member(String docId, String outlet, String published, String sha256, String textKey, boolean copy,
    int characters, int sentences, long tokens, int types, int terms, int mentions, String part) implements Serializable {

  /** A member whose rows are in no part yet ({@link #inPart}). */
  public static Member of(AnalyzedDocument doc, boolean copy) {
    return new Member(doc.docId(), doc.outlet(), doc.published(), doc.sha256(), doc.textKey(), copy, doc.characters(),
        doc.sentences(), doc.tokens(), doc.types(), doc.termCounts().size(), doc.mentions().size(), "");
  }

  /**
   * Whether a stored member counts otherwise now than it did: it counted and is removed, changed
   * or a copy now, or it was a copy and counts now.
   *
   * @param copyBefore whether it was a copy
   * @param copyNow whether it is a copy now; null when it is not a member any more
   */
  public static boolean countsOtherwise(boolean copyBefore, Boolean copyNow) {
    return Boolean.FALSE.equals(copyNow) == copyBefore;
  }

  /** This member with its rows in the part {@code name} of the per-document tables. */
  public Member inPart(String name) {
    return new Member(docId, outlet, published, sha256, textKey, copy, characters, sentences, tokens, types, terms,
        mentions, name);
  }

  /**
   * Whether the document as it is now has this member's analysis: the same text in the same outlet
   * with the same date (the segment's tables are kept by outlet and by date).
   */
  public boolean sameAs(String outletNow, String publishedNow, String textKeyNow) {
    return outlet.equals(outletNow) && published.equals(publishedNow) && textKey.equals(textKeyNow);
  }
}
