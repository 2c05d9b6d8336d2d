package org.presslens.transforms.text;

import java.text.Normalizer;

/**
 * Normalises raw article text before sentence detection and tokenization.
 *
 * <p>Web text spells the same word in several ways: typographic apostrophes ({@code NATO’s}),
 * backticks used as apostrophes ({@code NATO`s}), compatibility characters (full-width letters,
 * ligatures). Normalising first means all spellings yield the same tokens. In order:
 * <ol>
 *   <li>Unicode NFKC (skipped for text that is all ASCII, which it leaves unchanged);
 *   <li>apostrophe look-alikes ’ ‘ ‛ ʼ ′ ` ´ and the full-width apostrophe become {@code '};
 *   <li>double-quote look-alikes “ ” „ ‟ « » ″ become {@code "};
 *   <li>a double quote used as an apostrophe becomes {@code '}: after a letter and before the end
 *       of an English contraction or possessive ({@code s t d m ll re ve}) that no letter follows
 *       ({@code Kuwait"s}, {@code don"t}, {@code I"m}), unless its word began with a quote
 *       ({@code "X"s} stays);
 *   <li>figure, en and em dashes and the horizontal bar separate words ("secure—and"), but the
 *       tokenizer model keeps them inside tokens: each, with the ASCII white space around it,
 *       becomes an en dash between two spaces;
 *   <li>other horizontal spaces (no-break and the like, but not the tab) become a space.
 * </ol>
 * One pass over the text does steps 2 to 6, as the replacements in that order would.
 * {@link #normalizeMapped} also tells where each character of the result came from, so that
 * spans found in the normalised text can be given in the text as read.
 */
public final class TextNormalizer {

  private TextNormalizer() {}

  public static String normalize(String text) {
    return replace(isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC), null).text();
  }

  /**
   * The normalised text, with where each of its characters came from in {@code text}. The text is
   * the one {@link #normalize} gives; for an all-ASCII text, whose replacements keep every
   * character where it was, there is no map.
   */
  public static DerivedText normalizeMapped(String text) {
    if (isAscii(text)) {
      return replace(text, null);
    }
    DerivedText nfkc = NfkcMap.normalize(text);
    DerivedText.Builder replaced = new DerivedText.Builder(nfkc.text().length() + 16);
    return replace(nfkc.text(), replaced).through(nfkc);
  }

  /**
   * Steps 2 to 6 in one pass over {@code s}. Without a builder, characters are copied only from
   * the first one that changes; with one, each character is appended with the character of
   * {@code s} it came from.
   */
  private static DerivedText replace(String s, DerivedText.Builder mapped) {
    Output out = mapped == null ? new Output(s) : new Output(mapped);
    int keep = 0; // out's characters before this index were replaced and are not trimmed by a dash
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char replacement = c < 0x80 && c != '`' ? c : replacement(c);
      if (replacement == '"' && isApostrophe(s, i, out.copied())) {
        replacement = '\'';
      }
      if (isDash(c)) {
        out.startCopy(i);
        while (out.length() > keep && isAsciiSpace(out.charAt(out.length() - 1))) {
          out.setLength(out.length() - 1);
        }
        out.append(" \u2013 ", i);
        while (i + 1 < s.length() && isAsciiSpace(s.charAt(i + 1))) {
          i++;
        }
        keep = out.length();
        continue;
      }
      if (replacement != c) {
        out.startCopy(i);
      }
      if (out.copying()) {
        out.append(replacement, i);
        if (replacement != c) {
          keep = out.length();
        }
      }
    }
    return out.result();
  }

  /**
   * Where {@link #replace} writes: nothing until the first change, then a copy (plain text), or
   * from the start a copy with each character's origin.
   */
  private static final class Output {
    private final String source;
    private final DerivedText.Builder mapped;
    private StringBuilder plain;

    Output(String source) {
      this.source = source;
      this.mapped = null;
    }

    Output(DerivedText.Builder mapped) {
      this.source = null;
      this.mapped = mapped;
    }

    boolean copying() {
      return mapped != null || plain != null;
    }

    /** The characters written so far, or null while nothing has changed. */
    CharSequence copied() {
      return mapped != null ? mapped.chars() : plain;
    }

    /** Starts the copy, if not yet started, with the unchanged characters before {@code i}. */
    void startCopy(int i) {
      if (!copying()) {
        plain = new StringBuilder(source.length() + 16).append(source, 0, i);
      }
    }

    void append(char c, int origin) {
      if (mapped != null) {
        mapped.append(c, origin, origin + 1);
      } else {
        plain.append(c);
      }
    }

    void append(String s, int origin) {
      if (mapped != null) {
        mapped.append(s, origin, origin + 1);
      } else {
        plain.append(s);
      }
    }

    int length() {
      return mapped != null ? mapped.length() : plain.length();
    }

    char charAt(int i) {
      return mapped != null ? mapped.charAt(i) : plain.charAt(i);
    }

    void setLength(int length) {
      if (mapped != null) {
        mapped.setLength(length);
      } else {
        plain.setLength(length);
      }
    }

    DerivedText result() {
      return mapped != null ? mapped.build() : DerivedText.same(plain == null ? source : plain.toString());
    }
  }

  private static final String[] CONTRACTION_ENDS = {"s", "t", "d", "m", "ll", "re", "ve"};

  /** Whether the double quote at {@code i} stands for an apostrophe (see the class comment). */
  private static boolean isApostrophe(String s, int i, CharSequence out) {
    CharSequence before = out == null ? s : out;
    int at = out == null ? i : out.length();
    if (at == 0 || !Character.isLetter(before.charAt(at - 1))) {
      return false;
    }
    int start = at - 1;
    while (start > 0 && !Character.isWhitespace(before.charAt(start - 1))) {
      start--;
    }
    char first = before.charAt(start);
    if (first == '"' || first == '\u201C' || first == '\u201E' || first == '\u00AB') {
      return false;
    }
    for (String end : CONTRACTION_ENDS) {
      int after = i + 1 + end.length();
      if (s.startsWith(end, i + 1) && (after == s.length() || !Character.isLetter(s.charAt(after)))) {
        return true;
      }
    }
    return false;
  }

  private static char replacement(char c) {
    return switch (c) {
      case '\u2019', '\u2018', '\u201B', '\u02BC', '\u2032', '`', '\u00B4', '\uFF07' -> '\'';
      case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033' -> '"';
      case '\u00A0', '\u1680', '\u180E', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
          '\u2007', '\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000' -> ' ';
      default -> c;
    };
  }

  private static boolean isDash(char c) {
    return c >= '\u2012' && c <= '\u2015';
  }

  /** White space as the regular expression {@code \s} means it: ASCII only. */
  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
