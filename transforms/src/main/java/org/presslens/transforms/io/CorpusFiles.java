package org.presslens.transforms.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.RejectedInput.Reason;

/**
 * Lists the document files ({@code .txt}, {@code .html}, {@code .htm}, each also {@code .gz}) below a local
 * folder. Symbolic links are followed, but a link back
 * to an enclosing folder is reported once instead of being walked forever, and links that lead
 * nowhere, unreadable folders, folders without a single document file and other files beside
 * document files (a JSON Lines file dropped among the texts) are reported too, so that nothing in
 * the folder silently drops out of the run. Hidden files (a name that starts with a full stop,
 * such as {@code .DS_Store}) and the files the caller names (the manifest) are no input items.
 */
public final class CorpusFiles {

  /** The files to read (sorted) and what could not be listed, with paths relative to the root. */
  public record Listing(List<Path> files, List<RejectedInput> problems) {}

  private CorpusFiles() {}

  /** The endings of document files, in any letter case; each also with {@code .gz} (decompressed when read). */
  public static final List<String> EXTENSIONS = List.of(".txt", ".html", ".htm");

  /** A document file: a text file or a web page, maybe gzipped. */
  public static boolean isDocument(String fileName) {
    String name = ungzipped(fileName);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /** A web page: {@code .html} or {@code .htm}, maybe gzipped. */
  public static boolean isHtml(String fileName) {
    String name = ungzipped(fileName);
    return name.endsWith(".html") || name.endsWith(".htm");
  }

  /** The name in lower case without a final {@code .gz}. */
  private static String ungzipped(String fileName) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
  }

  /** A hidden file ({@code .DS_Store}): no input item, neither read nor reported. */
  public static boolean isHidden(String fileName) {
    return fileName.startsWith(".");
  }

  /** A JSON Lines, JSON or CSV file, maybe gzipped: what another {@code --format} reads. */
  public static boolean isRecordFile(String fileName) {
    String name = ungzipped(fileName);
    return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") || name.endsWith(".csv");
  }

  /** Why a file beside the documents is not read, and how to read it if PressLens can. */
  public static String otherFileDetail(String fileName) {
    if (isRecordFile(fileName)) {
      String kind = ungzipped(fileName).endsWith(".csv") ? "CSV" : "JSON Lines";
      return "a " + kind + " file among text files is not read: give it as --input to read its records";
    }
    return "not a .txt, .html or .htm file: not read";
  }

  public static Listing list(Path root) throws IOException {
    return list(root, Set.of());
  }

  /** The listing of {@code root}, where the files of {@code notItems} (the manifest) are not reported as other files. */
  public static Listing list(Path root, Set<Path> notItems) throws IOException {
    Walker walker = new Walker(root, notItems);
    Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, walker);
    walker.files.sort(null);
    walker.problems.sort(java.util.Comparator.comparing(RejectedInput::source));
    return new Listing(walker.files, walker.problems);
  }

  private static final class Walker extends SimpleFileVisitor<Path> {
    private final Path root;
    private final Set<Path> notItems;
    private final List<Path> files = new ArrayList<>();
    private final List<RejectedInput> problems = new ArrayList<>();
    /** Document files found so far below each folder being walked, innermost last. */
    private final Deque<int[]> found = new ArrayDeque<>();
    /** Other files directly in each folder being walked, innermost last: reported unless the folder is. */
    private final Deque<List<Path>> others = new ArrayDeque<>();
    /** Folders without document files; only the outermost of nested empty folders is kept. */
    private final List<Path> emptyFolders = new ArrayList<>();

    Walker(Path root, Set<Path> notItems) {
      this.root = root;
      this.notItems = notItems;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      found.push(new int[1]);
      others.push(new ArrayList<>());
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (isDocument(file.getFileName().toString())) {
        if (attrs.isRegularFile()) {
          files.add(file);
          found.peek()[0]++;
        } else if (attrs.isSymbolicLink()) {
          brokenLink(file);
        } else {
          problems.add(problem(file, Reason.UNREADABLE, "not a regular file"));
        }
      } else if (!isHidden(file.getFileName().toString()) && !notItems.contains(file)) {
        others.peek().add(file);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      if (e instanceof FileSystemLoopException) {
        problems.add(problem(file, Reason.SYMLINK_LOOP,
            "symbolic link back to an enclosing folder; not followed"));
      } else if (e instanceof NoSuchFileException) {
        problems.add(problem(file, Reason.UNREADABLE, "symbolic link to a missing file"));
      } else if (e instanceof AccessDeniedException) {
        problems.add(problem(file, Reason.UNREADABLE, "permission denied"));
      } else {
        problems.add(problem(file, Reason.UNREADABLE, e.getMessage() == null ? e.toString() : e.getMessage()));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
      int below = found.pop()[0];
      if (!found.isEmpty()) {
        found.peek()[0] += below;
      }
      List<Path> otherFiles = others.pop();
      if (below > 0) { // in a folder without documents, the folder's own line stands for its files
        otherFiles.forEach(file -> problems.add(problem(file, Reason.OTHER_FILE, otherFileDetail(file.getFileName().toString()))));
      }
      if (e != null) {
        problems.add(problem(dir, Reason.UNREADABLE, e.getMessage()));
      } else if (below == 0 && !dir.equals(root)) {
        emptyFolders.removeIf(folder -> folder.startsWith(dir));
        emptyFolders.add(dir);
      }
      if (found.isEmpty()) {
        emptyFolders.forEach(folder -> problems.add(problem(folder, Reason.NO_FILES, "folder holds no .txt or .html file")));
      }
      return FileVisitResult.CONTINUE;
    }

    /** A link the walk could not follow: it points nowhere, or round in a circle. */
    private void brokenLink(Path link) {
      try {
        Files.readAttributes(link, BasicFileAttributes.class);
        problems.add(problem(link, Reason.UNREADABLE, "symbolic link that cannot be read"));
      } catch (NoSuchFileException e) {
        problems.add(problem(link, Reason.UNREADABLE, "symbolic link to a missing file"));
      } catch (IOException e) {
        boolean loop = String.valueOf(e.getMessage()).contains("Too many levels of symbolic links");
        problems.add(loop ? problem(link, Reason.SYMLINK_LOOP, "symbolic links that point to each other")
            : problem(link, Reason.UNREADABLE, e.getMessage()));
      }
    }

    private RejectedInput problem(Path path, Reason reason, String detail) {
      return RejectedInput.of(root.relativize(path).toString(), "", reason, detail);
    }
  }
}
