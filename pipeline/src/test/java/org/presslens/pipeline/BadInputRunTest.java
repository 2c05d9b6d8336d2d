package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run over a folder holding every kind of bad input, and runs over bad JSON Lines and CSV
 * files: each bad item must appear in rejected.csv with its reason, each good one in
 * documents.csv, and the run must complete.
 */
class BadInputRunTest {

  private static final Path ROOT = Path.of(System.getProperty("presslens.root", ".."));
  static final String GOOD = "The minister said on Monday that the plan would go ahead despite the protests in the capital.";
  static final String GERMAN = "Die Bundesregierung hat am Montag neue Maßnahmen zur Förderung erneuerbarer Energien "
      + "beschlossen. Der Wirtschaftsminister erklärte in Berlin, dass die Kosten für Verbraucher nicht steigen sollen. "
      + "Kritiker aus der Opposition bezweifeln jedoch, dass die Pläne ausreichend finanziert sind. Die Länder "
      + "fordern seit Monaten mehr Geld vom Bund und wollen im Bundesrat über die Vorschläge beraten.";

  @TempDir static Path corpus;
  @TempDir static Path out;
  @Test
  void aTruncatedCompressedFileIsRejectedAfterTheRecordsBeforeTheCut(@TempDir Path out) throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    int records = 400;
    try (GZIPOutputStream zip = new GZIPOutputStream(gz)) {
      for (int i = 0; i < records; i++) {
        zip.write(("{\"doc_id\": \"t" + i + "\", \"text\": \"Article " + i + ": " + GOOD + " The count was " + (i * 7919)
            + " in district " + (i % 97) + ".\"}\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] whole = gz.toByteArray();
    Path input = files.resolve("cut.jsonl.gz");
    Files.write(input, java.util.Arrays.copyOf(whole, whole.length / 2));
    PressLensOptions options = PressLensRunTest.options("--input=" + input, "--output=" + out);
    ReportRun.run(options, RunConfig.from(options));
    List<CSVRecord> rejections = PressLensRunTest.readCsv(out.resolve("rejected.csv"));
    assertEquals(1, rejections.size());
    assertEquals("unreadable", rejections.get(0).get("reason"));
    assertTrue(rejections.get(0).get("detail").startsWith("the compressed file ends early or is damaged"),
        rejections.get(0).get("detail"));
    int read = PressLensRunTest.readCsv(out.resolve("documents.csv")).size();
    assertTrue(read > 0 && read < records, read + " records before the cut");
  }

  @Test
  void recordsWithoutTheGroupFieldAreNamedInTheSummary(@TempDir Path out) throws IOException {
    Path input = files.resolve("ungrouped.jsonl");
    Files.writeString(input, String.join("\n",
        "{\"doc_id\": \"g1\", \"party\": \"A\", \"text\": \"" + GOOD + "\"}",
        "{\"doc_id\": \"g2\", \"text\": \"" + GOOD + " Another sentence.\"}",
        "{\"doc_id\": \"g3\", \"text\": \"" + GOOD + " A third one.\"}", ""));
    PressLensOptions options = PressLensRunTest.options("--input=" + input, "--output=" + out, "--groupField=party");
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stdout = System.out;
    System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      ReportRun.run(options, RunConfig.from(options));
    } finally {
      System.setOut(stdout);
    }
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("presslens: 2 records have no field 'party' (--groupField)"
        + " and no outlet in their page's metadata: their documents go to the outlet 'unknown'"), printed.toString(StandardCharsets.UTF_8));
  }

  @TempDir static Path files;
  @TempDir static Path jsonOut;
  @TempDir static Path csvOut;
  private static Map<String, Long> rows;

  @BeforeAll
  static void runOnBadFolder() throws IOException {
    write("good/a.txt", GOOD);
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(gzipped)) {
      zip.write("A gzipped article about the harbour, the budget and the new bridge over the river.".getBytes(StandardCharsets.UTF_8));
    }
    write("good/zipped.txt.gz", gzipped.toByteArray());
    // Invalid as UTF-8; detected as windows-1252 and decoded.
    write("good/windows1252.txt", ("The minister said \u201cno\u201d to the caf\u00e9 owners on Monday, and that\u2019s final.")
        .getBytes("windows-1252"));
    byte[] garbage = new byte[64];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (0x80 + (i * 37) % 0x7F);
    }
    write("bad/garbage.txt", garbage);
    write("bad/empty.txt", new byte[0]);
    write("bad/blank.txt", "  \n\t\n");
    write("bad/binary.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
    write("bad/numbers.txt", "123 456 -- 7.89 %% !!");
    write("bad/unspaced.txt", "Data: " + "QUJDRE".repeat(400));
    write("bad/german.txt", GERMAN);
    write("pages/story.html", "<!DOCTYPE html><html><head><meta property=\"og:site_name\" content=\"Harbour Times\">"
        + "<script>var tracker = 1;</script></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
        + "<article><p>" + GOOD + " " + GOOD + "</p><p>" + GOOD + " The council will vote on the plan next week.</p></article>"
        + "<footer>Privacy policy</footer></body></html>");
    write("pages/index.htm", "<html><body><ul><li><a href=\"/1\">Plan goes ahead</a></li>"
        + "<li><a href=\"/2\">Protests in the capital</a></li></ul></body></html>");
    write("bad/undated.txt", GOOD);
    write("bad/dup-id-1.txt", GOOD + " One.");
    write("bad/dup-id-2.txt", GOOD + " Two.");
    try (RandomAccessFile big = new RandomAccessFile(corpus.resolve("bad/huge.txt").toFile(), "rw")) {
      big.setLength(50_000_000L); // 50 MB: rejected from its size, never read
    }
    write("bad/more.jsonl", "{\"doc_id\": \"m\", \"text\": \"" + GOOD + "\"}\n"); // another format: listed, not read
    write("bad/.DS_Store", new byte[] {0, 0, 0, 1}); // hidden: no input item
    Files.createDirectories(corpus.resolve("empty-folder/nested"));
    Files.createSymbolicLink(corpus.resolve("bad/loop"), Path.of(".."));
    Files.createSymbolicLink(corpus.resolve("bad/dangling.txt"), Path.of("/no/such/file.txt"));
    write("manifest.csv", "file,doc_id,outlet,published,author,title,url\n"
        + "bad/undated.txt,undated,,next Tuesday,,,\n"
        + "bad/dup-id-1.txt,same-id,,,,,\n"
        + "bad/dup-id-2.txt,same-id,,,,,\n"
        + "bad/deleted.txt,deleted,,,,,\n");
    PressLensOptions options = PressLensRunTest.options("--input=" + corpus, "--output=" + out);
    rows = ReportRun.run(options, RunConfig.from(options));
  }

