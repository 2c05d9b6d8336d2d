package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Numbers distinct strings 0, 1, 2, ... in the order they are first added, and finds a string's
 * number: an array of the strings and an open-addressing table of their numbers (linear probing,
 * at most half full). For tables with an entry per term, whose values then sit in plain arrays by
 * number, instead of a hash map with a node, and often a box, per term; and for tables that hold
 * numbers where they would hold the same string many times (the co-occurrence table's entity
 * keys, outlets, documents and example sentences). Strings are never removed.
 */
public final class TermIndex implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final int ABSENT = -1;

  private String[] terms;
  private int size;
  /** Number + 1 of the string whose hash leads here; 0 where empty. */
  private int[] slots;

  /** An empty index with room for {@code expected} strings before it grows. */
  public TermIndex(int expected) {
    int capacity = Math.max(8, expected);
    terms = new String[capacity];
    slots = new int[Integer.highestOneBit(capacity * 2 - 1) << 1];
  }

  /** The string's number, or {@link #ABSENT}. */
  public int find(String term) {
    int mask = slots.length - 1;
    for (int slot = firstSlot(term, mask); slots[slot] != 0; slot = (slot + 1) & mask) {
      if (terms[slots[slot] - 1].equals(term)) {
        return slots[slot] - 1;
      }
    }
    return ABSENT;
  }

  /** The string's number, a new one (the size before) when it is not in the index yet. */
  public int add(String term) {
    int mask = slots.length - 1;
    int slot = firstSlot(term, mask);
    for (; slots[slot] != 0; slot = (slot + 1) & mask) {
      if (terms[slots[slot] - 1].equals(term)) {
        return slots[slot] - 1;
      }
    }
    if (size == terms.length) {
      terms = Arrays.copyOf(terms, terms.length + (terms.length >> 1));
    }
    terms[size] = term;
    slots[slot] = ++size;
    if (2 * size > slots.length) {
      rehash(slots.length * 2);
    }
    return size - 1;
  }

  public int size() {
    return size;
  }

  /** The string numbered {@code number}. */
  public String term(int number) {
    return terms[number];
  }

  /** The strings in number order (a view). */
  public List<String> terms() {
    return Arrays.asList(terms).subList(0, size);
  }

  /** How many numbers the index has room for before it grows: tables keep their arrays this long. */
  public int capacity() {
    return terms.length;
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < size; i++) {
      int slot = firstSlot(terms[i], mask);
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = i + 1;
    }
  }

  /**
   * Fibonacci hashing of the String hash, its well-mixed high half folded into the low bits the
   * mask keeps: n-grams that share a prefix differ in few low bits of their String hash.
   */
  private static int firstSlot(String term, int mask) {
    int h = term.hashCode() * 0x9E3779B9;
    return (h ^ h >>> 16) & mask;
  }
}
