package org.presslens.transforms.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.DatedTables;
import org.presslens.transforms.model.EncodedTables;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.model.TermTable;

/**
 * A stored segment built again without the members it lost (removed, changed, moved to another
 * outlet, or copies now), without summing its other members' terms anew: its term tables, dated
 * tables and postings less what the lost members counted. Terms are most of what a document adds
 * to a segment, so this costs what was lost, not the segment's size. The entity and co-occurrence
 * tables are summed again from the members that still count: they hold choices over documents
 * (the first mention of each spelling, a pair's example sentence) and sets (the layers that found
 * an entity) that cannot be taken a document away from. A stored copy that counts now (its
 * original was removed) is added. An outlet none of whose members counts otherwise than before
 * keeps its stored tables as they are, not decoded and not summed again. The result has the tables
 * a build from nothing of the same members gives ({@link Segment.Builder}), terms in another order.
 */
final class ShrinkingSegment implements SegmentSums {

  /** The stored members that counted in the stored tables. */
  private final Set<String> counted = new HashSet<>();
  /** The outlets whose stored tables stand as they are, with those tables. */
  private final TreeMap<String, EncodedTables> unchanged = new TreeMap<>();
  private final TreeMap<String, TermTable> terms = new TreeMap<>();
  private final TreeMap<String, TreeMap<String, DatedTables>> dated;
  private final Postings postings;
  /** Per outlet, the entities and co-occurrences of the members that still count (their term tables unused). */
  private final TreeMap<String, OutletTables> summed = new TreeMap<>();
  /** The members that counted and no longer do. */
  private final Set<String> lost = new HashSet<>();
  /** The postings of the members that count and did not. */
  private final Postings.Builder gained = new Postings.Builder();
  private boolean anyGained;
  private final ArrayList<Member> members = new ArrayList<>();

  /**
   * @param stored the stored segment, whose dated tables this one takes over and changes
   * @param remaining its members that remain, by doc_id, and whether each is a copy now
   */
  ShrinkingSegment(Segment stored, Map<String, Boolean> remaining) {
    Set<String> changed = new HashSet<>();
    stored.members().forEach(m -> {
      if (!m.copy()) {
        counted.add(m.docId());
      }
      if (Member.countsOtherwise(m.copy(), remaining.get(m.docId()))) {
        changed.add(m.outlet());
      }
    });
    stored.tables().forEach((outlet, tables) -> {
      if (changed.contains(outlet)) {
        terms.put(outlet, tables.decode().terms());
      } else {
        unchanged.put(outlet, tables);
      }
    });
    dated = stored.dated();
    postings = stored.postings();
  }

  @Override
  public void add(AnalyzedDocument doc, boolean copy) {
    members.add(Member.of(doc, copy));
    boolean countedBefore = counted.contains(doc.docId());
    if (unchanged.containsKey(doc.outlet())) {
      if (countedBefore == copy) {
        throw new IllegalStateException("document " + doc.docId() + " counts otherwise than before in outlet "
            + doc.outlet() + ", whose stored tables were to stand");
      }
      return;
    }
    if (!copy) {
      OutletTables tables = summed.computeIfAbsent(doc.outlet(), o -> new OutletTables());
      tables.entities().add(doc.entities());
      tables.cooccurrence().add(doc.entities());
      if (!countedBefore) {
        gain(doc);
      }
    } else if (countedBefore) {
      subtract(doc);
    }
  }

  /** Counts a member that did not count in the stored segment, as {@link Segment.Builder#add} counts it. */
  private void gain(AnalyzedDocument doc) {
    terms.computeIfAbsent(doc.outlet(), o -> new TermTable()).add(doc);
    Segment.addDated(dated, doc);
    gained.add(doc);
    anyGained = true;
  }

  @Override
  public void drop(AnalyzedDocument doc) {
    if (counted.contains(doc.docId())) {
      if (unchanged.containsKey(doc.outlet())) {
        throw new IllegalStateException("document " + doc.docId() + " dropped from outlet " + doc.outlet()
            + ", whose stored tables were to stand");
      }
      subtract(doc);
    }
  }

  private void subtract(AnalyzedDocument doc) {
    Segment.takeAway(terms.get(doc.outlet()), dated, doc);
    lost.add(doc.docId());
  }

  @Override
  public int size() {
    return members.size();
  }

  @Override
  public long termEntries() {
    return terms.values().stream().mapToLong(TermTable::size).sum();
  }

  @Override
  public String membersHash() {
    return Segment.membersHash(members);
  }

  /** The segment; outlets and dates whose documents all were lost are left out, as a build from nothing has none. */
  @Override
  public Segment build(String id) {
    members.sort(Comparator.comparing(Member::docId));
    TreeMap<String, EncodedTables> tables = new TreeMap<>(unchanged);
    terms.forEach((outlet, t) -> {
      if (t.documents() > 0) {
        OutletTables rest = summed.get(outlet);
        tables.put(outlet, EncodedTables.of(new OutletTables(t.withoutEmpty(), rest.entities(), rest.cooccurrence())));
      }
    });
    Postings kept = postings.without(lost);
    return new Segment(id, members, tables, Segment.withoutEmpty(dated), anyGained ? Postings.merge(List.of(kept, gained.build())) : kept);
  }
}
