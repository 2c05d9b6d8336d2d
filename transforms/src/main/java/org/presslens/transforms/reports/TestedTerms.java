package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.ClassCoder;
import org.presslens.transforms.model.TermIndex;
import org.presslens.transforms.model.TermTable;

/**
 * The corpus's terms that every outlet's contrast against the rest tests (those counted at least
 * {@code minCount} times: against the rest, an outlet's target and reference counts add up to
 * the corpus count), sorted, with their corpus counts beside them. Chosen and sorted once for all
 * outlets ({@link TermOrder}), and held as two arrays, since at the size of a real corpus they are
 * most of its vocabulary: each outlet's step reads the terms and counts from here instead of a
 * table of its own, beside its own counts of them ({@link #countsIn}).
 */
@DefaultCoder(TestedTerms.TestedTermsCoder.class)
public final class TestedTerms implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String[] terms;
  private final long[] corpusCounts;
  private final long tokens;
  /** The terms' places, made when first needed ({@link #countsIn}). */
  private transient TermIndex positions;

  /**
   * @param terms the tested terms in {@link String#compareTo} order
   * @param corpusCounts each term's corpus count, aligned with {@code terms}
   * @param tokens the corpus's running words
   */
  TestedTerms(String[] terms, long[] corpusCounts, long tokens) {
    this.terms = terms;
    this.corpusCounts = corpusCounts;
    this.tokens = tokens;
  }

  public static TestedTerms of(TermTable corpus, long minCount) {
    List<String> tested = new ArrayList<>();
    LongStream.Builder testedCounts = LongStream.builder();
    corpus.forEach((term, count, documents) -> {
      if (count >= minCount) {
        tested.add(term);
        testedCounts.add(count);
      }
    });
    String[] unsorted = tested.toArray(String[]::new);
    tested.clear();
    long[] unsortedCounts = testedCounts.build().toArray();
    int[] order = TermOrder.of(unsorted);
    String[] sorted = new String[order.length];
    long[] counts = new long[order.length];
    for (int k = 0; k < order.length; k++) {
      sorted[k] = unsorted[order[k]];
      counts[k] = unsortedCounts[order[k]];
    }
    return new TestedTerms(sorted, counts, corpus.tokens());
  }

  /** The tested terms in {@link String#compareTo} order. */
  public String[] terms() {
    return terms;
  }

  /** Each term's corpus count, aligned with {@link #terms}. */
  public long[] corpusCounts() {
    return corpusCounts;
  }

  /** The corpus's running words. */
  public long tokens() {
    return tokens;
  }

  public int size() {
    return terms.length;
  }

  /**
   * Each tested term's count in {@code table}, aligned with {@link #terms}. Whichever has fewer
   * terms is gone through: each tested term looked up in the table, or, when the table is the
   * smaller (an outlet that has a fraction of the corpus's terms), each of its terms looked up here.
   */
  public long[] countsIn(TermTable table) {
    long[] counts = new long[terms.length];
    if (table.size() < terms.length) {
      TermIndex places = positions();
      table.forEach((term, count, documents) -> {
        int place = places.find(term);
        if (place != TermIndex.ABSENT) {
          counts[place] = count;
        }
      });
    } else {
      for (int i = 0; i < terms.length; i++) {
        counts[i] = table.count(terms[i]);
      }
    }
    return counts;
  }

  /** The terms' places, made once however many outlets' steps share these terms. */
  private synchronized TermIndex positions() {
    if (positions == null) {
      positions = new TermIndex(terms.length);
      for (String term : terms) {
        positions.add(term);
      }
    }
    return positions;
  }

  /** The terms and their counts, each as a length and then term and count in turn. */
  public static final class TestedTermsCoder extends ClassCoder<TestedTerms> {
    private static final TestedTermsCoder INSTANCE = new TestedTermsCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static TestedTermsCoder of() {
      return INSTANCE;
    }

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(TestedTerms.class), INSTANCE);
    }

    @Override
    public void encode(TestedTerms tested, OutputStream out) throws IOException {
      VarIntCoder.of().encode(tested.size(), out);
      for (int i = 0; i < tested.size(); i++) {
        STRING.encode(tested.terms()[i], out);
        LONG.encode(tested.corpusCounts()[i], out);
      }
      LONG.encode(tested.tokens(), out);
    }

    @Override
    public TestedTerms decode(InputStream in) throws IOException {
      int size = VarIntCoder.of().decode(in);
      String[] terms = new String[size];
      long[] counts = new long[size];
      for (int i = 0; i < size; i++) {
        terms[i] = STRING.decode(in);
        counts[i] = LONG.decode(in);
      }
      return new TestedTerms(terms, counts, LONG.decode(in));
    }
  }
}
