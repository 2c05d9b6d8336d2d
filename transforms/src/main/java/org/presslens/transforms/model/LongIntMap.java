package org.presslens.transforms.model;

import java.io.Serializable;

/**
 * A map from long keys to int values without boxing: open addressing with linear probing, for
 * tables with millions of keys (entity pairs) where a {@code HashMap<Long, ...>} spends most of
 * its memory on entries and boxes.
 */
final class LongIntMap implements Serializable {

  private static final int ABSENT = -1;

  private long[] keys = new long[16];
  private int[] values = new int[16];
  private boolean[] used = new boolean[16];
  private int size;

  /** The value of {@code key}, or -1. */
  int get(long key) {
    for (int slot = slot(key, keys.length); used[slot]; slot = (slot + 1) & (keys.length - 1)) {
      if (keys[slot] == key) {
        return values[slot];
      }
    }
    return ABSENT;
  }

  /** Sets the value of a key that is not in the map. */
  void putNew(long key, int value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int slot = slot(key, keys.length);
    while (used[slot]) {
      slot = (slot + 1) & (keys.length - 1);
    }
    used[slot] = true;
    keys[slot] = key;
    values[slot] = value;
    size++;
  }

  int size() {
    return size;
  }

  /** Room for {@code keys} keys in all without growing again. */
  void reserve(int keys) {
    int capacity = this.keys.length;
    while (2 * keys > capacity) {
      capacity *= 2;
    }
    if (capacity > this.keys.length) {
      rehash(capacity);
    }
  }

  private void grow() {
    rehash(2 * keys.length);
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    int[] oldValues = values;
    boolean[] oldUsed = used;
    keys = new long[capacity];
    values = new int[keys.length];
    used = new boolean[keys.length];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        putNew(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int slot(long key, int capacity) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & (capacity - 1);
  }
}
