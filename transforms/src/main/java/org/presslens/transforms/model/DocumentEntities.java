package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * The entity mentions of one document, its number of sentences, and the text (tokens joined as
 * the text reads, {@code TokenJoiner}) of the sentences that hold a mention, which co-occurrence
 * evidence quotes.
 */
@DefaultCoder(RecordCoders.DocumentEntitiesCoder.class)
public record DocumentEntities(
    String docId, String outlet, ArrayList<Mention> mentions, int sentenceCount, HashMap<Integer, String> sentences)
    implements Serializable {}
