package org.presslens.transforms.boilerplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.ClassCoder;

/**
 * For one outlet: how many documents it has, and in how many of them each candidate line occurs,
 * the lines named by their {@link BoilerplateLines#hash hashes}. Most candidate lines occur once,
 * so what crosses the shuffle is 8 bytes a line rather than its text; the texts of the lines that
 * turn out to be boilerplate are taken from the documents they are cut from. The accumulator of
 * the line counts, which runners that combine before a shuffle (Flink, Spark) send across it:
 * coded as numbers, not by Java serialization.
 */
@DefaultCoder(LineCounts.LineCountsCoder.class)
public final class LineCounts {

  private long documents;
  /** Distinct hashes in ascending order, and each one's count. */
  private long[] hashes = new long[0];
  private int[] counts = new int[0];
  /** Hashes added since the last {@link #compact}, one document each. */
  private long[] pending = new long[64];
  private int pendingSize;

  /** Adds a document with the hashes of its distinct candidate lines. */
  public void addDocument(long[] distinctLineHashes) {
    documents++;
    if (pendingSize + distinctLineHashes.length > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(2 * pending.length, pendingSize + distinctLineHashes.length));
    }
    System.arraycopy(distinctLineHashes, 0, pending, pendingSize, distinctLineHashes.length);
    pendingSize += distinctLineHashes.length;
  }

  /** Adds the documents of {@code other}: one document's lines wait to be sorted in with others, more are merged. */
  public void addAll(LineCounts other) {
    other.compact();
    if (other.documents == 1) {
      addDocument(other.hashes);
      return;
    }
    compact();
    documents += other.documents;
    merge(other.hashes, other.counts, other.hashes.length);
  }

  /** One document's counts. */
  public static LineCounts ofDocument(long[] distinctLineHashes) {
    LineCounts lines = new LineCounts();
    lines.addDocument(distinctLineHashes);
    return lines;
  }

  public long documents() {
    return documents;
  }

  /** The distinct line hashes, ascending. */
  public long[] hashes() {
    compact();
    return hashes;
  }

  /** The number of documents of each of {@link #hashes}. */
  public int[] counts() {
    compact();
    return counts;
  }

  /** Folds the pending hashes into the sorted counts. */
  private void compact() {
    if (pendingSize == 0) {
      return;
    }
    Arrays.sort(pending, 0, pendingSize);
    long[] runHashes = new long[pendingSize];
    int[] runCounts = new int[pendingSize];
    int runs = 0;
    for (int i = 0; i < pendingSize; i++) {
      if (runs > 0 && runHashes[runs - 1] == pending[i]) {
        runCounts[runs - 1]++;
      } else {
        runHashes[runs] = pending[i];
        runCounts[runs++] = 1;
      }
    }
    pendingSize = 0;
    merge(runHashes, runCounts, runs);
  }

  /** Adds {@code size} sorted distinct hashes with their counts to the sorted counts. */
  private void merge(long[] otherHashes, int[] otherCounts, int size) {
    long[] mergedHashes = new long[hashes.length + size];
    int[] mergedCounts = new int[mergedHashes.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < hashes.length || j < size) {
      if (j == size || i < hashes.length && hashes[i] < otherHashes[j]) {
        mergedHashes[k] = hashes[i];
        mergedCounts[k++] = counts[i++];
      } else if (i == hashes.length || otherHashes[j] < hashes[i]) {
        mergedHashes[k] = otherHashes[j];
        mergedCounts[k++] = otherCounts[j++];
      } else {
        mergedHashes[k] = hashes[i];
        mergedCounts[k++] = counts[i++] + otherCounts[j++];
      }
    }
    hashes = Arrays.copyOf(mergedHashes, k);
    counts = Arrays.copyOf(mergedCounts, k);
  }

  /** The documents, the number of lines, then each line's hash (8 bytes) and count. */
  public static final class LineCountsCoder extends ClassCoder<LineCounts> {
    private static final LineCountsCoder INSTANCE = new LineCountsCoder();

    public static LineCountsCoder of() {
      return INSTANCE;
    }

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(LineCounts.class), INSTANCE);
    }

    @Override
    public void encode(LineCounts lines, OutputStream out) throws IOException {
      lines.compact();
      VarLongCoder.of().encode(lines.documents, out);
      BoilerplateHashes.encodeCounts(lines.hashes, lines.counts, out);
    }

    @Override
    public LineCounts decode(InputStream in) throws IOException {
      LineCounts lines = new LineCounts();
      lines.documents = VarLongCoder.of().decode(in);
      BoilerplateHashes.Counted counted = BoilerplateHashes.decodeCounts(in);
      lines.hashes = counted.hashes();
      lines.counts = counted.counts();
      return lines;
    }
  }
}
