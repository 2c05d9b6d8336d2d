package org.presslens.transforms.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the dictionary layer looks for ({@code gazetteer-en.tsv}: type, name) and other
 * spellings of them ({@code aliases-en.tsv}: alias, canonical name). Both are tab-separated UTF-8
 * text with {@code #} comments, shipped in resources and extensible with users' own files. An
 * acronym name of four or more capitals is also known in title case ({@link #titleCaseAcronym}).
 */
public final class Gazetteer implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final Set<String> TYPES = Set.of("person", "organization", "location");
  public static final String DEFAULT_GAZETTEER = "/org/presslens/gazetteer-en.tsv";
  public static final String DEFAULT_ALIASES = "/org/presslens/aliases-en.tsv";

  /** Canonical name to type. */
  private final Map<String, String> types = new LinkedHashMap<>();
  /** Alias to canonical name. */
  private final Map<String, String> aliases = new LinkedHashMap<>();

  /** One name to look for: the text to match, its canonical name and type. */
  public record Entry(String text, String canonical, String type) implements Serializable {}

  /** The shipped gazetteer and aliases. */
  public static Gazetteer english() {
    Gazetteer g = new Gazetteer();
    try (InputStream names = Gazetteer.class.getResourceAsStream(DEFAULT_GAZETTEER);
        InputStream aliases = Gazetteer.class.getResourceAsStream(DEFAULT_ALIASES)) {
      g.addNames(names, DEFAULT_GAZETTEER);
      g.addAliases(aliases, DEFAULT_ALIASES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return g;
  }

  /** Adds "type TAB name" lines; an unknown type is an error naming the line. */
  public Gazetteer addNames(InputStream in, String name) throws IOException {
    for (String[] row : rows(in, name)) {
      if (!TYPES.contains(row[0])) {
        throw new IllegalArgumentException(name + ": type must be one of " + TYPES + ", was '" + row[0] + "'");
      }
      types.put(row[1], row[0]);
      String titleCase = titleCaseAcronym(row[1]);
      if (titleCase != null) {
        aliases.putIfAbsent(titleCase, row[1]);
      }
    }
    return this;
  }

  /**
   * The spelling with only the first letter capitalised of an acronym of at least four capital
   * letters (OPEC: Opec, NATO: Nato), as British and wire-service style writes acronyms that are
   * pronounced as words; null for any other name. Shorter acronyms are left out: their
   * title-case spellings are often ordinary words or names (WHO: Who, AID: Aid).
   */
  static String titleCaseAcronym(String name) {
    if (name.length() < 4 || !name.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      return null;
    }
    return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  /** Adds "alias TAB canonical" lines. */
  public Gazetteer addAliases(InputStream in, String name) throws IOException {
    for (String[] row : rows(in, name)) {
      aliases.put(row[0], row[1]);
    }
    return this;
  }

  private static List<String[]> rows(InputStream in, String name) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        line = line.replace("\uFEFF", "");
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        if (cells.length != 2 || cells[0].isBlank() || cells[1].isBlank()) {
          throw new IllegalArgumentException(name + " line " + number + ": expected two tab-separated values");
        }
        rows.add(new String[] {cells[0].strip(), cells[1].strip()});
      }
    }
    return rows;
  }

  /** Canonical name of a spelling (itself when it has no alias). */
  public String canonical(String surface) {
    return aliases.getOrDefault(surface, surface);
  }

  /** Whether the alias table names a canonical name for this spelling (perhaps the spelling itself). */
  public boolean hasAlias(String surface) {
    return aliases.containsKey(surface);
  }

  /** Type of a canonical name, or null when the gazetteer does not know it. */
  public String typeOf(String canonical) {
    return types.get(canonical);
  }

  /**
   * Every text to match: the names, and the aliases whose canonical name has a type. A name that is
   * also an alias is matched as the alias (its canonical name wins).
   */
  public List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    types.forEach((name, type) -> {
      if (!aliases.containsKey(name)) {
        entries.add(new Entry(name, name, type));
      }
    });
    aliases.forEach((alias, canonical) -> {
      String type = types.get(canonical);
      if (type != null) {
        entries.add(new Entry(alias, canonical, type));
      }
    });
    return entries;
  }
}
