package org.presslens.transforms.model;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * One input document as read, with its metadata; {@code text} is decoded (from {@code charset}) but
 * not normalised. After boilerplate removal {@code text} is what remains and {@code cuts} says
 * where lines were taken out of the text as read.
 */
@DefaultCoder(RecordCoders.SourceDocumentCoder.class)
public record SourceDocument(
    String docId, String outlet, String published, String title, String author, String sourcePath, String charset,
    String text, TextCuts cuts) implements Serializable {

  /** A document as read: nothing taken out. */
  public SourceDocument(String docId, String outlet, String published, String title, String author, String sourcePath,
      String charset, String text) {
    this(docId, outlet, published, title, author, sourcePath, charset, text, TextCuts.NONE);
  }

  /** A document without an author. */
  public SourceDocument(String docId, String outlet, String published, String title, String sourcePath, String charset,
      String text) {
    this(docId, outlet, published, title, "", sourcePath, charset, text);
  }
}
