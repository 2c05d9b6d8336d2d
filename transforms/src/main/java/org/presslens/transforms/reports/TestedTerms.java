package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.ClassCoder;
import org.presslens.transforms.model.TermTable;

/**
 * The corpus's terms that every outlet's contrast against the rest tests (those counted at least
 * {@code minCount} times: against the rest, an outlet's target and reference counts add up to
 * the corpus count), sorted, with their corpus counts beside them. Chosen and sorted once for all
 * outlets, and held as two arrays, since at the size of a real corpus they are most of its
 * vocabulary: each outlet's step reads the terms and counts from here instead of a table of its own.
 *
 * @param terms the tested terms in {@link String#compareTo} order
 * @param corpusCounts each term's corpus count, aligned with {@code terms}
 * @param tokens the corpus's running words
 */
@DefaultCoder(TestedTerms.TestedTermsCoder.class)
public record TestedTerms(String[] terms, long[] corpusCounts, long tokens) implements Serializable {

  public static TestedTerms of(TermTable corpus, long minCount) {
    List<String> tested = new ArrayList<>();
    corpus.forEach((term, count, documents) -> {
      if (count >= minCount) {
        tested.add(term);
      }
    });
    String[] sorted = tested.toArray(String[]::new);
    tested.clear();
    Arrays.sort(sorted);
    long[] counts = new long[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      counts[i] = corpus.count(sorted[i]);
    }
    return new TestedTerms(sorted, counts, corpus.tokens());
  }

  public int size() {
    return terms.length;
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
