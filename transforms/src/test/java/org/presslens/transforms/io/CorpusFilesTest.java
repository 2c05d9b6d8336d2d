package org.presslens.transforms.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.transforms.model.RejectedInput;

class CorpusFilesTest {

  @TempDir Path dir;

  @Test
  void followsLinksOnceAndReportsLoopsBrokenLinksAndEmptyFolders() throws IOException {
    Files.createDirectories(dir.resolve("bbc/2023"));
    Files.writeString(dir.resolve("bbc/2023/a.txt"), "A");
    Files.writeString(dir.resolve("b.txt"), "B");
    Files.writeString(dir.resolve("LOUD.TXT"), "C");
    Files.createDirectories(dir.resolve("images/thumbs"));
    Files.writeString(dir.resolve("images/logo.png"), "png");
    Files.createDirectories(dir.resolve("empty"));
    Files.createSymbolicLink(dir.resolve("bbc/2023/up"), Path.of(".."));
    Files.createSymbolicLink(dir.resolve("alias.txt"), Path.of("b.txt"));
    Files.createSymbolicLink(dir.resolve("gone.txt"), Path.of("/no/such/file"));
    Files.createSymbolicLink(dir.resolve("ping.txt"), Path.of("pong.txt"));
    Files.createSymbolicLink(dir.resolve("pong.txt"), Path.of("ping.txt"));

    CorpusFiles.Listing listing = CorpusFiles.list(dir);

    assertEquals(List.of(dir.resolve("LOUD.TXT"), dir.resolve("alias.txt"), dir.resolve("b.txt"), dir.resolve("bbc/2023/a.txt")),
        listing.files(), "a .TXT in capitals is a text file too");
    assertEquals(List.of(
            "bbc/2023/up:symlink-loop",
            "empty:no-files",
            "gone.txt:unreadable",
            "images:no-files",
            "ping.txt:symlink-loop",
            "pong.txt:symlink-loop"),
        listing.problems().stream().map(p -> p.source() + ":" + p.reason()).toList());
    RejectedInput gone = listing.problems().get(2);
    assertEquals("symbolic link to a missing file", gone.detail());
  }

  @Test
  void reportsOtherFilesBesideDocumentsButNotHiddenFilesTheManifestOrFilesOfAFolderWithoutDocuments() throws IOException {
    for (String file : List.of("bbc/2023/a.txt", "bbc/2023/more.jsonl.gz", "b.html", "feed.CSV", "notes.md", "manifest.csv",
        ".DS_Store", "images/logo.png")) {
      Files.createDirectories(dir.resolve(file).getParent());
      Files.writeString(dir.resolve(file), "x");
    }

    CorpusFiles.Listing listing = CorpusFiles.list(dir, Set.of(dir.resolve("manifest.csv")));

    assertEquals(List.of(dir.resolve("b.html"), dir.resolve("bbc/2023/a.txt")), listing.files());
    assertEquals(List.of(
            "bbc/2023/more.jsonl.gz:other-file:a JSON Lines file among text files is not read: give it as --input to read its records",
            "feed.CSV:other-file:a CSV file among text files is not read: give it as --input to read its records",
            "images:no-files:folder holds no .txt or .html file",
            "notes.md:other-file:not a .txt, .html or .htm file: not read"),
        listing.problems().stream().map(p -> p.source() + ":" + p.reason() + ":" + p.detail()).toList());
  }
}
