package org.presslens.transforms.io;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.presslens.transforms.text.Words;

/**
 * Text out of HTML, so that markup never becomes a term. A whole page ({@code .html}/{@code .htm}
 * files, or a text that starts as a page does) gives its article: the main content chosen by
 * Mozilla Readability's rules (readability4j on jsoup), as paragraphs ({@link MarkupText}), with
 * title, date and outlet from the page's metadata ({@link PageMetadata}). A page whose main
 * content holds fewer than {@value #MIN_ARTICLE_WORDS} words has no article (a section front, a
 * list of links, an error page). A text with HTML tags in it (a review with {@code <br />}, an
 * e-mail's HTML part) loses its tags and keeps what they enclose. Texts without markup are left
 * exactly as they are. Which texts count as HTML is the {@link Mode}.
 */
public final class HtmlText implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Fewer words than this in a page's main content: no article. */
  public static final int MIN_ARTICLE_WORDS = 40;

  /**
   * The address pages are read at: Readability makes relative links absolute against it (and logs
   * an error for every page without one); PressLens keeps no links, so any absolute address serves.
   */
  private static final String BASE_URI = "https://page.invalid/";

  /** How far into a text the start of a page is looked for (after white space, comments, a BOM). */
  private static final int PAGE_START = 1024;
  private static final Pattern PAGE = Pattern.compile("(?is)^\\s*(<!--.*?-->\\s*)*(<!doctype\\s+html|<html[\\s>]|<head[\\s>])");
  /** Tags of common HTML elements (a known name, so that "a<b" or "<sarcasm>" in plain text is not markup), and comments. */
  private static final Pattern TAG = Pattern.compile("(?i)<!--|</?(p|br|div|span|a|i|b|u|s|em|strong|font|center|"
      + "ul|ol|li|dl|dt|dd|h[1-6]|img|hr|table|thead|tbody|tr|td|th|script|style|blockquote|pre|code|sup|sub|small|"
      + "big|tt|strike|del|ins|q|cite|abbr|iframe|section|article|header|footer|nav|aside|main|figure|figcaption|"
      + "meta|link|title|body|head|html|form|input|button|label|select|option|noscript)(\\s[^<>]*)?/?>");

  /** Which texts are read as HTML. */
  public enum Mode {
    /** HTML files, texts that start as a page, and texts with tags of common HTML elements. */
    AUTO,
    /** Every text: a page gives its article, any other text loses its tags and has its entities decoded. */
    ALWAYS,
    /** No text: markup is read as written (HTML files are still read as pages). */
    NEVER;

    /** The mode for an option value: auto, always or never (any case). */
    public static Mode of(String value) {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
  }

  /** What a page says about itself; empty strings where it says nothing. */
  public record Metadata(String title, String published, String outlet, String author) implements Serializable {
    static final Metadata NONE = new Metadata("", "", "", "");
  }

  /**
   * The text to analyse and what the page said about itself, or why a page has no article
   * ({@code problem} not null, {@code text} empty).
   */
  public record Read(String text, Metadata metadata, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  private final Mode mode;

  private HtmlText(Mode mode) {
    this.mode = mode;
  }

  public static HtmlText of(Mode mode) {
    return new HtmlText(mode);
  }

  /**
   * @param htmlFile the text is an HTML file's: read as a page whatever the mode
   */
  public Read read(String text, boolean htmlFile) {
    // a page start and a tag both begin with '<': most texts are settled without a regex scan
    boolean mayHoldMarkup = text.indexOf('<') >= 0;
    if (htmlFile || mode != Mode.NEVER && mayHoldMarkup && isPage(text)) {
      return page(text);
    }
    if (mode == Mode.ALWAYS || mode == Mode.AUTO && mayHoldMarkup && TAG.matcher(text).find()) {
      return new Read(MarkupText.of(Jsoup.parseBodyFragment(text).body()), Metadata.NONE, null);
    }
    return new Read(text, Metadata.NONE, null);
  }

  /** True when the text starts as an HTML page does. */
  static boolean isPage(String text) {
    String start = text.substring(0, Math.min(text.length(), PAGE_START));
    return PAGE.matcher(start.startsWith("\uFEFF") ? start.substring(1) : start).find();
  }

  private static Read page(String html) {
    Document page = Jsoup.parse(html);
    Metadata metadata = PageMetadata.of(page);
    Article article = new Readability4JExtended(BASE_URI, page).parse();
    Element content = article.getArticleContent();
    String text = content == null ? "" : MarkupText.of(content);
    long words = Words.count(text);
    if (words < MIN_ARTICLE_WORDS) {
      return new Read("", metadata, String.format(Locale.ROOT,
          "no article text: the page's main content has %d words, fewer than %d", words, MIN_ARTICLE_WORDS));
    }
    String title = metadata.title().isEmpty() && article.getTitle() != null ? article.getTitle().strip() : metadata.title();
    String author = metadata.author().isEmpty() && article.getByline() != null ? article.getByline().strip() : metadata.author();
    return new Read(text, new Metadata(title, metadata.published(), metadata.outlet(), author), null);
  }
}
