package org.presslens.transforms.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.presslens.transforms.text.PublishedDates;

/**
 * Title, publication date and outlet of a web page from the metadata news sites publish for
 * search engines and social networks, first found wins:
 * <ul>
 *   <li>title: JSON-LD {@code headline} of an article, {@code og:title}, {@code twitter:title},
 *       then the extractor's title (the {@code <title>} without the site's name);
 *   <li>published: JSON-LD {@code datePublished}, {@code article:published_time}, the
 *       {@code date}/{@code pubdate}/{@code DC.date.issued}/{@code parsely-pub-date} meta tags,
 *       then the first {@code <time datetime>}; only dates that {@link PublishedDates} reads;
 *   <li>outlet: {@code og:site_name}, then the JSON-LD article's {@code publisher.name};
 *   <li>author: the JSON-LD article's {@code author} names (several joined by "; "), the
 *       {@code author} meta tag, then the byline the extractor finds.
 * </ul>
 * JSON-LD is read from every {@code application/ld+json} script, also inside arrays and
 * {@code @graph}, for the types NewsArticle, Article, ReportageNewsArticle, AnalysisNewsArticle,
 * OpinionNewsArticle, BlogPosting and LiveBlogPosting. Call before the extractor changes the document.
 */
final class PageMetadata {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ARTICLE_TYPES = Set.of("NewsArticle", "Article", "ReportageNewsArticle",
      "AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting", "LiveBlogPosting");
  private static final List<String> DATE_META = List.of("meta[property=article:published_time]",
      "meta[name=article:published_time]", "meta[itemprop=datePublished]", "meta[name=pubdate]",
      "meta[name=publishdate]", "meta[name=date]", "meta[name=DC.date.issued]", "meta[name=dcterms.date]",
      "meta[name=parsely-pub-date]");

  private PageMetadata() {}

  static HtmlText.Metadata of(Document page) {
    List<JsonNode> articles = jsonLdArticles(page);
    String title = first(jsonLd(articles, "headline"), meta(page, "meta[property=og:title]"),
        meta(page, "meta[name=twitter:title]"));
    String published = first(date(jsonLd(articles, "datePublished")), dateMeta(page),
        date(Optional.ofNullable(page.selectFirst("time[datetime]")).map(t -> t.attr("datetime")).orElse("")));
    String outlet = first(meta(page, "meta[property=og:site_name]"), publisher(articles));
    String author = first(authors(articles), meta(page, "meta[name=author]"));
    return new HtmlText.Metadata(title, published, outlet, author);
  }

  /** The names of the first article's authors: a name, a person or organisation, or a list of them. */
  private static String authors(List<JsonNode> articles) {
    for (JsonNode article : articles) {
      List<String> names = new ArrayList<>();
      JsonNode author = article.get("author");
      for (JsonNode one : author == null ? List.<JsonNode>of() : author.isArray() ? author : List.of(author)) {
        String name = one.isValueNode() ? one.asText() : one.path("name").asText("");
        if (!name.isBlank()) {
          names.add(name.strip());
        }
      }
      if (!names.isEmpty()) {
        return String.join("; ", names);
      }
    }
    return "";
  }

  private static String dateMeta(Document page) {
    for (String selector : DATE_META) {
      String date = date(meta(page, selector));
      if (!date.isEmpty()) {
        return date;
      }
    }
    return "";
  }

  /** The date in PressLens's form, or "" when it is not one PressLens reads (metadata never rejects a page). */
  private static String date(String raw) {
    return PublishedDates.normalise(raw).orElse("");
  }

  private static String meta(Document page, String selector) {
    Element element = page.selectFirst(selector);
    return element == null ? "" : element.attr("content").strip();
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return "";
  }

  private static String jsonLd(List<JsonNode> articles, String field) {
    for (JsonNode article : articles) {
      JsonNode value = article.get(field);
      if (value != null && value.isValueNode() && !value.asText().isBlank()) {
        return value.asText();
      }
    }
    return "";
  }

  private static String publisher(List<JsonNode> articles) {
    for (JsonNode article : articles) {
      JsonNode name = article.path("publisher").path("name");
      if (name.isValueNode() && !name.asText().isBlank()) {
        return name.asText();
      }
    }
    return "";
  }

  private static List<JsonNode> jsonLdArticles(Document page) {
    List<JsonNode> articles = new ArrayList<>();
    for (Element script : page.select("script[type=application/ld+json]")) {
      try {
        collectArticles(JSON.readTree(script.data()), articles);
      } catch (JsonProcessingException e) {
        // Broken structured data is common on the web; the other metadata still count.
      }
    }
    return articles;
  }

  private static void collectArticles(JsonNode node, List<JsonNode> into) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(item -> collectArticles(item, into));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    JsonNode type = node.get("@type");
    boolean article = type != null && (type.isTextual() && ARTICLE_TYPES.contains(type.asText())
        || type.isArray() && java.util.stream.StreamSupport.stream(type.spliterator(), false)
            .anyMatch(t -> ARTICLE_TYPES.contains(t.asText())));
    if (article) {
      into.add(node);
    }
    collectArticles(node.get("@graph"), into);
  }
}
