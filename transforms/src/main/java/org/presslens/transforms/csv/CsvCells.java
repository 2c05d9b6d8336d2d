package org.presslens.transforms.csv;

import java.util.regex.Pattern;

/**
 * Makes cell values safe to open in a spreadsheet (OWASP "CSV injection" advice): a text cell
 * that starts with {@code = + - @}, a tab or a carriage return would be evaluated as a formula, so
 * it gets a leading apostrophe, which spreadsheets show as plain text. Numbers such as
 * {@code -3.5} or {@code +1e-9} are left unchanged so that they stay numeric. A value that already
 * is apostrophes before such a start ({@code '-x}) gets one more, so that distinct values never
 * share a cell text ({@code -x} is written {@code '-x}, {@code '-x} is written {@code ''-x}) and
 * {@link #original} gives each value back. Control characters
 * other than tab, line feed and carriage return (NUL, escape, ...) are dropped: a spreadsheet shows
 * them as garbage or stops reading the cell.
 */
public final class CsvCells {

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private CsvCells() {}

  public static String neutralize(String raw) {
    if (raw == null || raw.isEmpty()) {
      return raw == null ? "" : raw;
    }
    String cell = withoutControls(raw);
    if (cell.isEmpty()) {
      return cell;
    }
    return guarded(cell) ? "'" + cell : cell;
  }

  /** The value a neutralised cell stands for (the inverse of {@link #neutralize} on its results). */
  public static String original(String cell) {
    return cell.length() > 1 && cell.charAt(0) == '\'' && guarded(cell.substring(1)) ? cell.substring(1) : cell;
  }

  /** Whether a value gets a leading apostrophe: apostrophes, if any, before a formula start that is not a number. */
  private static boolean guarded(String value) {
    int start = 0;
    while (start < value.length() && value.charAt(start) == '\'') {
      start++;
    }
    if (start == value.length()) {
      return false;
    }
    char first = value.charAt(start);
    boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    return risky && (start > 0 || !NUMBER.matcher(value).matches());
  }

  private static String withoutControls(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      if (isDropped(cell.charAt(i))) {
        StringBuilder kept = new StringBuilder(cell.length());
        cell.chars().filter(c -> !isDropped((char) c)).forEach(c -> kept.append((char) c));
        return kept.toString();
      }
    }
    return cell;
  }

  private static boolean isDropped(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
  }
}
