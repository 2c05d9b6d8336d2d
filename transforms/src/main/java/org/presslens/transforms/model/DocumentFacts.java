package org.presslens.transforms.model;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * What documents.csv says of a document: its metadata as read in this run and the sizes of its
 * analysis (from this run's analysis, or from the state when the text has not changed).
 */
@DefaultCoder(RecordCoders.DocumentFactsCoder.class)
public record DocumentFacts(String docId, String outlet, String published, String title, String author,
    String sourcePath, String charset, String sha256, int characters, int sentences, long tokens, int types)
    implements Serializable {

  /** Facts of a document without an author. */
  public DocumentFacts(String docId, String outlet, String published, String title, String sourcePath, String charset,
      String sha256, int characters, int sentences, long tokens, int types) {
    this(docId, outlet, published, title, "", sourcePath, charset, sha256, characters, sentences, tokens, types);
  }
}
