package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated hostile corpora, one per seed and input format (a folder of texts with a manifest,
 * JSON Lines, CSV): random bytes and encodings, every kind of line ending, control characters,
 * formula-like cells and names, empty, huge and malformed records. For each run: it ends normally,
 * every input item is in documents.csv or rejected.csv, no CSV cell would be run by a spreadsheet
 * or holds a control character, and nothing outside the output folder changed. {@code mvn test}
 * runs four seeds; {@code -Dpresslens.hostileCases=200} runs more.
 */
class HostileInputTest {

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final String[] SENTENCES = {
      "NATO foreign ministers met in Brussels on Monday to discuss the war in Ukraine.",
      "The European Union said it would send more aid, and Germany agreed.",
      "Critics in Washington doubted that the plan was properly funded.",
      "President Biden spoke with Prime Minister Kishida about security in Asia.",
      "=cmd|' /C calc'!A0", "+44 20 7946 0000", "-the minus", "@SUM(A1:A9)", "'quoted", "\"double\" quotes, and commas",
      "Ünïcödé façade — “curly” ‘quotes’ 日本語 العربية 😀", "a\u0000nul", "esc\u001B[31mred", "del\u007Fchar",
      "tab\tseparated", "x".repeat(300), "   ", "Mr. Smith (Reuters) - said so.\u00A0OK", "\uFEFFbom inside"};
  private static final String[] ENDINGS = {"\n", "\r\n", "\r", "\u2028", " "};

  @TempDir Path tmp;

