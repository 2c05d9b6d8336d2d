package org.presslens.transforms.state;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.presslens.transforms.model.AnalyzedDocument;
import org.presslens.transforms.model.ByteIo;
import org.presslens.transforms.model.EncodedTables;
import org.presslens.transforms.model.OutletTables;
import org.presslens.transforms.model.RecordCoders;

/**
 * The analysis state a rerun builds on, in a folder of the cache (any Beam filesystem): three files
 * per {@link Segment} and the list of the segments that the last successful run left ({@value #LIVE}).
 * {@code <id>.members} lists the members (read before the pipeline is built, to judge which
 * documents changed), {@code <id>.tables} holds the segment's tables and postings (read when the
 * segment is kept), {@code <id>.docs} the members' analyses (read only when the segment has to be
 * built again because a member changed or went away). Every file starts with a mark of its kind and
 * version and ends with a CRC-32 of its content; the members file, written last, also names the
 * sizes of the other two and the documents' CRC. A segment whose members file fails these checks is
 * not used: its documents are analysed again. Files not on the list (left by a failed run, or
 * written by anything else) are never read.
 */
public final class SegmentStore implements Serializable {

  public static final String LIVE = "live.txt";
  private static final String LIVE_HEADER = "presslens segments 1";
  private static final byte[] MEMBERS_MARK = "PLMEM3\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TABLES_MARK = "PLTAB2\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MEMO_MARK = "PLMEMO1\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DOCUMENTS_MARK = "PLDOC1\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TOTALS_MARK = "PLTOT1\n".getBytes(StandardCharsets.US_ASCII);
  private static final String TOTALS = "totals-";

  private final String folder;

  /** @param folder the state folder: the cache folder of the run's settings */
  public SegmentStore(String folder) {
    this.folder = folder.endsWith("/") ? folder : folder + "/";
  }

  public String folder() {
    return folder;
  }

  ResourceId file(String name) {
    return FileSystems.matchNewResource(folder, true).resolve(name, StandardResolveOptions.RESOLVE_FILE);
  }

  ResourceId members(String id) {
    return file("segments/" + id + ".members");
  }

  ResourceId tables(String id) {
    return file("segments/" + id + ".tables");
  }

  ResourceId documents(String id) {
    return file("segments/" + id + ".docs");
  }

  /** The segments of the last successful run; none when there is no list or it is not one. */
  public List<String> live() throws IOException {
    return readList(file(LIVE));
  }

  private static List<String> readList(ResourceId list) throws IOException {
    if (!exists(list)) {
      return List.of();
    }
    String text;
    try (InputStream in = Channels.newInputStream(FileSystems.open(list))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> lines = Arrays.stream(text.split("\n")).filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty() || !lines.get(0).equals(LIVE_HEADER)) {
      return List.of();
    }
    return lines.subList(1, lines.size()).stream().filter(SegmentStore::isSegmentId).toList();
  }

  /** A segment id: letters, digits, '-' and '_' only, so that it never names a file elsewhere. */
  static boolean isSegmentId(String id) {
    return !id.isEmpty() && id.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
  }

