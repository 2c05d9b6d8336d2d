package org.presslens.transforms.csv;

import java.util.regex.Pattern;

/**
 * Makes cell values safe to open in a spreadsheet (OWASP "CSV injection" advice): a text cell
 * that starts with {@code = + - @}, a tab or a carriage return would be evaluated as a formula, so
 * it gets a leading apostrophe, which spreadsheets show as plain text. Numbers such as
 * {@code -3.5} or {@code +1e-9} are left unchanged so that they stay numeric.
 */
public final class CsvCells {

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private CsvCells() {}

  public static String neutralize(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell == null ? "" : cell;
    }
    char first = cell.charAt(0);
    boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    if (risky && !NUMBER.matcher(cell).matches()) {
      return "'" + cell;
    }
    return cell;
  }
}
