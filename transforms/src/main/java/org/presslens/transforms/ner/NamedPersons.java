package org.presslens.transforms.ner;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.presslens.transforms.model.Mention;

/**
 * The people a document has named in full so far, by the one word that names them later: the
 * surname ({@code Truss} after {@code Liz Truss}; {@code Sethness} after {@code Charles H. Sethness
 * Jr.}; {@code Abdul-Aziz} after {@code Abdul-Aziz bin Khalifa al-Thani}), the first person with it;
 * and the given name ({@code Charlayne} after {@code Charlayne Hunter}), when only one person named
 * in full has it ({@code Johnny} after {@code Johnny Ray} and {@code Johnny Weissmuller} names neither).
 */
final class NamedPersons {

  private final Map<String, Mention> bySurname = new HashMap<>();
  /** A null value: two people named in full share that given name. */
  private final Map<String, Mention> byGivenName = new HashMap<>();

  /** Remembers a person mention whose name has more than one word. */
  void add(Mention person) {
    String[] names = person.canonical().split(" ");
    if (names.length < 2) {
      return;
    }
    String surname = names[names.length - 1];
    if (PersonNames.isSuffix(surname) && names.length > 2) {
      surname = names[names.length - 2];
    }
    bySurname.putIfAbsent(surname, person);
    if (names.length > 2 && PersonNames.isParticle(names[1])) {
      bySurname.putIfAbsent(names[0], person);
    }
    String given = names[0];
    if (!PersonNames.isInitial(given)) {
      Mention known = byGivenName.get(given);
      if (!byGivenName.containsKey(given)) {
        byGivenName.put(given, person);
      } else if (known != null && !known.canonical().equals(person.canonical())) {
        byGivenName.put(given, null);
      }
    }
  }

  /** The person named in full whose surname {@code word} is, or null. */
  Mention bySurname(String word) {
    return bySurname.get(word);
  }

  Set<String> surnames() {
    return bySurname.keySet();
  }

  /** The one person named in full whose given name {@code word} is, or null. */
  Mention byGivenName(String word) {
    return byGivenName.get(word);
  }
}