  /** Records the segments of a run that has not finished yet: they become live with {@link #publish}. */
  public void writePending(String runId, List<String> ids) throws IOException {
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(file(pending(runId)), MimeTypes.TEXT))) {
      out.write((LIVE_HEADER + "\n" + String.join("\n", ids) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The segments a run recorded with {@link #writePending}. */
  public List<String> pending(String runId, boolean remove) throws IOException {
    ResourceId file = file(pending(runId));
    List<String> ids = readList(file);
    if (remove) {
      FileSystems.delete(List.of(file), StandardMoveOptions.IGNORE_MISSING_FILES);
    }
    return ids;
  }

  private static String pending(String runId) {
    return "pending-" + runId + ".txt";
  }

  /**
   * Makes the segments a finished run recorded the live ones (its list replaces the last one in
   * one rename) and removes every other segment file.
   */
  public List<String> publish(String runId) throws IOException {
    Set<String> ids = new LinkedHashSet<>(pending(runId, false));
    for (String written : List.of("memos/memo-*-" + runId + ".bin", "totals/" + TOTALS + runId + "-*.bin")) {
      for (MatchResult.Metadata m : FileSystems.match(file(written).toString(), EmptyMatchTreatment.ALLOW).metadata()) {
        String name = m.resourceId().getFilename();
        ids.add(name.substring(0, name.length() - ".bin".length()));
      }
    }
    writePending(runId, List.copyOf(ids));
    FileSystems.rename(List.of(file(pending(runId))), List.of(file(LIVE)));
    List<ResourceId> dead = new ArrayList<>();
    for (String folder : List.of("segments/*", "memos/*", "totals/*")) {
      for (MatchResult.Metadata m : FileSystems.match(file(folder).toString(), EmptyMatchTreatment.ALLOW).metadata()) {
        String name = m.resourceId().getFilename();
        String id = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        if (!ids.contains(id)) {
          dead.add(m.resourceId());
        }
      }
    }
    // the lists of runs that were killed before they finished
    FileSystems.match(file("pending-*.txt").toString(), EmptyMatchTreatment.ALLOW).metadata()
        .forEach(m -> dead.add(m.resourceId()));
    FileSystems.delete(dead, StandardMoveOptions.IGNORE_MISSING_FILES);
    return List.copyOf(ids);
  }

  /** The id of the memo file of {@code kind} that run {@code runId} writes. */
  public static String memoId(String kind, String runId) {
    return "memo-" + kind + "-" + runId;
  }

  /** The live memo file of {@code kind} among the live ids, or "" when there is none. */
  public static String liveMemo(String kind, List<String> live) {
    return live.stream().filter(id -> id.startsWith("memo-" + kind + "-")).findFirst().orElse("");
  }

  /** Whether a live id names a segment (not a memo or totals file). */
  public static boolean isSegment(String id) {
    return !id.startsWith("memo-") && !id.startsWith(TOTALS);
  }

  /** The live totals ({@link #writeTotals}, {@link #writeTotalTables}): the outlets' sums of the live segments. */
  public static List<String> liveTotals(List<String> live) {
    return live.stream().filter(id -> id.startsWith(TOTALS)).toList();
  }

  /**
   * Whether both files of each of the totals are there: a rerun that finds one missing sums the
   * kept segments instead (a damaged one still stops it, when {@link #readTotals} reads it).
   */
  public boolean hasTotals(List<String> ids) throws IOException {
    for (String id : ids) {
      if (!exists(totals(id, ".tables")) || !exists(totals(id, ".bin"))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a segment id is that of an outlet's totals read back ({@link #readTotals}). */
  public static boolean isTotals(String id) {
    return id.startsWith(TOTALS);
  }

  private ResourceId totals(String id, String kind) {
    return file("totals/" + id + kind);
  }

  private static String totalsId(String runId, String outlet) {
    return TOTALS + runId + "-" + DigestUtils.sha256Hex(outlet).substring(0, 16);
  }

  /**
   * Writes one outlet's summed tables of run {@code runId}, the first of its two totals files;
   * they become live with the run's segments ({@link #publish}).
   */
  public void writeTotalTables(String runId, String outlet, OutletTables tables) throws IOException {
    UnsynchronizedByteArrayOutputStream payload = ByteIo.output();
    StateCoders.encodeTables(new TreeMap<>(Map.of(outlet, EncodedTables.of(tables))), payload);
    writeFile(totals(totalsId(runId, outlet), ".tables"), framed(TOTALS_MARK, payload.toByteArray()));
  }

  /**
   * Writes one outlet's summed dated tables and postings of run {@code runId} (a {@link Segment}
   * without members; its tables are left out), the second of its two totals files.
   */
  public void writeTotals(String runId, String outlet, Segment sum) throws IOException {
    UnsynchronizedByteArrayOutputStream payload = ByteIo.output();
    StateCoders.encodeDated(sum.dated(), payload);
    StateCoders.encodePostings(sum.postings(), payload);
    writeFile(totals(totalsId(runId, outlet), ".bin"), framed(TOTALS_MARK, payload.toByteArray()));
  }

  /** An outlet's totals; fails with a message naming the file and the remedy when one is missing or damaged. */
  public Segment readTotals(String id) throws IOException {
    ResourceId file = totals(id, ".tables");
    try {
      TreeMap<String, EncodedTables> tables = StateCoders.decodeTables(
          ByteIo.of(unframed(TOTALS_MARK, readFile(file))));
      file = totals(id, ".bin");
      InputStream in = ByteIo.of(unframed(TOTALS_MARK, readFile(file)));
      return new Segment(id, new ArrayList<>(), tables, StateCoders.decodeDated(in), StateCoders.decodePostings(in));
    } catch (IOException | RuntimeException e) {
      throw damaged(file, e);
    }
  }

  /** Writes a memo file: entries sorted by key, framed like the other state files. */
  public void writeMemo(String id, SortedMap<String, byte[]> entries) throws IOException {
    UnsynchronizedByteArrayOutputStream payload = ByteIo.output();
    DataOutputStream out = new DataOutputStream(payload);
    out.writeInt(entries.size());
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue().length);
      out.write(e.getValue());
    }
    writeFile(file("memos/" + id + ".bin"), framed(MEMO_MARK, payload.toByteArray()));
  }

  /** A memo file's entries; none when it is missing or damaged (the results are then computed again). */
  public Map<String, byte[]> readMemo(String id) {
    if (id.isEmpty()) {
      return Map.of();
    }
    try {
      DataInputStream in = new DataInputStream(ByteIo.of(
          unframed(MEMO_MARK, readFile(file("memos/" + id + ".bin")))));
      int n = in.readInt();
      Map<String, byte[]> entries = new HashMap<>(n * 4 / 3 + 1);
      for (int i = 0; i < n; i++) {
        String key = in.readUTF();
        byte[] value = new byte[in.readInt()];
        in.readFully(value);
        entries.put(key, value);
      }
      return entries;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  /**
   * Starts writing the documents file of segment {@code id}; the tables and members follow with
   * {@link DocumentsWriter#finish}, once every document is in.
   */
  public DocumentsWriter startSegment(String id) throws IOException {
    return new DocumentsWriter(this, id);
  }

  /** Writes a segment's documents one by one, and then its tables and members, which vouch for them. */
  public static final class DocumentsWriter implements AutoCloseable {
    private final SegmentStore store;
    private final String id;
    private final CountingOutputStream counted;
    private final CheckedOutputStream checked;
    private final UnsynchronizedByteArrayOutputStream encoded = ByteIo.output();
    private boolean closed;

    private DocumentsWriter(SegmentStore store, String id) throws IOException {
      this.store = store;
      this.id = id;
      this.counted = new CountingOutputStream(new BufferedOutputStream(
          Channels.newOutputStream(FileSystems.create(store.documents(id), MimeTypes.BINARY)), 1 << 16));
      counted.write(DOCUMENTS_MARK);
      this.checked = new CheckedOutputStream(counted, new CRC32());
    }

    public void add(AnalyzedDocument doc) throws IOException {
      // coded into a buffer first: the checksum and the file take each document's bytes at once
      encoded.reset();
      RecordCoders.AnalyzedDocumentCoder.INSTANCE.encode(doc, encoded);
      checked.write(1);
      encoded.writeTo(checked);
    }

    /**
     * Ends the documents file and gives it the segment's id, then writes the tables and the
     * members file that vouches for both.
     */
    public void finish(Segment segment) throws IOException {
      checked.write(0);
      long crc = checked.getChecksum().getValue();
      new DataOutputStream(counted).writeLong(crc);
      counted.close();
      closed = true;
      moveReplacing(store.documents(id), store.documents(segment.id()));
      UnsynchronizedByteArrayOutputStream tables = ByteIo.output();
      StateCoders.encodeTables(segment.tables(), tables);
      StateCoders.encodeDated(segment.dated(), tables);
      StateCoders.encodePostings(segment.postings(), tables);
      byte[] tablesFile = framed(TABLES_MARK, tables.toByteArray());
      writeFile(store.tables(segment.id()), tablesFile);
      UnsynchronizedByteArrayOutputStream members = ByteIo.output();
      DataOutputStream header = new DataOutputStream(members);
      header.writeLong(counted.count());
      header.writeLong(crc);
      header.writeLong(tablesFile.length);
      StateCoders.encodeMembers(segment.members(), members);
      writeFile(store.members(segment.id()), framed(MEMBERS_MARK, members.toByteArray()));
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        counted.close();
      }
    }
  }

  /** Renames a file, replacing what has its new name (a repeated task's earlier file). */
  public static void moveReplacing(ResourceId from, ResourceId to) throws IOException {
    if (from.equals(to)) {
      return;
    }
    FileSystems.delete(List.of(to), StandardMoveOptions.IGNORE_MISSING_FILES);
    FileSystems.rename(List.of(from), List.of(to));
  }

  /**
   * The members of a segment, or null when its files are missing, damaged or not of the sizes its
   * members file names (its documents are then analysed again).
   */
  public List<Member> readMembers(String id) {
    try {
      InputStream in = ByteIo.of(unframed(MEMBERS_MARK, readFile(members(id))));
      DataInputStream header = new DataInputStream(in);
      long docsLength = header.readLong();
      header.readLong(); // the documents' CRC, checked when they are read
      long tablesLength = header.readLong();
      if (FileSystems.matchSingleFileSpec(documents(id).toString()).sizeBytes() != docsLength
          || FileSystems.matchSingleFileSpec(tables(id).toString()).sizeBytes() != tablesLength) {
        return null;
      }
      return StateCoders.decodeMembers(in);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A kept segment as the reports need it; fails with a message naming the file and the remedy when it is damaged. */
  public Segment readSegment(String id) throws IOException {
    List<Member> members = readMembers(id);
    ResourceId file = tables(id);
    try {
      if (members == null) {
        throw new IOException("its members file is missing or damaged");
      }
      InputStream in = ByteIo.of(unframed(TABLES_MARK, readFile(file)));
      return new Segment(id, new ArrayList<>(members), StateCoders.decodeTables(in), StateCoders.decodeDated(in),
          StateCoders.decodePostings(in));
    } catch (IOException | RuntimeException e) {
      throw damaged(file, e);
    }
  }

  /**
   * Hands {@code each} the analyses of a segment's members in the order they were written; fails
   * with a message that names the file and the remedy when the file is damaged.
   */
  public void readDocuments(String id, Consumer<AnalyzedDocument> each) throws IOException {
    ResourceId file = documents(id);
    try (InputStream raw = ByteIo.buffered(Channels.newInputStream(FileSystems.open(file)))) {
      byte[] mark = raw.readNBytes(DOCUMENTS_MARK.length);
      if (!Arrays.equals(mark, DOCUMENTS_MARK)) {
        throw new IOException("not a PressLens state file of this version");
      }
      CheckedInputStream in = new CheckedInputStream(raw, new CRC32());
      for (int flag = in.read(); flag != 0; flag = in.read()) {
        if (flag != 1) {
          throw new IOException("unexpected byte " + flag);
        }
        each.accept(RecordCoders.AnalyzedDocumentCoder.INSTANCE.decode(in));
      }
      long crc = in.getChecksum().getValue();
      if (new DataInputStream(raw).readLong() != crc) {
        throw new IOException("checksum mismatch: the file is truncated or changed");
      }
    } catch (IOException | RuntimeException e) {
      throw damaged(file, e);
    }
  }

  private IOException damaged(ResourceId file, Exception e) {
    return new IOException("the cache file " + file + " is damaged (" + e.getMessage()
        + "); delete the cache folder " + folder + " or run without --cacheDir", e);
  }

  /** An output stream that counts the bytes written through it. */
  private static final class CountingOutputStream extends FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    long count() {
      return count;
    }
  }

  private static byte[] framed(byte[] mark, byte[] payload) {
    UnsynchronizedByteArrayOutputStream out = ByteIo.output();
    out.write(mark, 0, mark.length);
    out.write(payload, 0, payload.length);
    long crc = crc(payload, 0, payload.length);
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (crc >>> shift));
    }
    return out.toByteArray();
  }

  private static byte[] unframed(byte[] mark, byte[] bytes) throws IOException {
    if (bytes.length < mark.length + 8 || !Arrays.equals(Arrays.copyOf(bytes, mark.length), mark)) {
      throw new IOException("not a PressLens state file of this version");
    }
    int end = bytes.length - 8;
    long stored = 0;
    for (int i = end; i < bytes.length; i++) {
      stored = (stored << 8) | (bytes[i] & 0xFF);
    }
    if (stored != crc(bytes, mark.length, end - mark.length)) {
      throw new IOException("checksum mismatch: the file is truncated or changed");
    }
    return Arrays.copyOfRange(bytes, mark.length, end);
  }

  private static long crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }

  private static void writeFile(ResourceId file, byte[] bytes) throws IOException {
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(file, MimeTypes.BINARY))) {
      out.write(bytes);
    }
  }

  private static byte[] readFile(ResourceId file) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
      return in.readAllBytes();
    }
  }

  private static boolean exists(ResourceId file) throws IOException {
    return !FileSystems.match(file.toString(), EmptyMatchTreatment.ALLOW).metadata().isEmpty();
  }
}
