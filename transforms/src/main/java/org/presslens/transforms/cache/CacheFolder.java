package org.presslens.transforms.cache;

import org.apache.commons.codec.digest.DigestUtils;
import org.presslens.transforms.Versions;
import org.presslens.transforms.ner.Gazetteer;
import org.presslens.transforms.text.TextOptions;

/**
 * Where the analysis state lives ({@link org.presslens.transforms.state.SegmentStore}): {@code <cache dir>/<settings>/} where {@code settings} is a hash of
 * everything besides the text that decides an analysis (PressLens, OpenNLP and model versions,
 * stop words, n-gram length, lemmas, gazetteer and aliases, whether entities are recognised).
 * Other settings get another folder, so a cached analysis is never used for a run it does not fit.
 */
public final class CacheFolder {

  /**
   * Raised whenever a change to PressLens changes the analysis of a text (2: the tokenizer's
   * alphanumeric optimisation; 3: {@code can't} keeps the token {@code ca}, quoted sentences read
   * as written; 4: the record no longer holds the tokens; 5: segments instead of per-document records; 6: segments keep tables per date; 7: mentions placed in the
   * text as read, with the model's probability; boilerplate removal keeps line breaks as written;
   * 8: the entity rules for unseen news: legal forms and short forms, head words, towns before a
   * region, appositives, the model's probability threshold, spelling variants in a document;
   * 9: one-permutation MinHash signatures; 10: no town before a comma ends with an event's noun;
   * 11: postings keep each document's count of a term; 12: a segment's tables stored as their
   * length and bytes; 13: postings stored as parts; 14: compass directions begin a place's name,
   * crude oil grades are no mention, a short form is the company whose whole name it is, also
   * before a title; 15: buildings' names are no mention; 16: utilities named by a place; 17: family
   * names; 18: middle initials and abbreviations before a comma kept in one token and sentence,
   * initials joined to person names, families named by a surname; 19: compass directions before the
   * models' places, clubs, schools and railroads by head word, more buildings and titles; 20: names
   * joined by an ampersand, touching person spans joined, commas and brackets in canonical names;
   * 21: a given name alone is the one person named in full with it; 22: streets and squares by head word;
   * 23: partnerships' names over their partners; 24: Messrs., Msgr. and Hon. are titles too;
   * 53: an outlet's tables stored with their entity part first and its length before it; 54: each
   * member names its part of the per-document tables),
   * since development versions share one version number. {@code AnalysisRevisionTest} notices a
   * change to the analysis that does not raise it.
   */
  static final int ANALYSIS_REVISION = 54;

  private CacheFolder() {}

  /** @param entities whether the analyses include entities (without, their entity lists are empty) */
  public static String of(String cacheDir, TextOptions text, Gazetteer gazetteer, boolean entities) {
    return cacheDir.replaceAll("/+$", "") + "/" + settingsKey(text, gazetteer, entities);
  }

  /** First 16 hex digits of the SHA-256 of the settings. */
  static String settingsKey(TextOptions text, Gazetteer gazetteer, boolean entities) {
    StringBuilder settings = new StringBuilder()
        .append("presslens=").append(Versions.presslens()).append(" analysis ").append(ANALYSIS_REVISION)
        .append("\nopennlp=").append(Versions.opennlp())
        .append("\nmodels=").append(Versions.opennlpModels())
        .append("\nmaxNgram=").append(text.maxNgram())
        .append("\nkeepStopWords=").append(text.keepStopWords())
        .append("\nlemmatize=").append(text.lemmatize())
        .append("\nstopWords=").append(String.join(" ", text.stopWords().sorted()));
    if (!entities) {
      settings.append("\nentities=false");
    }
    if (text.entityTerms()) {
      settings.append("\nentityTerms=true");
    }
    for (Gazetteer.Entry entry : gazetteer.entries()) {
      settings.append("\nname=").append(entry.type()).append('\t').append(entry.text()).append('\t').append(entry.canonical());
    }
    return DigestUtils.sha256Hex(settings.toString()).substring(0, 16);
  }
}
