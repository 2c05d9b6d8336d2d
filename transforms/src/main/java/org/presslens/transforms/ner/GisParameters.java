package org.presslens.transforms.ner;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * The parameters of several OpenNLP GIS models (the name finders, one per entity type), read
 * straight from their binary form into one table from feature to each model's parameters.
 *
 * <p>OpenNLP reads such a model into one {@code HashMap} of feature strings per model (some
 * 350,000 each), and decoding several models together needs a map merged from those, on every run
 * with entities: a string, a map entry and a parameter object per feature and model. Here each
 * feature is decoded into one shared character pool and found through an open-addressing table of
 * its positions; nothing is allocated per feature.
 *
 * <p>The parameters sit in one array, a row per feature with every model's parameters side by
 * side, a place for each of a model's outcomes (0 where its pattern has none): a feature's
 * parameters for all models are one or two cache lines, read once when the first model adds them
 * and still cached for the others, where separate arrays per model cost a cache miss per feature
 * and model. Adding the 0 of an outcome the pattern leaves out changes no sum, so the sums are
 * OpenNLP's to the last bit.
 *
 * <p>The binary GIS format, as {@code opennlp.tools.ml.maxent.io.GISModelReader} reads it (strings
 * are modified UTF-8 with a two-byte length, as {@code DataOutput.writeUTF} writes them): the type
 * "GIS"; the correction constant (int) and parameter (double), which OpenNLP no longer uses; the
 * number of outcomes (int) and their labels; the number of outcome patterns (int) and each pattern
 * as a string "{@code <predicates> <outcome> <outcome> ...}"; the number of predicates (int) and
 * their labels, grouped by pattern in pattern order; then, for each predicate in that order, one
 * double per outcome of its pattern. A feature listed twice in one model takes its later
 * parameters, as OpenNLP's map does.
 */
final class GisParameters {

  /** OpenNLP's mark of a string written in chunks; name-finder features are never that long. */
  private static final String CHUNKED = "CHUNKED-MODEL-PARAMS:";

  private final int models;
  private final String[][] outcomes;
  /** Per model: each pattern's outcomes (while reading). */
  private final int[][][] patternOutcomes;
  /** Per model: each predicate's pattern (while reading). */
  private final int[][] patternOf;
  /** Per model: its parameters in the order of its predicates (while reading). */
  private final double[][] parameters;
  private final WordPairs wordPairs;
  /** Where model {@code m}'s parameters begin in a row of {@link #rows}. */
  private final int[] rowOffset;
  /** Doubles per row: the models' outcomes together. */
  private final int rowLength;
  /** Per entry, every model's parameter for each of its outcomes. */
  private double[] rows;

  /** The distinct features: characters {@code [keyStart[e], keyStart[e + 1])} of the pool. */
  private char[] pool = new char[1 << 20];
  private int poolSize;
  private int[] keyStart = new int[1 << 16];
  private int entries;
  /**
   * Open addressing, one slot per long so that a probe reads one place: the feature's String hash
   * in the high half, its entry + 1 in the low half; 0 when empty. Sized for every model's
   * predicates while reading, then for the distinct features.
   */
  private long[] slots;
  /** 32 minus the number of bits of a slot number. */
  private int slotShift;
  /**
   * Per entry and model, side by side, while reading: the position of the model's first parameter
   * of this feature in the high half and its outcome pattern in the low half; -1 when the model
   * does not know it.
   */
  private long[] references;

  /** Reads the models' {@code nameFinder.model} entries, in the order given. */
  static GisParameters read(List<byte[]> gisModels) throws IOException {
    return new GisParameters(gisModels);
  }

  private GisParameters(List<byte[]> gisModels) throws IOException {
    models = gisModels.size();
    outcomes = new String[models][];
    patternOutcomes = new int[models][][];
    patternOf = new int[models][];
    parameters = new double[models][];
    List<ByteBuffer> predicateLabels = new ArrayList<>();
    int total = 0;
    for (int m = 0; m < models; m++) {
      ByteBuffer in = ByteBuffer.wrap(gisModels.get(m));
      try {
        total += readHeader(m, in);
      } catch (BufferUnderflowException | IllegalArgumentException e) {
        throw new IOException("not a binary GIS model: " + e.getMessage(), e);
      }
      predicateLabels.add(in);
    }
    slots = new long[tableSize(total)];
    slotShift = Integer.numberOfLeadingZeros(slots.length) + 1;
    references = new long[Math.max(total, 1) * models];
    Arrays.fill(references, -1);
    for (int m = 0; m < models; m++) {
      try {
        readPredicatesAndParameters(m, predicateLabels.get(m));
      } catch (BufferUnderflowException | IllegalArgumentException e) {
        throw new IOException("not a binary GIS model: " + e.getMessage(), e);
      }
    }
    rowOffset = new int[models];
    int length = 0;
    for (int m = 0; m < models; m++) {
      rowOffset[m] = length;
      length += outcomes[m].length;
    }
    rowLength = length;
    buildRows();
    rehash();
    wordPairs = new WordPairs(this);
  }

