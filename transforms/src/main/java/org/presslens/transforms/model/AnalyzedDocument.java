package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * The per-document aggregate that flows through the pipeline after analysis: metadata, size
 * statistics, the document's term counts (unigrams and n-grams) and its entity mentions with the
 * text of the sentences that hold them. One element per document, never one per token.
 *
 * @param sha256 SHA-256 of the analysed text (after boilerplate removal), as documents.csv reports it
 * @param textKey the analysed text's {@link TextHash#key key}, by which a rerun knows the text again
 * @param mentions entity mentions (empty when entities are not recognised)
 * @param quoted the text of each sentence (by index from 0) that holds a mention, for evidence
 */
@DefaultCoder(RecordCoders.AnalyzedDocumentCoder.class)
public record AnalyzedDocument(
    String docId,
    String outlet,
    String published,
    String title,
    String sourcePath,
    String charset,
    String sha256,
    String textKey,
    int characters,
    int sentences,
    long tokens,
    int types,
    HashMap<String, Integer> termCounts,
    ArrayList<Mention> mentions,
    HashMap<Integer, String> quoted)
    implements Serializable {

  /** What documents.csv says of the document, written by {@code author}. */
  public DocumentFacts facts(String author) {
    return new DocumentFacts(docId, outlet, published, title, author, sourcePath, charset, sha256, characters, sentences,
        tokens, types);
  }

  /**
   * The document without its quoted sentences, title and source: what term and dated tables count
   * of it, so that taking it away from stored totals does not carry its text along.
   */
  public AnalyzedDocument countsOnly() {
    return new AnalyzedDocument(docId, outlet, published, "", "", "", "", textKey, characters, sentences, tokens, types,
        termCounts, mentions, new HashMap<>());
  }

  /** The document's entities, as the entity and co-occurrence tables add them. */
  public DocumentEntities entities() {
    return new DocumentEntities(docId, outlet, mentions, sentences, quoted);
  }
}
