package org.presslens.transforms.text;

import java.util.Set;

/**
 * Abbreviated titles and offices written before a person's name ({@code Mrs.}, {@code Dr.},
 * {@code Capt.}): a sentence never ends with one, and a name follows it.
 */
public final class Titles {

  public static final Set<String> ABBREVIATED = Set.of("Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Gen.", "Gov.",
      "Sen.", "Rep.", "Capt.", "Lt.", "Col.", "Sgt.", "Maj.", "Adm.", "Atty.", "Prof.", "Rev.", "Msgr.", "Supt.", "Hon.");

  /** Abbreviations before a saint's, mount's or fort's name: {@code St.}, {@code Mt.}, {@code Ft.}. */
  public static final Set<String> PLACE_PREFIXES = Set.of("St.", "Mt.", "Ft.");

  private Titles() {}
}
