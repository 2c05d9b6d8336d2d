package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.ArrayList;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * The sentences of one document for reports that need positions (keyword in context): tokens as
 * written and, aligned with them, the counted terms ({@code null} for punctuation).
 */
@DefaultCoder(SerializableCoder.class)
public record DocumentSentences(String docId, String outlet, ArrayList<String[]> surfaces, ArrayList<String[]> terms)
    implements Serializable {}
