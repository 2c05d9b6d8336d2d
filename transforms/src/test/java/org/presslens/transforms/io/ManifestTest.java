package org.presslens.transforms.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Manifests as users write them: other charsets, and mistakes that must stop the run with the file's name. */
class ManifestTest {

  private static Manifest read(byte[] bytes) throws IOException {
    return Manifest.read(new ByteArrayInputStream(bytes), "meta.csv");
  }

  @Test
  void aWindows1252ManifestIsReadInItsCharset() throws IOException {
    String csv = "file,outlet,title\na.txt,Édition française,Les élections à Zürich: résultats, réactions et enjeux\n";
    Manifest m = read(csv.getBytes(Charset.forName("windows-1252")));
    assertEquals("Édition française", m.lookup("a.txt").orElseThrow().outlet());
  }

  @Test
  void aUtf8ManifestWithByteOrderMarkKeepsItsFirstColumnName() throws IOException {
    byte[] body = "file,outlet\na.txt,BBC\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    assertEquals("BBC", read(bytes).lookup("a.txt").orElseThrow().outlet());
  }

  @Test
  void aSpreadsheetsSemicolonManifestIsRead() throws IOException {
    String csv = "file;outlet;title\na.txt;Le Monde;\"Croissance: 1,5 %; inflation: 2,1 %\"\n";
    Manifest.Entry entry = read(csv.getBytes(StandardCharsets.UTF_8)).lookup("a.txt").orElseThrow();
    assertEquals("Le Monde", entry.outlet());
    assertEquals("Croissance: 1,5 %; inflation: 2,1 %", entry.title());
  }

  @Test
  void mistakesNameTheFile() {
    for (String csv : new String[] {
        "file,outlet\na.txt,\"BBC\n",                 // unterminated quote
        "file,outlet,outlet\na.txt,BBC,RT\n",         // a column named twice
        "name,outlet\na.txt,BBC\n",                   // no file column
        "file,outlet\na.txt,BBC\na.txt,RT\n"}) {      // a file listed twice
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> read(csv.getBytes(StandardCharsets.UTF_8)), csv);
      assertTrue(e.getMessage().startsWith("meta.csv"), e.getMessage());
    }
  }

  @Test
  void bytesThatAreNoTextAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(new byte[] {'f', 0, 'x'}));
    assertTrue(e.getMessage().startsWith("meta.csv: ") && e.getMessage().contains("NUL"), e.getMessage());
  }

  @Test
  void commonColumnNamesAreUnderstood() throws IOException {
    String csv = "Path,Source,Date,Headline,Byline,Link,ID\nbbc/a.txt,BBC,2024-05-03,Summit ends,Jo Lee,https://x.y/1,a1\n";
    Manifest.Entry entry = read(csv.getBytes(StandardCharsets.UTF_8)).lookup("bbc/a.txt").orElseThrow();
    assertEquals(new Manifest.Entry("bbc/a.txt", "a1", "BBC", "2024-05-03", "Jo Lee", "Summit ends", "https://x.y/1"), entry);
    String both = "file_name,date,published,site\na.txt,2023,2024-05-03,RT\n";
    Manifest.Entry preferred = read(both.getBytes(StandardCharsets.UTF_8)).lookup("a.txt").orElseThrow();
    assertEquals("2024-05-03", preferred.published(), "the column named as PressLens names it wins");
    assertEquals("RT", preferred.outlet());
  }

  @Test
  void anUnknownLayoutNamesWhatWasExpected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read("document,outlet\na.txt,BBC\n".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith("meta.csv: ") && e.getMessage().contains("path") && e.getMessage().contains("[document, outlet]")
        && !e.getMessage().contains("\n"), e.getMessage());
  }
}
