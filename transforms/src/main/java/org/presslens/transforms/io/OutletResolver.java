package org.presslens.transforms.io;

import java.io.Serializable;
import java.util.Optional;

/**
 * Decides doc_id, outlet, date, title and author of a file: the manifest wins; then what a web page says
 * about itself ({@link HtmlText.Metadata}); otherwise the doc_id is the path below the input
 * folder without its extension (".txt", ".html", ".htm", also with ".gz") and the outlet is the
 * name of the file's folder, or {@value #UNKNOWN} for files directly in the input folder.
 */
public final class OutletResolver implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final String UNKNOWN = "unknown";

  private final Manifest manifest;

  public OutletResolver(Manifest manifest) {
    this.manifest = manifest;
  }

  /** Identity and metadata of one file. */
  public record Resolved(String docId, String outlet, String published, String title, String author) {}

  public Resolved resolve(String relativePath, HtmlText.Metadata page) {
    Optional<Manifest.Entry> entry = manifest.lookup(relativePath);
    String defaultId = relativePath.replaceFirst("(?i)\\.(txt|html?)(\\.gz)?$", "");
    int slash = relativePath.lastIndexOf('/');
    String folderOutlet = UNKNOWN;
    if (slash > 0) {
      String folder = relativePath.substring(0, slash);
      folderOutlet = folder.substring(folder.lastIndexOf('/') + 1);
    }
    String docId = entry.map(Manifest.Entry::docId).filter(s -> !s.isEmpty()).orElse(defaultId);
    String outlet = entry.map(Manifest.Entry::outlet).filter(s -> !s.isEmpty())
        .orElse(page.outlet().isEmpty() ? folderOutlet : page.outlet());
    return new Resolved(
        docId,
        outlet,
        entry.map(Manifest.Entry::published).filter(s -> !s.isEmpty()).orElse(page.published()),
        entry.map(Manifest.Entry::title).filter(s -> !s.isEmpty()).orElse(page.title()),
        entry.map(Manifest.Entry::author).filter(s -> !s.isEmpty()).orElse(page.author()));
  }
}
