package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * The entity mentions of one document (a view of its {@link AnalyzedDocument}), its number of sentences, and the text (as
 * the document writes it, line breaks as spaces) of the sentences that hold a mention, which co-occurrence
 * evidence quotes.
 */
public record DocumentEntities(
    String docId, String outlet, ArrayList<Mention> mentions, int sentenceCount, HashMap<Integer, String> sentences)
    implements Serializable {}
