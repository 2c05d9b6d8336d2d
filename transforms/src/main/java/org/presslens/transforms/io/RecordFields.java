package org.presslens.transforms.io;

import java.io.Serializable;

/**
 * Which fields of a JSON Lines record, or columns of a CSV file, hold the text, the id, the
 * grouping value (the "outlet" of every report: a party, a genre, a class...), the date and the
 * title.
 */
public record RecordFields(String text, String id, String group, String date, String title, String author)
    implements Serializable {

  /** With the author in the field {@code author}. */
  public RecordFields(String text, String id, String group, String date, String title) {
    this(text, id, group, date, title, "author");
  }
}
