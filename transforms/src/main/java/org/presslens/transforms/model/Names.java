package org.presslens.transforms.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Strings numbered from 0 in the order they were first seen, so that a table can hold ints where
 * it would hold the same string many times (entity keys, outlets, documents, example sentences).
 */
final class Names implements Serializable {

  private final ArrayList<String> names = new ArrayList<>();
  private final HashMap<String, Integer> ids = new HashMap<>();

  /** The id of {@code name}, numbering it if it is new. */
  int id(String name) {
    Integer id = ids.get(name);
    if (id == null) {
      id = names.size();
      names.add(name);
      ids.put(name, id);
    }
    return id;
  }

  /** The id of {@code name}, or null when it has none. */
  Integer idIfKnown(String name) {
    return ids.get(name);
  }

  String name(int id) {
    return names.get(id);
  }

  int size() {
    return names.size();
  }

  List<String> all() {
    return names;
  }
}
