package org.presslens.transforms.state;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;
import org.apache.commons.codec.digest.DigestUtils;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.CooccurrenceTable;
import org.presslens.transforms.model.DatedTables;
import org.presslens.transforms.model.EncodedTables;
import org.presslens.transforms.model.EntityTable;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.model.TermTable;

/**
 * A set of documents analysed together (those of one bundle of the analysis step), and
 * everything the reports need of them: per outlet the tables of the documents that count (copies
 * left out; encoded, {@link EncodedTables}, and decoded where they are summed), per outlet and
 * publication date the tables of the trend reports ({@link DatedTables}), the postings of their
 * terms and every member with its sizes. An outlet's tables are the merge of its tables in all
 * segments. A rerun keeps each segment whose members are all
 * unchanged as it is and builds new ones from what changed ({@link UpdateSegments}).
 *
 * @param id unique within the cache: the run that built the segment and a hash of its members' doc_ids
 */
@DefaultCoder(StateCoders.SegmentCoder.class)
public record Segment(String id, ArrayList<Member> members, TreeMap<String, EncodedTables> tables,
    TreeMap<String, TreeMap<String, DatedTables>> dated, Postings postings)
    implements Serializable {

  /** The part of the id of a segment that a run built again from stored analyses: {@code <run>-rebuilt-<random>}. */
  public static final String REBUILT = "rebuilt";

  /** Whether run {@code runId} built this segment from its own new analyses (not kept, not rebuilt from stored ones). */
  public boolean analysedIn(String runId) {
    return id.startsWith(runId + "-") && !id.startsWith(runId + "-" + REBUILT + "-");
  }

  /** The same segment without tables and postings: its members only, so that it adds nothing to the sums. */
  public Segment membersOnly() {
    return ofMembers(id, members);
  }

  /**
   * What a sum whose terms come from an outlet's stored totals needs of the segment: its members
   * and the entity parts of its tables ({@link EncodedTables#entityPart}), without dated tables and
   * postings, which the totals hold too.
   */
  public Segment entityPart() {
    return entityPart(tables.keySet());
  }

  /** The {@link #entityPart} of the tables of {@code outlets}; the segment's other outlets add nothing. */
  public Segment entityPart(Set<String> outlets) {
    TreeMap<String, EncodedTables> parts = new TreeMap<>();
    tables.forEach((outlet, t) -> {
      if (outlets.contains(outlet)) {
        parts.put(outlet, t.entityPart());
      }
    });
    return new Segment(id, members, parts, new TreeMap<>(), new Postings.Builder().build());
  }

  /**
   * This entity part ({@link #entityPart}) with the terms, dated tables and postings of
   * {@code docs} added: members that count now and did not count in the stored totals.
   */
  public Segment withTermsOf(List<AnalyzedDocument> docs) {
    TreeMap<String, TermTable> terms = new TreeMap<>();
    TreeMap<String, TreeMap<String, DatedTables>> docsDated = new TreeMap<>();
    Postings.Builder docsPostings = new Postings.Builder();
    for (AnalyzedDocument doc : docs) {
      terms.computeIfAbsent(doc.outlet(), o -> new TermTable()).add(doc);
      addDated(docsDated, doc);
      docsPostings.add(doc);
    }
    TreeMap<String, EncodedTables> withTerms = new TreeMap<>(tables);
    terms.forEach((outlet, t) -> {
      OutletTables entityPart = tables.get(outlet).decode();
      withTerms.put(outlet, EncodedTables.of(new OutletTables(t, entityPart.entities(), entityPart.cooccurrence())));
    });
    return new Segment(id, members, withTerms, docsDated, docsPostings.build());
  }

  /**
   * An outlet's stored totals ({@link SegmentStore#readTotals}) less what documents that counted in
   * them and count no more ({@code lost}: removed, changed, copies now) counted, for a sum whose
   * entity and co-occurrence tables come from the segments ({@link #entityPart}): the term table
   * alone (entity tables empty), the dated tables and the postings less the lost documents. Null
   * when no document of the outlet is left.
   */
  public Segment totalsWithout(Collection<AnalyzedDocument> lost) {
    String outlet = tables.firstKey();
    TermTable terms = tables.get(outlet).decodeTerms();
    Set<String> lostIds = new HashSet<>();
    for (AnalyzedDocument doc : lost) {
      takeAway(terms, dated, doc);
      lostIds.add(doc.docId());
    }
    if (terms.documents() == 0) {
      return null;
    }
    TreeMap<String, EncodedTables> termsOnly = new TreeMap<>();
    termsOnly.put(outlet, EncodedTables.of(new OutletTables(terms.withoutEmpty(), new EntityTable(), new CooccurrenceTable())));
    return new Segment(id, members, termsOnly, withoutEmpty(dated), lostIds.isEmpty() ? postings
        : postings.withoutInParts(lostIds));
  }

  /** Dated tables without the outlets and dates no document counts in any more, and without empty entries. */
  static TreeMap<String, TreeMap<String, DatedTables>> withoutEmpty(TreeMap<String, TreeMap<String, DatedTables>> dated) {
    TreeMap<String, TreeMap<String, DatedTables>> kept = new TreeMap<>();
    dated.forEach((outlet, byDate) -> byDate.forEach((date, d) -> {
      if (d.documents() > 0) {
        kept.computeIfAbsent(outlet, o -> new TreeMap<>()).put(date, d.withoutEmpty());
      }
    }));
    return kept;
  }

  /**
   * What the concordance needs of the segment: its postings and the names of its outlets (with
   * empty tables). Taken before the segment waits for the distinctive terms, so that its tables
   * are not held until those are known.
   */
  public Segment postingsPart() {
    TreeMap<String, EncodedTables> outlets = new TreeMap<>();
    tables.keySet().forEach(outlet -> outlets.put(outlet, EncodedTables.EMPTY));
    return new Segment(id, new ArrayList<>(), outlets, new TreeMap<>(), postings);
  }

  /**
   * What the trend reports need of the segment ({@link org.presslens.transforms.SumPeriods}): its id
   * and dated tables, and with {@code withTables} its outlets' tables (whose terms and entities
   * compare since the last run). Taken before the segment waits for the plan of periods, so that
   * the rest is not held until the last segment is in.
   */
  public Segment periodPart(boolean withTables) {
    TreeMap<String, EncodedTables> kept = withTables ? tables : new TreeMap<>();
    return new Segment(id, new ArrayList<>(), kept, dated, new Postings.Builder().build());
  }

  /**
   * The same segment with each outlet's tables, and the postings, of at least {@code minBytes} in
   * a file of {@code folder} ({@link EncodedTables#spilledInto}, {@link Postings#spilledInto});
   * this segment when there is no folder (null).
   */
  public Segment spilledInto(String folder, int minBytes) {
    if (folder == null) {
      return this;
    }
    TreeMap<String, EncodedTables> spilled = new TreeMap<>();
    tables.forEach((outlet, t) -> spilled.put(outlet, t.spilledInto(folder, minBytes)));
    return new Segment(id, members, spilled, dated, postings.spilledInto(folder, minBytes));
  }

  /** A segment of {@code members} without tables and postings. */
  public static Segment ofMembers(String id, List<Member> members) {
    return new Segment(id, new ArrayList<>(members), new TreeMap<>(), new TreeMap<>(), new Postings.Builder().build());
  }

  /**
   * Each outlet's share of the dated tables and postings, without members and tables (an outlet's
   * tables are summed for the reports already; {@link KeepTotals} stores that sum), by outlet. The
   * postings of a segment of one outlet (an outlet's totals read back) are its share as they are,
   * still encoded; those of several outlets are loaded and split.
   */
  public List<KV<String, Segment>> datedParts() {
    Postings all = tables.size() == 1 ? postings : postings.loaded();
    List<KV<String, Segment>> parts = new ArrayList<>();
    for (String outlet : tables.keySet()) {
      TreeMap<String, TreeMap<String, DatedTables>> outletDated = new TreeMap<>();
      if (dated.containsKey(outlet)) {
        outletDated.put(outlet, dated.get(outlet));
      }
      Postings share = tables.size() == 1 ? all : all.of(outlet);
      parts.add(KV.of(outlet, new Segment(id, new ArrayList<>(), new TreeMap<>(), outletDated, share)));
    }
    return parts;
  }

  /**
   * Sums segments' dated tables and postings (members and tables are not kept): the part of the
   * totals a rerun starts from that the reports do not sum already ({@link KeepTotals}). The
   * postings of a last run's totals ({@link SegmentStore#isTotals}) are kept as the parts they
   * are, those of the segments this run built or read are merged into one part
   * ({@link Postings#combined}).
   */
  public static Combine.CombineFn<Segment, DatedSum, Segment> datedSumFn() {
    return new Combine.CombineFn<>() {
      @Override
      public DatedSum createAccumulator() {
        return new DatedSum(new TreeMap<>(), new ArrayList<>(), new ArrayList<>());
      }

      @Override
      public DatedSum addInput(DatedSum sum, Segment s) {
        addDated(sum, s.dated());
        (SegmentStore.isTotals(s.id()) ? sum.stored() : sum.built()).add(s.postings());
        return sum;
      }

      @Override
      public DatedSum mergeAccumulators(Iterable<DatedSum> sums) {
        DatedSum all = createAccumulator();
        for (DatedSum sum : sums) {
          addDated(all, sum.dated());
          all.stored().addAll(sum.stored());
          all.built().addAll(sum.built());
        }
        return all;
      }

      @Override
      public Segment extractOutput(DatedSum sum) {
        return new Segment("", new ArrayList<>(), new TreeMap<>(), sum.dated(), Postings.combined(sum.stored(), sum.built()));
      }
    };
  }

  private static void addDated(DatedSum sum, TreeMap<String, TreeMap<String, DatedTables>> dated) {
    dated.forEach((outlet, dates) -> dates.forEach((date, t) -> sum.dated()
        .computeIfAbsent(outlet, o -> new TreeMap<>()).merge(date, t, DatedTables::merge)));
  }

  /**
   * The accumulator of {@link #datedSumFn()}: dated tables, and the postings of stored totals and
   * of the other segments. Serializable because Beam infers the combiner's output coder through a
   * coder of its accumulator; the accumulator itself never crosses a shuffle
   * ({@link org.presslens.transforms.CombineGrouped}).
   */
  public record DatedSum(TreeMap<String, TreeMap<String, DatedTables>> dated, List<Postings> stored, List<Postings> built)
      implements Serializable {}

  /** The segment of {@code docs}; those whose doc_id {@code isCopy} says are copies do not count. */
  public static Segment of(String id, List<AnalyzedDocument> docs, Predicate<String> isCopy) {
    Builder builder = new Builder();
    docs.forEach(doc -> builder.add(doc, isCopy.test(doc.docId())));
    return builder.build(id);
  }

  /**
   * Takes a document that counted away from its outlet's term table and from its tables of its
   * outlet and publication date, as {@link #addDated} and the term table counted it: for a segment
   * or stored totals that lost it.
   */
  static void takeAway(TermTable terms, TreeMap<String, TreeMap<String, DatedTables>> dated, AnalyzedDocument doc) {
    terms.subtractDocument(doc.termCounts(), doc.tokens());
    dated.get(doc.outlet()).get(doc.published()).subtract(doc);
  }

  /**
   * Counts a document in the tables of its outlet and publication date ({@code dated}, by outlet
   * and date), made when missing; an undated document's running words only.
   */
  static void addDated(TreeMap<String, TreeMap<String, DatedTables>> dated, AnalyzedDocument doc) {
    DatedTables ofDate = dated.computeIfAbsent(doc.outlet(), o -> new TreeMap<>())
        .computeIfAbsent(doc.published(), d -> new DatedTables());
    if (doc.published().isEmpty()) {
      ofDate.counted(doc);
    } else {
      ofDate.add(doc);
    }
  }

  /** 16 hex digits of the SHA-256 of the members' doc_ids in order: the same documents, the same hash. */
  static String membersHash(List<Member> members) {
    return idsHash(members.stream().map(Member::docId).toList());
  }

  /** 16 hex digits of the SHA-256 of the doc_ids in order, whatever order they come in. */
  public static String idsHash(Collection<String> docIds) {
    return DigestUtils.sha256Hex(String.join("\n", docIds.stream().sorted().toList())).substring(0, 16);
  }

  /** The same segment with each member's rows in its part of the per-document tables, by doc_id ({@link Member#inPart}). */
  Segment withParts(Map<String, String> partOf) {
    ArrayList<Member> placed = new ArrayList<>(members.size());
    members.forEach(m -> placed.add(partOf.containsKey(m.docId()) ? m.inPart(partOf.get(m.docId())) : m));
    return new Segment(id, placed, tables, dated, postings);
  }

  /** A segment built one document at a time: only the tables and postings are held, not the documents. */
  public static final class Builder implements SegmentSums {
    private final ArrayList<Member> members = new ArrayList<>();
    private final TreeMap<String, OutletTables> tables = new TreeMap<>();
    private final TreeMap<String, TreeMap<String, DatedTables>> dated = new TreeMap<>();
    private final Postings.Builder postings = new Postings.Builder();

    /** Adds a member; a copy is remembered but does not count in the tables. */
    @Override
    public void add(AnalyzedDocument doc, boolean copy) {
      members.add(Member.of(doc, copy));
      if (!copy) {
        tables.computeIfAbsent(doc.outlet(), o -> new OutletTables()).add(doc);
        addDated(dated, doc);
        postings.add(doc);
      }
    }

    @Override
    public int size() {
      return members.size();
    }

    /** Distinct terms in the tables, summed over the outlets: what most of a segment's memory holds. */
    @Override
    public long termEntries() {
      long entries = 0;
      for (OutletTables t : tables.values()) {
        entries += t.terms().size();
      }
      return entries;
    }

    @Override
    public String membersHash() {
      return Segment.membersHash(members);
    }

    @Override
    public Segment build(String id) {
      members.sort(Comparator.comparing(Member::docId));
      TreeMap<String, EncodedTables> encoded = new TreeMap<>();
      tables.forEach((outlet, t) -> encoded.put(outlet, EncodedTables.of(t)));
      return new Segment(id, members, encoded, dated, postings.build());
    }
  }
}
