package org.presslens.transforms.dedup;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * A document that repeats another one, which is kept for the statistics in its place.
 *
 * @param kind {@code exact} (same normalised text) or {@code near} (MinHash similarity at or above the threshold)
 * @param similarity estimated Jaccard similarity of the two documents' shingle sets (1 for exact copies)
 */
@DefaultCoder(SerializableCoder.class)
public record Duplicate(String docId, String outlet, String keptDocId, String keptOutlet, String kind, double similarity)
    implements Serializable {}
