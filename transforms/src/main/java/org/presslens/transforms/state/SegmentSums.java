package org.presslens.transforms.state;

import org.presslens.transforms.model.AnalyzedDocument;

/**
 * What a segment's members add up to, built one member at a time: from nothing ({@link
 * Segment.Builder}), or from a stored segment that lost members ({@link ShrinkingSegment}).
 */
interface SegmentSums {

  /** Adds a member; a copy is remembered but does not count in the tables. */
  void add(AnalyzedDocument doc, boolean copy);

  /** A document of the segment built from that is not a member any more; nothing to do when building from nothing. */
  default void drop(AnalyzedDocument doc) {}

  int size();

  /** Distinct terms in the tables, summed over the outlets: what most of a segment's memory holds. */
  long termEntries();

  /** 16 hex digits of the SHA-256 of the members' doc_ids in order: the same documents, the same hash. */
  String membersHash();

  Segment build(String id);
}