  /** A power of two of at least twice {@code keys} slots: probes stay short. */
  private static int tableSize(int keys) {
    return Integer.highestOneBit(Math.max(keys, 1) * 2) << 1;
  }

  /** Lays each entry's parameters out in {@link #rows} and lets go of the per-model arrays. */
  private void buildRows() {
    rows = new double[Math.max(entries, 1) * rowLength];
    for (int entry = 0; entry < entries; entry++) {
      for (int m = 0; m < models; m++) {
        long reference = references[entry * models + m];
        if (reference < 0) {
          continue;
        }
        int[] outcomesOfPattern = patternOutcomes[m][(int) reference];
        int at = (int) (reference >>> 32);
        int row = entry * rowLength + rowOffset[m];
        for (int i = 0; i < outcomesOfPattern.length; i++) {
          rows[row + outcomesOfPattern[i]] = parameters[m][at + i];
        }
      }
    }
    references = null;
    Arrays.fill(parameters, null);
    Arrays.fill(patternOutcomes, null);
  }

  /** Rebuilds the slot table for the distinct features alone, a fraction of the predicates read. */
  private void rehash() {
    long[] old = slots;
    slots = new long[tableSize(entries)];
    slotShift = Integer.numberOfLeadingZeros(slots.length) + 1;
    int mask = slots.length - 1;
    for (long slot : old) {
      if (slot != 0) {
        int at = firstSlot((int) (slot >>> 32));
        while (slots[at] != 0) {
          at = (at + 1) & mask;
        }
        slots[at] = slot;
      }
    }
  }

  /** The outcome labels of model {@code m}, in the model's order. */
  String[] outcomes(int m) {
    return outcomes[m].clone();
  }

  /** The feature's entry, or -1 when no model knows it. */
  int find(String feature) {
    int hash = feature.hashCode();
    int length = feature.length();
    int mask = slots.length - 1;
    for (int slot = firstSlot(hash); slots[slot] != 0; slot = (slot + 1) & mask) {
      if ((int) (slots[slot] >>> 32) != hash) {
        continue;
      }
      int entry = (int) slots[slot] - 1;
      int start = keyStart[entry];
      if (keyStart[entry + 1] - start == length && samePoolChars(feature, start, length)) {
        return entry;
      }
    }
    return -1;
  }

  private boolean samePoolChars(String feature, int start, int length) {
    for (int i = 0; i < length; i++) {
      if (feature.charAt(i) != pool[start + i]) {
        return false;
      }
    }
    return true;
  }

  /** The models' word-pair features by numbers. */
  WordPairs wordPairs() {
    return wordPairs;
  }

  /** Gives each feature that begins with {@code prefix}: what follows the prefix, and its entry. */
  void forEachFeature(String prefix, ObjIntConsumer<String> action) {
    for (int entry = 0; entry < entries; entry++) {
      int start = keyStart[entry];
      int length = keyStart[entry + 1] - start;
      if (length > prefix.length() && samePoolChars(prefix, start, prefix.length())) {
        action.accept(new String(pool, start + prefix.length(), length - prefix.length()), entry);
      }
    }
  }

  /** Adds model {@code m}'s parameters of the feature at {@code entry} to the outcomes' sums, as OpenNLP's ArrayMath.sumFeatures does. */
  void addTo(int entry, int m, double[] sums) {
    if (entry < 0) {
      return;
    }
    int row = entry * rowLength + rowOffset[m];
    int outcomesOfModel = outcomes[m].length;
    for (int o = 0; o < outcomesOfModel; o++) {
      sums[o] += rows[row + o];
    }
  }

