package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * The entity mentions of one document, its number of sentences, and the text (tokens joined by
 * spaces) of the sentences that hold a mention, which co-occurrence evidence quotes.
 */
@DefaultCoder(SerializableCoder.class)
public record DocumentEntities(
    String docId, String outlet, ArrayList<Mention> mentions, int sentenceCount, HashMap<Integer, String> sentences)
    implements Serializable {}
