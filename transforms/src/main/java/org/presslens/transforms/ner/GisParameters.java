package org.presslens.transforms.ner;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters of several OpenNLP GIS models (the name finders, one per entity type), read
 * straight from their binary form into one table from feature to each model's parameters.
 *
 * <p>OpenNLP reads such a model into one {@code HashMap} of feature strings per model (some
 * 350,000 each), and decoding several models together needs a map merged from those: two seconds
 * of start-up on every run with entities. Here each feature is decoded into one shared character
 * pool and found through an open-addressing table of its positions, with the parameters in plain
 * arrays; nothing is allocated per feature.
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
  /** Per model: each pattern's outcomes. */
  private final int[][][] patternOutcomes;
  /** Per model: each predicate's pattern and the position of its first parameter. */
  private final int[][] patternOf;
  private final int[][] parameterAt;
  private final double[][] parameters;

  /** The distinct features: characters {@code [keyStart[e], keyStart[e + 1])} of the pool. */
  private char[] pool = new char[1 << 20];
  private int poolSize;
  private int[] keyStart = new int[1 << 16];
  private int[] keyHash = new int[1 << 16];
  private int entries;
  /** Open addressing: entry + 1 per slot, 0 when empty. */
  private final int[] slots;
  /** Per entry and model: the model's predicate of this feature, or -1. */
  private int[] predicates;

  /** Reads the models' {@code nameFinder.model} entries, in the order given. */
  static GisParameters read(List<byte[]> gisModels) throws IOException {
    return new GisParameters(gisModels);
  }

  private GisParameters(List<byte[]> gisModels) throws IOException {
    models = gisModels.size();
    outcomes = new String[models][];
    patternOutcomes = new int[models][][];
    patternOf = new int[models][];
    parameterAt = new int[models][];
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
    slots = new int[Integer.highestOneBit(Math.max(total, 1) * 2) << 1];
    predicates = new int[Math.max(total, 1) * models];
    Arrays.fill(predicates, -1);
    for (int m = 0; m < models; m++) {
      try {
        readPredicatesAndParameters(m, predicateLabels.get(m));
      } catch (BufferUnderflowException | IllegalArgumentException e) {
        throw new IOException("not a binary GIS model: " + e.getMessage(), e);
      }
    }
  }

  int models() {
    return models;
  }

  /** The outcome labels of model {@code m}, in the model's order. */
  String[] outcomes(int m) {
    return outcomes[m].clone();
  }

  /** The feature's entry, or -1 when no model knows it. */
  int find(String feature) {
    int hash = feature.hashCode();
    int mask = slots.length - 1;
    for (int slot = spread(hash) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
      int entry = slots[slot] - 1;
      if (keyHash[entry] == hash && keyEquals(entry, feature)) {
        return entry;
      }
    }
    return -1;
  }

  /** Adds model {@code m}'s parameters of the feature at {@code entry} to the outcomes' sums, as OpenNLP's ArrayMath.sumFeatures does. */
  void addTo(int entry, int m, double[] sums) {
    if (entry < 0) {
      return;
    }
    int predicate = predicates[entry * models + m];
    if (predicate < 0) {
      return;
    }
    int[] outcomesOfPattern = patternOutcomes[m][patternOf[m][predicate]];
    int at = parameterAt[m][predicate];
    double[] own = parameters[m];
    for (int i = 0; i < outcomesOfPattern.length; i++) {
      sums[outcomesOfPattern[i]] += own[at + i];
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
    int count = patternOf[m].length;
    for (int predicate = 0; predicate < count; predicate++) {
      int entry = intern(in);
      predicates[entry * models + m] = predicate;
    }
    parameterAt[m] = new int[count];
    int size = 0;
    for (int predicate = 0; predicate < count; predicate++) {
      parameterAt[m][predicate] = size;
      size += patternOutcomes[m][patternOf[m][predicate]].length;
    }
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
    int slot = spread(hash) & mask;
    for (; slots[slot] != 0; slot = (slot + 1) & mask) {
      int entry = slots[slot] - 1;
      if (keyHash[entry] == hash && Arrays.equals(pool, keyStart[entry], keyStart[entry + 1], pool, start, poolSize)) {
        poolSize = start; // known: its characters are already in the pool
        return entry;
      }
    }
    if (poolSize - start >= CHUNKED.length() && new String(pool, start, CHUNKED.length()).equals(CHUNKED)) {
      throw new IllegalArgumentException("parameters written in chunks");
    }
    if (entries + 1 >= keyStart.length) {
      keyStart = Arrays.copyOf(keyStart, keyStart.length * 2);
      keyHash = Arrays.copyOf(keyHash, keyHash.length * 2);
    }
    keyStart[entries] = start;
    keyStart[entries + 1] = poolSize;
    keyHash[entries] = hash;
    slots[slot] = entries + 1;
    return entries++;
  }

  private boolean keyEquals(int entry, String feature) {
    int start = keyStart[entry];
    int length = keyStart[entry + 1] - start;
    if (length != feature.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (pool[start + i] != feature.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The hash's high bits mixed into its low bits, which choose the slot (as HashMap does). */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
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
