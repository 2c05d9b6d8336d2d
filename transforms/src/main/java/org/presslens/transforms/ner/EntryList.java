package org.presslens.transforms.ner;

import java.util.Arrays;

/** A growing list of {@link GisParameters} entries, reused from token to token. */
final class EntryList {
  private int[] values = new int[64];
  private int size;

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  void addAll(int[] more) {
    addAll(more, 0, more.length);
  }

  /** Adds {@code length} values of {@code more} from {@code from}. */
  void addAll(int[] more, int from, int length) {
    if (size + length > values.length) {
      values = Arrays.copyOf(values, Math.max(size * 2, size + length));
    }
    System.arraycopy(more, from, values, size, length);
    size += length;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }

  void clear() {
    size = 0;
  }
}
