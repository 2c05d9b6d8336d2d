package org.presslens.transforms.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Web pages written as news sites publish them (navigation, cookie banners, related links,
 * comments, scripts, structured data) and markup in texts of other formats.
 */
class HtmlTextTest {

  private static final HtmlText AUTO = HtmlText.of(HtmlText.Mode.AUTO);

  private static String page(String name) throws IOException {
    try (InputStream in = HtmlTextTest.class.getResourceAsStream("/html/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> paragraphs(String text) {
    return Arrays.asList(text.split("\n\n"));
  }

  @Test
  void aNewsPageGivesItsArticleParagraphsAndMetadataWithoutTheSiteAround() throws IOException {
    HtmlText.Read read = AUTO.read(page("news-article.html"), true);

    assertNull(read.problem());
    List<String> paragraphs = paragraphs(read.text());
    assertEquals(6, paragraphs.size(), read.text());
    assertTrue(paragraphs.get(0).startsWith("Dock workers at the northern container terminal walked out"));
    assertTrue(paragraphs.get(2).startsWith("\"We kept this port running through every storm"));
    assertTrue(paragraphs.get(5).endsWith("at the offices of the regional labour commission."));
    for (String boilerplate : List.of("Subscribe", "cookies", "Related stories", "Ferry timetable", "Solidarity",
        "empty shelves", "Post comment", "Privacy policy", "All rights reserved", "dataLayer", "adSlots", "color:",
        "Photo: Agency Pictures", "<", ">")) {
      assertFalse(read.text().contains(boilerplate), boilerplate);
    }
    assertEquals(new HtmlText.Metadata("Harbour workers strike over pay", "2024-03-14", "The Coastal Herald", "Maria Lindqvist"),
        read.metadata());
  }

  @Test
  void jsonLdNamesTitleDateAndPublisherWhenThePageHasNoOtherMetadata() throws IOException {
    HtmlText.Read read = AUTO.read(page("jsonld-article.html"), true);

    assertNull(read.problem());
    assertEquals(5, paragraphs(read.text()).size(), read.text());
    assertTrue(read.text().startsWith("The transport minister on Thursday defended"));
    for (String boilerplate : List.of("Log in", "morning briefing", "Most read", "Storm closes bridges", "Advertise")) {
      assertFalse(read.text().contains(boilerplate), boilerplate);
    }
    assertEquals(new HtmlText.Metadata("Minister defends new rail timetable", "2023-11-02", "Northern Daily", "Tomas Berg"),
        read.metadata());
  }

  @Test
  void aListOfLinksHasNoArticle() throws IOException {
    HtmlText.Read read = AUTO.read(page("list-page.html"), true);

    assertFalse(read.ok());
    assertEquals("", read.text());
    assertEquals("no article text: the page's main content has 5 words, fewer than 40", read.problem());
  }

  @Test
  void aPageSavedAsTextIsRecognisedByItsStart() throws IOException {
    String html = page("jsonld-article.html");
    assertTrue(HtmlText.isPage(html));
    assertTrue(HtmlText.isPage("\uFEFF  <!-- saved from url -->\n<HTML><body><p>x</p></body></HTML>"));
    assertFalse(HtmlText.isPage("The <html> element is the root of a page."));
    assertEquals(AUTO.read(html, true), AUTO.read(html, false));
  }

  @Test
  void tagsInOtherTextsGoAndWhatTheyEncloseStays() {
    HtmlText.Read read = AUTO.read("Great taste.<br /><br />Would buy again &amp; again. <i>Highly</i> recommended!<br>"
        + "<script>track()</script>Five stars", false);

    assertEquals("Great taste.\n\nWould buy again & again. Highly recommended!\nFive stars", read.text());
    assertEquals(HtmlText.Metadata.NONE, read.metadata());
    assertEquals("First paragraph.\n\nSecond one, with a link.",
        AUTO.read("<p>First   paragraph.</p>\n<p>Second one, with <a href=\"/x\">a link</a>.</p>", false).text());
  }

  @Test
  void plainTextIsLeftExactlyAsWritten() {
    for (String text : List.of("If a < b and c > d, then AT&amp;T's <sarcasm>price</sarcasm> holds.",
        "  Two  spaces\tand a tab\n\n\nthree breaks  ", "x<y>z")) {
      assertEquals(text, AUTO.read(text, false).text());
    }
  }

  @Test
  void modesDecideWhichTextsAreHtml() {
    String fragment = "Fine.<br />Really.";
    assertEquals(fragment, HtmlText.of(HtmlText.Mode.NEVER).read(fragment, false).text());
    assertEquals("AT&T", HtmlText.of(HtmlText.Mode.ALWAYS).read("AT&amp;T", false).text());
    assertEquals("AT&amp;T", AUTO.read("AT&amp;T", false).text());
    assertFalse(HtmlText.of(HtmlText.Mode.NEVER).read("<html><body><ul><li>a</li></ul></body></html>", true).ok());
  }
}