  /** Reads up to the predicates; returns their number. */
  private int readHeader(int m, ByteBuffer in) {
    String type = readUtf(in);
    if (!type.equals("GIS")) {
      throw new IllegalArgumentException("model type " + type);
    }
    in.getInt(); // correction constant
    in.getDouble(); // correction parameter
    outcomes[m] = new String[count(in)];
    for (int o = 0; o < outcomes[m].length; o++) {
      outcomes[m][o] = readUtf(in);
    }
    int patterns = count(in);
    patternOutcomes[m] = new int[patterns][];
    int[] predicatesOfPattern = new int[patterns];
    int predicatesInPatterns = 0;
    for (int p = 0; p < patterns; p++) {
      String[] fields = readUtf(in).split(" ");
      predicatesOfPattern[p] = Integer.parseInt(fields[0]);
      predicatesInPatterns += predicatesOfPattern[p];
      patternOutcomes[m][p] = new int[fields.length - 1];
      for (int f = 1; f < fields.length; f++) {
        int outcome = Integer.parseInt(fields[f]);
        if (outcome < 0 || outcome >= outcomes[m].length) {
          throw new IllegalArgumentException("outcome " + outcome + " of " + outcomes[m].length);
        }
        patternOutcomes[m][p][f - 1] = outcome;
      }
    }
    int predicateCount = count(in);
    if (predicateCount != predicatesInPatterns) {
      throw new IllegalArgumentException(predicateCount + " predicates, " + predicatesInPatterns + " in patterns");
    }
    patternOf[m] = new int[predicateCount];
    int predicate = 0;
    for (int p = 0; p < patterns; p++) {
      Arrays.fill(patternOf[m], predicate, predicate + predicatesOfPattern[p], p);
      predicate += predicatesOfPattern[p];
    }
    return predicateCount;
  }

  private void readPredicatesAndParameters(int m, ByteBuffer in) {
    int size = 0;
    for (int pattern : patternOf[m]) {
      int entry = intern(in);
      references[entry * models + m] = (long) size << 32 | pattern;
      size += patternOutcomes[m][pattern].length;
    }
    patternOf[m] = null;
    parameters[m] = new double[size];
    in.asDoubleBuffer().get(parameters[m]);
    in.position(in.position() + size * Double.BYTES);
  }

  /** Decodes the next string into the pool and gives its entry, new or known. */
  private int intern(ByteBuffer in) {
    int start = poolSize;
    decodeUtf(in);
    int hash = 0;
    for (int i = start; i < poolSize; i++) {
      hash = 31 * hash + pool[i];
    }
    int mask = slots.length - 1;
    int slot = firstSlot(hash);
    for (; slots[slot] != 0; slot = (slot + 1) & mask) {
      int entry = (int) slots[slot] - 1;
      if ((int) (slots[slot] >>> 32) == hash && Arrays.equals(pool, keyStart[entry], keyStart[entry + 1], pool, start, poolSize)) {
        poolSize = start; // known: its characters are already in the pool
        return entry;
      }
    }
    if (poolSize - start >= CHUNKED.length() && new String(pool, start, CHUNKED.length()).equals(CHUNKED)) {
      throw new IllegalArgumentException("parameters written in chunks");
    }
    if (entries + 1 >= keyStart.length) {
      keyStart = Arrays.copyOf(keyStart, keyStart.length * 2);
    }
    keyStart[entries] = start;
    keyStart[entries + 1] = poolSize;
    slots[slot] = (long) hash << 32 | entries + 1;
    return entries++;
  }

  /**
   * Fibonacci hashing: the top bits of the hash times 2^32 / golden ratio. Features share long
   * prefixes ({@code w=}, {@code p1w&c=}), whose String hashes differ in few low bits; the multiply
   * spreads them over the table so that linear probing stays short.
   */
  private int firstSlot(int hash) {
    return (hash * 0x9E3779B9) >>> slotShift;
  }

  private static int count(ByteBuffer in) {
    int count = in.getInt();
    if (count < 0) {
      throw new IllegalArgumentException("negative count " + count);
    }
    return count;
  }

  private String readUtf(ByteBuffer in) {
    int start = poolSize;
    decodeUtf(in);
    String s = new String(pool, start, poolSize - start);
    poolSize = start;
    return s;
  }

  /** Appends one modified-UTF-8 string (two-byte length first) to the pool. */
  private void decodeUtf(ByteBuffer in) {
    int length = Short.toUnsignedInt(in.getShort());
    if (pool.length - poolSize < length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
    }
    int end = in.position() + length;
    while (in.position() < end) {
      int a = in.get() & 0xFF;
      char c;
      if (a < 0x80) {
        c = (char) a;
      } else if ((a & 0xE0) == 0xC0) {
        c = (char) ((a & 0x1F) << 6 | continuation(in));
      } else if ((a & 0xF0) == 0xE0) {
        c = (char) ((a & 0x0F) << 12 | continuation(in) << 6 | continuation(in));
      } else {
        throw new IllegalArgumentException("malformed modified UTF-8");
      }
      pool[poolSize++] = c;
    }
    if (in.position() != end) {
      throw new IllegalArgumentException("malformed modified UTF-8");
    }
  }

  private static int continuation(ByteBuffer in) {
    int b = in.get() & 0xFF;
    if ((b & 0xC0) != 0x80) {
      throw new IllegalArgumentException("malformed modified UTF-8");
    }
    return b & 0x3F;
  }
}
