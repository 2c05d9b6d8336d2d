package org.presslens.transforms.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.ClassCoder;
import org.presslens.transforms.text.EntityTerms;
import org.presslens.transforms.text.TokenRules;
import org.presslens.transforms.text.TokenizedDocument;

/** Finds the occurrences of terms in a document's sentences and cuts concordance lines. */
public final class KwicLines {

  private KwicLines() {}

  /** One concordance line; {@code sentence} counts from 1, {@code position} is the token index. */
  @DefaultCoder(LineCoder.class)
  public record Line(String term, int termRank, String docId, String outlet, int sentence, int position,
      String left, String keyword, String right) implements Serializable {}

  /** The line's strings and numbers (UTF-8, variable-length integers), instead of Java serialization. */
  public static final class LineCoder extends ClassCoder<Line> {
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarIntCoder INT = VarIntCoder.of();

    private static final LineCoder INSTANCE = new LineCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(Line.class), INSTANCE);
    }

    @Override
    public void encode(Line line, OutputStream out) throws IOException {
      STRING.encode(line.term(), out);
      INT.encode(line.termRank(), out);
      STRING.encode(line.docId(), out);
      STRING.encode(line.outlet(), out);
      INT.encode(line.sentence(), out);
      INT.encode(line.position(), out);
      STRING.encode(line.left(), out);
      STRING.encode(line.keyword(), out);
      STRING.encode(line.right(), out);
    }

    @Override
    public Line decode(InputStream in) throws IOException {
      return new Line(STRING.decode(in), INT.decode(in), STRING.decode(in), STRING.decode(in), INT.decode(in),
          INT.decode(in), STRING.decode(in), STRING.decode(in), STRING.decode(in));
    }
  }

  /**
   * Every occurrence of each term (in rank order) in the document. A term matches where its words
   * equal consecutive counted terms of a sentence; context is up to {@code window} tokens on each
   * side within the sentence. Keyword and context are the document's own characters (quotes,
   * apostrophes and spacing as written, line breaks as spaces), cut at token boundaries.
   */
  public static List<Line> find(String docId, String outlet, TokenizedDocument doc, List<String> terms, int window) {
    return find(docId, outlet, doc, terms, terms, window);
  }

  /** The occurrences of the {@code terms} (in rank order) that are among {@code wanted}. */
  public static List<Line> find(String docId, String outlet, TokenizedDocument doc, List<String> terms,
      Collection<String> wanted, int window) {
    List<Line> lines = new ArrayList<>();
    for (int r = 0; r < terms.size(); r++) {
      if (!wanted.contains(terms.get(r))) {
        continue;
      }
      String[] words = terms.get(r).split(" ");
      // An entity counted as one term (EntityTerms) is its words in the sentence.
      String[] parts = terms.get(r).contains(EntityTerms.JOINER) ? terms.get(r).split("[ _]") : null;
      for (int s = 0; s < doc.terms().size(); s++) {
        String[] sentence = doc.terms().get(s);
        String[] surface = doc.surfaces().get(s);
        for (int i = 0; i < sentence.length; i++) {
          int end = i + (matches(sentence, i, words) ? words.length : parts != null && matches(sentence, i, parts) ? parts.length : 0);
          if (end > i) {
            lines.add(new Line(terms.get(r), r + 1, docId, outlet, s + 1, i,
                doc.written(s, Math.max(0, i - window), i),
                doc.written(s, i, end),
                doc.written(s, end, Math.min(surface.length, end + window))));
          }
        }
      }
    }
    return lines;
  }

  /**
   * Which sentences can hold one of {@code terms}, judged from the normalised sentence text: those
   * whose lower-cased text contains the first word of a term. Tokens only ever split the text and
   * terms are lower-cased tokens, so a sentence holding a term always passes; with lemmas, or with
   * a term that a clitic's stem stands for ({@code can}, {@code will}, {@code shall}), every
   * sentence passes.
   */
  public static Predicate<String> mayHold(List<String> terms, boolean lemmas) {
    List<String> firstWords = terms.stream().map(t -> t.split("[ _]")[0]).distinct().toList();
    if (lemmas || firstWords.stream().anyMatch(TokenRules::isNegatedStemWord)) {
      return sentence -> true;
    }
    return sentence -> {
      String lower = sentence.toLowerCase(Locale.ROOT);
      return firstWords.stream().anyMatch(lower::contains);
    };
  }

  private static boolean matches(String[] sentence, int from, String[] words) {
    if (from + words.length > sentence.length) {
      return false;
    }
    for (int k = 0; k < words.length; k++) {
      if (!words[k].equals(sentence[from + k])) {
        return false;
      }
    }
    return true;
  }
}
