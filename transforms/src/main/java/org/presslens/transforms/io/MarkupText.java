package org.presslens.transforms.io;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text a reader sees in parsed HTML, with paragraphs kept: every block element (paragraph,
 * heading, list item, table cell, division) becomes a paragraph of its own, separated by a blank
 * line, {@code <br>} a line break, and white space inside a paragraph collapses to one space as
 * a browser shows it ({@code <pre>} keeps its own). Scripts, styles, forms, embedded frames and
 * figure captions (photo and agency credits) are not text.
 */
final class MarkupText {

  private static final Set<String> NOT_TEXT = Set.of("script", "style", "noscript", "template", "iframe", "object",
      "embed", "svg", "canvas", "head", "form", "button", "select", "textarea", "figcaption");

  private MarkupText() {}

  static String of(Element root) {
    Visitor visitor = new Visitor();
    NodeTraversor.traverse(visitor, root);
    return visitor.text();
  }

  private static final class Visitor implements NodeVisitor {
    private final StringBuilder out = new StringBuilder();
    private Node skipped;
    private int preformatted;

    @Override
    public void head(Node node, int depth) {
      if (skipped != null) {
        return;
      }
      if (node instanceof TextNode text) {
        if (preformatted > 0) {
          out.append(text.getWholeText());
        } else {
          appendCollapsed(text.getWholeText());
        }
      } else if (node instanceof Element element) {
        String name = element.normalName();
        if (NOT_TEXT.contains(name)) {
          skipped = node;
        } else if (name.equals("br")) {
          trimTrailingSpace();
          out.append('\n');
        } else if (element.isBlock()) { // jsoup's block elements: p, div, h1-h6, li, td, blockquote, pre, ...
          paragraphBreak();
          preformatted += name.equals("pre") ? 1 : 0;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (skipped != null) {
        skipped = skipped == node ? null : skipped;
        return;
      }
      if (node instanceof Element element && element.isBlock() && !element.normalName().equals("br")) {
        preformatted -= element.normalName().equals("pre") ? 1 : 0;
        paragraphBreak();
      }
    }

    private void appendCollapsed(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c) || c == '\u00A0') {
          boolean atLineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
          if (!atLineStart && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
          }
        } else {
          out.append(c);
        }
      }
    }

    private void trimTrailingSpace() {
      while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
        out.setLength(out.length() - 1);
      }
    }

    private void paragraphBreak() {
      trimTrailingSpace();
      int length = out.length();
      if (length == 0 || length >= 2 && out.charAt(length - 1) == '\n' && out.charAt(length - 2) == '\n') {
        return;
      }
      out.append(out.charAt(length - 1) == '\n' ? "\n" : "\n\n");
    }

    String text() {
      return out.toString().strip();
    }
  }
}
