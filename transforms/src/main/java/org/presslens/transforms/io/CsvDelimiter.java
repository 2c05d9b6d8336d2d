package org.presslens.transforms.io;

/**
 * The delimiter of a CSV file (the corpus's CSV files and the manifest): the comma, unless the
 * header row (the first line, outside quotes) has none; then the semicolon, as spreadsheets save
 * CSV files where the comma is the decimal mark, or else the tab.
 */
public final class CsvDelimiter {

  private CsvDelimiter() {}

  /** The delimiter of the CSV file {@code text}. */
  public static char of(String text) {
    boolean quoted = false;
    boolean semicolon = false;
    boolean tab = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        return ',';
      } else if (!quoted) {
        semicolon |= c == ';';
        tab |= c == '\t';
      }
    }
    return semicolon ? ';' : tab ? '\t' : ',';
  }

  /** The delimiter's name, for messages. */
  public static String name(char delimiter) {
    return switch (delimiter) {
      case ';' -> "semicolon";
      case '\t' -> "tab";
      default -> "comma";
    };
  }
}
