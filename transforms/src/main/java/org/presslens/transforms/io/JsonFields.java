package org.presslens.transforms.io;

import java.io.Serializable;

/**
 * Which JSON fields of a JSON Lines record hold the text, the id, the grouping value (the
 * "outlet" of every report: a party, a genre, a class...), the date and the title.
 */
public record JsonFields(String text, String id, String group, String date, String title) implements Serializable {

  public static JsonFields defaults() {
    return new JsonFields("text", "doc_id", "outlet", "published", "title");
  }
}
