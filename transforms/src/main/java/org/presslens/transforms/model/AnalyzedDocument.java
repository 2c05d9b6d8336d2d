package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.HashMap;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * The per-document aggregate that flows through the pipeline after tokenization: metadata,
 * size statistics and the document's term counts (unigrams and n-grams). One element per
 * document, never one per token.
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
    int characters,
    int sentences,
    long tokens,
    int types,
    HashMap<String, Integer> termCounts)
    implements Serializable {}
