package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.ArrayList;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * The sentences of one document for reports that need positions (keyword in context): tokens as
 * written and, aligned with them, the counted terms ({@code null} for punctuation).
 */
@DefaultCoder(RecordCoders.DocumentSentencesCoder.class)
public record DocumentSentences(String docId, String outlet, ArrayList<String[]> surfaces, ArrayList<String[]> terms)
    implements Serializable {}