  static Stream<Integer> seeds() {
    return IntStream.rangeClosed(1, Integer.getInteger("presslens.hostileCases", 4)).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aFolderOfTextsWithAManifest(int seed) throws IOException {
    Random random = new Random(seed);
    Path input = Files.createDirectories(tmp.resolve("input"));
    Files.createDirectories(input.resolve("bbc"));
    String[] names = {"=SUM(1)", "-x", "+1", "@a", "tab\tname", "new\nline", "plain", "ünï", "'q", "space name"};
    List<String> files = new ArrayList<>();
    int count = 3 + random.nextInt(8);
    for (int i = 0; i < count; i++) {
      String name = (random.nextBoolean() ? "bbc/" : "") + names[random.nextInt(names.length)] + "-" + i;
      int kind = random.nextInt(8);
      String file = name + (kind == 6 ? ".txt.gz" : random.nextInt(5) == 0 ? ".TXT" : ".txt");
      Files.write(input.resolve(file), textBytes(random, kind));
      files.add(file);
    }
    StringWriter manifest = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(manifest, CSVFormat.RFC4180)) {
      printer.printRecord("file", "doc_id", "outlet", "published", "title");
      for (String file : files) {
        if (random.nextBoolean()) {
          // a NUL makes the manifest no text file: the run stops before any work (exit 2), tested elsewhere
          printer.printRecord(file, random.nextBoolean() ? "" : manifestCell(random), manifestCell(random),
              random.nextBoolean() ? "2024-05-03" : manifestCell(random), manifestCell(random));
        }
      }
      printer.printRecord("missing.txt", "", "", "", ""); // a manifest row without its file
    }
    Files.writeString(input.resolve("manifest.csv"), manifest.toString());
    runAndCheck(input, "--input=" + input, files.size() + 1);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void jsonLines(int seed) throws IOException {
    Random random = new Random(seed);
    Path input = Files.createDirectories(tmp.resolve("input"));
    StringBuilder lines = new StringBuilder();
    int items = 0;
    int count = 5 + random.nextInt(15);
    for (int i = 0; i < count; i++) {
      String record = switch (random.nextInt(10)) {
        case 0 -> "{\"doc_id\": \"x" + i + "\", \"text\": \"never closed";
        case 1 -> "{\"doc_id\": \"a\", \"text\": \"one\"}{\"doc_id\": \"b\", \"text\": \"two\"}";
        case 2 -> "{\"text\": \"" + json(text(random)) + "\"} trailing";
        case 3 -> "[1, 2, 3]";
        case 4 -> "{\"doc_id\": \"e" + i + "\", \"text\": \"\"}";
        case 5 -> "{\"doc_id\": \"m" + i + "\", \"outlet\": \"RT\"}";
        case 6 -> "{\"doc_id\": \"big\", \"text\": \"" + "word ".repeat(250_000) + "\"}";
        default -> "{\"doc_id\": \"" + json(random.nextInt(3) == 0 ? "dup" : cell(random)) + "\", \"outlet\": \""
            + json(cell(random)) + "\", \"text\": \"" + json(text(random)) + "\"}";
      };
      lines.append(record).append(random.nextBoolean() ? "\n" : "\r\n");
      items++;
      if (random.nextInt(4) == 0) {
        lines.append(random.nextBoolean() ? "\n" : "   \n"); // blank lines are no items
      }
    }
    Files.writeString(input.resolve("corpus.jsonl"), lines);
    runAndCheck(input, "--input=" + input.resolve("corpus.jsonl"), items);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void csv(int seed) throws IOException {
    Random random = new Random(seed);
    Path input = Files.createDirectories(tmp.resolve("input"));
    StringWriter csv = new StringWriter();
    int items = 0;
    try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
      printer.printRecord("doc_id", "outlet", "text");
      int count = 3 + random.nextInt(12);
      for (int i = 0; i < count; i++) {
        if (random.nextInt(6) == 0) {
          printer.flush();
          csv.write("r" + i + ",too,many,cells\r\n");
        } else {
          printer.printRecord(random.nextInt(3) == 0 ? "dup" : cell(random), cell(random),
              random.nextInt(6) == 0 ? "" : text(random));
        }
        items++;
      }
    }
    String body = csv + (random.nextBoolean() ? "last,row,\"quote never closed\r\n" : "");
    items += body.endsWith("closed\r\n") ? 1 : 0;
    Files.writeString(input.resolve("corpus.csv"), body);
    runAndCheck(input, "--input=" + input.resolve("corpus.csv"), items);
  }

  /** Runs PressLens on the input and checks every property the class comment names. */
  private void runAndCheck(Path input, String inputOption, int items) throws IOException {
    Path out = tmp.resolve("out");
    Map<Path, String> before = snapshot(tmp);
    SeedRun.run(inputOption, "--output=" + out, "--groupField=outlet", "--maxDocumentMB=1");
    Map<Path, String> after = snapshot(tmp);
    after.keySet().removeIf(p -> p.startsWith(out));
    assertEquals(before, after, "nothing outside the output folder changed");

    List<CSVRecord> documents = PressLensRunTest.readCsv(out.resolve("documents.csv"));
    List<CSVRecord> rejected = PressLensRunTest.readCsv(out.resolve("rejected.csv"));
    assertEquals(items, documents.size() + rejected.size(),
        "every item is a document or rejected: " + documents.size() + " documents, rejected " + rejected.stream()
            .map(r -> r.get("source") + " " + r.get("item") + " " + r.get("reason")).toList());
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path file : walk.filter(f -> f.toString().endsWith(".csv")).toList()) {
        for (CSVRecord record : PressLensRunTest.readCsv(file)) {
          for (String cell : record) {
            assertSafe(cell, file.getFileName() + " " + record.toList());
          }
        }
      }
    }
  }

  private static void assertSafe(String cell, String where) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      assertFalse(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F, "control character in " + where);
    }
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      assertTrue(NUMBER.matcher(cell).matches(), "a spreadsheet would run " + cell + " in " + where);
    }
  }

  /** Paths under the folder with size and time, so that a change to any of them shows. */
  private static Map<Path, String> snapshot(Path folder) throws IOException {
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.toList()) {
        files.put(p, Files.isDirectory(p) ? "dir" : Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return files;
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int sentences = random.nextInt(40);
    for (int i = 0; i < sentences; i++) {
      text.append(SENTENCES[random.nextInt(random.nextInt(3) == 0 ? SENTENCES.length : 4)])
          .append(ENDINGS[random.nextInt(ENDINGS.length)]);
    }
    return text.toString();
  }

  private static String cell(Random random) {
    String sentence = SENTENCES[random.nextInt(SENTENCES.length)];
    return sentence.substring(0, Math.min(sentence.length(), 1 + random.nextInt(8)));
  }

  private static String manifestCell(Random random) {
    return cell(random).replace("\u0000", "");
  }

  private static byte[] textBytes(Random random, int kind) throws IOException {
    String text = text(random);
    return switch (kind) {
      case 0 -> text.getBytes(StandardCharsets.UTF_8);
      case 1 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
      case 2 -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
      case 3 -> text.getBytes(Charset.forName("windows-1252"));
      case 4 -> {
        byte[] bytes = new byte[random.nextInt(5000)];
        random.nextBytes(bytes);
        yield bytes;
      }
      case 5 -> new byte[0];
      case 6 -> {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(gz)) {
          zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        yield gz.toByteArray();
      }
      default -> " \t\r\n ".repeat(random.nextInt(50)).getBytes(StandardCharsets.US_ASCII);
    };
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** The text as a JSON string body: quotes, backslashes and control characters escaped. */
  private static String json(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        escaped.append('\\').append(c);
      } else if (c < 0x20) {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
