package org.presslens.transforms.state;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.OutletTables;

/**
 * A set of documents of one outlet analysed together, and everything the reports need of them:
 * the tables of the documents that count (copies left out), the postings of their terms and every
 * member with its sizes. The outlet's tables are the merge of its segments' tables; a rerun keeps
 * each segment whose members are all unchanged as it is and builds a new one from what changed
 * ({@link SegmentStore}).
 *
 * @param id unique within the cache: the run that built the segment and its outlet
 */
@DefaultCoder(StateCoders.SegmentCoder.class)
public record Segment(String id, String outlet, ArrayList<Member> members, OutletTables tables, Postings postings)
    implements Serializable {

  /** The segment of {@code docs} (all of one outlet); those whose doc_id {@code isCopy} says are copies do not count. */
  public static Segment of(String id, String outlet, List<AnalyzedDocument> docs, Predicate<String> isCopy) {
    Builder builder = new Builder(outlet);
    docs.forEach(doc -> builder.add(doc, isCopy.test(doc.docId())));
    return builder.build(id);
  }

  /** A segment built one document at a time: only the tables and postings are held, not the documents. */
  public static final class Builder {
    private final String outlet;
    private final ArrayList<Member> members = new ArrayList<>();
    private final OutletTables tables = new OutletTables();
    private final Postings.Builder postings = new Postings.Builder();

    public Builder(String outlet) {
      this.outlet = outlet;
    }

    /** Adds a member; a copy is remembered but does not count in the tables. */
    public void add(AnalyzedDocument doc, boolean copy) {
      members.add(Member.of(doc, copy));
      if (!copy) {
        tables.add(doc);
        postings.add(doc);
      }
    }

    public Segment build(String id) {
      members.sort(Comparator.comparing(Member::docId));
      return new Segment(id, outlet, members, tables, postings.build());
    }
  }
}