  private static void write(String relative, String text) throws IOException {
    write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(String relative, byte[] bytes) throws IOException {
    Path file = corpus.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  /** Rejected rows as "source|item" to reason. */
  private static Map<String, String> rejected(Path output) throws IOException {
    return PressLensRunTest.readCsv(output.resolve("rejected.csv")).stream()
        .collect(Collectors.toMap(r -> r.get("source") + "|" + r.get("item"), r -> r.get("reason"), (a, b) -> a, TreeMap::new));
  }

  @Test
  void everyBadKindHasItsRejectedRow() throws IOException {
    Map<String, String> expected = new TreeMap<>(Map.ofEntries(
        Map.entry("bad/empty.txt|", "empty"),
        Map.entry("bad/blank.txt|", "empty"),
        Map.entry("bad/binary.txt|", "binary"),
        Map.entry("bad/garbage.txt|", "unknown-encoding"),
        Map.entry("bad/numbers.txt|", "no-words"),
        Map.entry("bad/unspaced.txt|", "no-spaces"),
        Map.entry("bad/german.txt|", "not-english"),
        Map.entry("pages/index.htm|", "no-article"),
        Map.entry("bad/undated.txt|", "bad-date"),
        Map.entry("bad/dup-id-2.txt|", "duplicate-id"),
        Map.entry("bad/huge.txt|", "too-large"),
        Map.entry("bad/loop|", "symlink-loop"),
        Map.entry("bad/dangling.txt|", "unreadable"),
        Map.entry("empty-folder|", "no-files"),
        Map.entry("bad/more.jsonl|", "other-file"),
        Map.entry("manifest.csv|file bad/deleted.txt", "missing-file")));
    assertEquals(expected, rejected(out));
    assertEquals(16L, rows.get("rejected.csv"));
  }

  @Test
  void goodDocumentsAreAnalysedAndNothingIsLost() throws IOException {
    List<CSVRecord> docs = PressLensRunTest.readCsv(out.resolve("documents.csv"));
    assertEquals(List.of("good/a", "good/windows1252", "good/zipped", "pages/story", "same-id"),
        docs.stream().map(r -> r.get("doc_id")).toList());
    assertEquals("windows-1252", docs.get(1).get("charset"));
    assertEquals("Harbour Times", docs.get(3).get("outlet"));
    // 17 document files (the dangling link included), a looping link, an empty folder, a manifest row without file
    // and a JSON Lines file among the texts.
    assertEquals(17 + 1 + 1 + 1 + 1, docs.size() + rows.get("rejected.csv"));
    // the documents rejected after tokenizing (no word with a letter) are not among those analysed
    assertEquals(Integer.toString(docs.size()), PressLensRunTest.runValue(out, "analysed").orElseThrow());
  }

  /**
   * A file without read permission. Root reads any file, so when the tests run as root the run
   * goes to a child JVM that {@code unshare --user} starts as an unprivileged user.
   */
  @Test
  void fileWithoutReadPermissionIsRejected() throws IOException, InterruptedException {
    Path input = files.resolve("corpus");
    Path secret = input.resolve("secret.txt");
    Files.createDirectories(input);
    Files.writeString(input.resolve("open.txt"), GOOD);
    Files.writeString(secret, GOOD);
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    Path output = files.resolve("out");
    Files.createDirectories(output);
    for (Path p : List.of(files, input, output)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
    Files.setPosixFilePermissions(input.resolve("open.txt"), PosixFilePermissions.fromString("rw-r--r--"));
    if (Files.isReadable(secret)) {
      Assumptions.assumeTrue(new ProcessBuilder("unshare", "--user", "true").start().waitFor() == 0,
          "runs as root and cannot start an unprivileged user namespace (unshare --user)");
      String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      Process run = new ProcessBuilder("unshare", "--user",
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
          PressLens.class.getName(), "--input=" + input, "--output=" + output)
          .redirectErrorStream(true).redirectOutput(files.resolve("run.log").toFile()).start();
      assertEquals(0, run.waitFor(), Files.readString(files.resolve("run.log")));
    } else {
      PressLensOptions options = PressLensRunTest.options("--input=" + input, "--output=" + output);
      ReportRun.run(options, RunConfig.from(options));
    }
    assertEquals(Map.of("secret.txt|", "unreadable"), rejected(output));
    assertTrue(Files.readString(output.resolve("rejected.csv")).contains("Permission denied"),
        Files.readString(output.resolve("rejected.csv")));
  }

  @Test
  void badJsonLinesAreRejectedLineByLine() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(gz)) {
      zip.write(String.join("\n",
          "{\"doc_id\": \"j1\", \"party\": \"A\", \"year\": 1999, \"text\": \"" + GOOD + "\"}",
          "{\"doc_id\": \"j2\", \"party\": \"A\", \"text\": \"unterminated",
          "{\"doc_id\": \"j3\", \"party\": \"B\", \"body\": \"no text field\"}",
          "{\"doc_id\": \"j4\", \"party\": \"B\", \"year\": \"the nineties\", \"text\": \"" + GOOD + "\"}",
          "{\"doc_id\": \"j5\", \"party\": \"B\", \"text\": \"" + GERMAN + "\"}",
          "").getBytes(StandardCharsets.UTF_8));
    }
    Path input = files.resolve("feed.jsonl.gz");
    Files.write(input, gz.toByteArray());
    PressLensOptions options = PressLensRunTest.options("--input=" + input, "--output=" + jsonOut,
        "--groupField=party", "--dateField=year");
    ReportRun.run(options, RunConfig.from(options));
    assertEquals(Map.of("feed.jsonl.gz|line 2", "malformed-json", "feed.jsonl.gz|line 3", "missing-field",
        "feed.jsonl.gz|line 4", "bad-date", "feed.jsonl.gz|line 5", "not-english"), rejected(jsonOut));
    List<CSVRecord> docs = PressLensRunTest.readCsv(jsonOut.resolve("documents.csv"));
    assertEquals(List.of("j1|A|1999"), docs.stream().map(r -> r.get("doc_id") + "|" + r.get("outlet") + "|" + r.get("published")).toList());
  }

  @Test
  void csvRowsWithTheWrongColumnCountAreRejected() throws IOException {
    Path input = files.resolve("articles.csv");
    Files.writeString(input, "doc_id,outlet,published,text\n"
        + "c1,BBC,2024-05-03,\"" + GOOD + "\"\n"
        + "c2,BBC,2024-05-04,\"" + GOOD + "\",stray cell\n"
        + "c3,RT,2024-05-05\n"
        + "c4,RT,2024-05-06,\"Another, quite different report on the harvest and the weather in the north.\"\n");
    PressLensOptions options = PressLensRunTest.options("--input=" + input, "--output=" + csvOut);
    ReportRun.run(options, RunConfig.from(options));
    assertEquals(Map.of("articles.csv|row 3", "malformed-csv", "articles.csv|row 4", "malformed-csv"), rejected(csvOut));
    assertEquals(List.of("c1", "c4"),
        PressLensRunTest.readCsv(csvOut.resolve("documents.csv")).stream().map(r -> r.get("doc_id")).toList());
    assertTrue(Files.readString(csvOut.resolve("rejected.csv")).contains("row has 5 cells, the header has 4"));
  }
}
