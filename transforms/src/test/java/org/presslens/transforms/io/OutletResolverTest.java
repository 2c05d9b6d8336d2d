package org.presslens.transforms.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutletResolverTest {

  private static Manifest manifest(String csv) throws IOException {
    return Manifest.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test manifest");
  }

  @Test
  void manifestWinsOverFolderName() throws IOException {
    OutletResolver resolver = new OutletResolver(manifest(
        "\uFEFFfile,doc_id,outlet,published,author,title,url\n"
            + "bbc/a.txt,story-a,BBC News,2023-01-02,Jane Doe,\"Title, with comma\",\n"));
    assertEquals(new OutletResolver.Resolved("story-a", "BBC News", "2023-01-02", "Title, with comma", "Jane Doe"),
        resolver.resolve("bbc/a.txt", HtmlText.Metadata.NONE));
  }

  @Test
  void manifestRowMatchesByFileNameAlone() throws IOException {
    OutletResolver resolver = new OutletResolver(manifest("file,outlet\nb.txt,RT\n"));
    assertEquals(new OutletResolver.Resolved("sub/b", "RT", "", "", ""), resolver.resolve("sub/b.txt", HtmlText.Metadata.NONE));
  }

  @Test
  void emptyManifestCellsFallBackToFolder() throws IOException {
    OutletResolver resolver = new OutletResolver(manifest("file,doc_id,outlet\nx/c.txt,,\n"));
    assertEquals(new OutletResolver.Resolved("x/c", "x", "", "", ""), resolver.resolve("x/c.txt", HtmlText.Metadata.NONE));
  }

  @Test
  void parentFolderNamesTheOutletElseUnknown() {
    OutletResolver resolver = new OutletResolver(Manifest.empty());
    assertEquals("guardian", resolver.resolve("2023/guardian/a.txt", HtmlText.Metadata.NONE).outlet());
    assertEquals("2023/guardian/a", resolver.resolve("2023/guardian/a.txt", HtmlText.Metadata.NONE).docId());
    assertEquals(OutletResolver.UNKNOWN, resolver.resolve("a.txt", HtmlText.Metadata.NONE).outlet());
  }

  @Test
  void manifestRowsWithoutTheirFileAreFound() throws IOException {
    Manifest m = manifest("file,outlet\nbbc/a.txt,BBC\nb.txt,RT\nc.txt,RT\n");
    assertEquals(java.util.List.of("c.txt"),
        m.unmatched(java.util.List.of("bbc/a.txt", "sub/b.txt")).stream().map(Manifest.Entry::file).toList());
  }

  @Test
  void manifestWithoutFileColumnOrWithRepeatsIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> manifest("doc_id,outlet\na,b\n"));
    assertThrows(IllegalArgumentException.class, () -> manifest("file,outlet\na.txt,b\na.txt,c\n"));
  }
}
