package org.presslens.transforms.ner;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.presslens.transforms.model.EntityTable;
import org.presslens.transforms.model.EntityTable.Entity;
import org.presslens.transforms.model.Mention;

/**
 * Spelling variants of one person's or place's name: names whose {@link #key} is equal, such as
 * the transliterations {@code Zelensky}, {@code Zelenskyy} and {@code Zelenskiy}, or {@code
 * Kadhafi} and {@code Qaddafi}. Within a document, {@link #merge} names every mention of such a
 * name by one spelling; across the corpus, {@link #acrossCorpus} finds the spellings that
 * different documents chose, for the reports to name by one.
 */
public final class NameVariants {

  /** Keys shorter than this are left alone: {@code Li}, {@code Ly} and {@code Lee} are different family names. */
  static final int MIN_KEY_LENGTH = 3;

  private static final Set<String> TYPES = Set.of("person", "location");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  /** The Arabic article before a name part, which transliterations write as al-, el- or ul-. */
  private static final Pattern ARTICLE = Pattern.compile("(?<![\\p{L}])(?:al|el|ul)-");
  private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]+");
  /** Letter groups that transliterations of one sound spell differently, and what each counts as. */
  private static final String[][] FOLDS = {
      {"ph", "f"}, {"kh", "k"}, {"dh", "d"}, {"ck", "k"}, {"q", "k"}, {"ou", "u"}, {"oo", "u"}, {"ee", "i"},
      {"ie", "i"}, {"y", "i"}};

  private NameVariants() {}

  /**
   * A name's spelling-independent form: without accents, case, the Arabic article and characters
   * other than letters, with the letter groups of {@link #FOLDS} folded and doubled letters single.
   */
  static String key(String name) {
    String text = Normalizer.normalize(name, Normalizer.Form.NFD);
    text = MARKS.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
    text = NOT_LETTER.matcher(ARTICLE.matcher(text).replaceAll("")).replaceAll("");
    for (String[] fold : FOLDS) {
      text = text.replace(fold[0], fold[1]);
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (i == 0 || text.charAt(i) != text.charAt(i - 1)) {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }

  /**
   * The document's mentions with the person and place names that are variants of one another
   * under one name: the spelling that {@code preferred} accepts (a gazetteer name), else the most
   * mentioned, else the first. Names that {@code vetoed} accepts (an alias of the user's decides
   * them) are left as they are.
   */
  static List<Mention> merge(List<Mention> mentions, Predicate<String> preferred, Predicate<String> vetoed) {
    Map<String, Map<String, Integer>> spellingsByKey = new HashMap<>();
    Map<String, String> keys = new HashMap<>();
    for (Mention m : mentions) {
      if (TYPES.contains(m.type()) && !vetoed.test(m.canonical())) {
        String key = keys.computeIfAbsent(m.canonical(), NameVariants::key);
        if (key.length() >= MIN_KEY_LENGTH) {
          spellingsByKey.computeIfAbsent(m.type() + "\u0000" + key, k -> new LinkedHashMap<>())
              .merge(m.canonical(), 1, Integer::sum);
        }
      }
    }
    Map<String, String> renamed = new HashMap<>();
    spellingsByKey.forEach((key, spellings) -> {
      if (spellings.size() > 1) {
        String name = chosen(spellings, preferred);
        String type = key.substring(0, key.indexOf('\u0000'));
        spellings.keySet().forEach(spelling -> renamed.put(spelling + "\u0000" + type, name));
      }
    });
    if (renamed.isEmpty()) {
      return mentions;
    }
    List<Mention> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      String name = renamed.get(m.key());
      out.add(name == null || name.equals(m.canonical()) ? m : new Mention(name, m.type(), m.surface(), m.sentence(),
          m.start(), m.end(), m.source(), m.probability(), m.charStart(), m.charEnd(), m.written()));
    }
    return out;
  }

  /**
   * Spellings of one name that documents wrote differently: the entity that names them all
   * ({@code name}), why it was chosen ({@link #PREFERRED} or {@link #MOST_MENTIONED}) and every
   * spelling's entity, the chosen one included, most mentioned first.
   */
  public record Group(Entity name, String chosenBy, List<Entity> spellings) {}

  public static final String PREFERRED = "gazetteer name";
  public static final String MOST_MENTIONED = "most mentioned";

  /** Most mentions first, then most documents, then by name: an order that does not depend on the runner. */
  private static final Comparator<Entity> MOST_FIRST = Comparator.comparingLong(Entity::mentions).reversed()
      .thenComparing(Comparator.comparingLong(Entity::documentCount).reversed()).thenComparing(Entity::canonical);

  /**
   * The entities of a corpus table that are spellings of one person's or place's name, by the
   * rules of {@link #merge}: same type and {@link #key}, not vetoed by an alias. A person's name
   * must also have two words at least: across documents, one name alone ({@code Brian}, {@code
   * Bryan}) is as likely to be two people as one. Each group is
   * named by a spelling that {@code preferred} accepts (the most mentioned of those), else by the
   * most mentioned spelling. Groups come in the order of their names.
   */
  public static List<Group> acrossCorpus(EntityTable table, Predicate<String> preferred, Predicate<String> vetoed) {
    Map<String, List<Entity>> byKey = new TreeMap<>();
    for (Entity e : table.entities().values()) {
      if (TYPES.contains(e.type()) && !vetoed.test(e.canonical()) && (!e.type().equals("person") || isFullName(e.canonical()))) {
        String key = key(e.canonical());
        if (key.length() >= MIN_KEY_LENGTH) {
          byKey.computeIfAbsent(e.type() + "\u0000" + key, k -> new ArrayList<>()).add(e);
        }
      }
    }
    List<Group> groups = new ArrayList<>();
    for (List<Entity> spellings : byKey.values()) {
      if (spellings.size() > 1) {
        spellings.sort(MOST_FIRST);
        Entity name = spellings.stream().filter(e -> preferred.test(e.canonical())).findFirst().orElse(null);
        groups.add(name != null ? new Group(name, PREFERRED, spellings) : new Group(spellings.get(0), MOST_MENTIONED, spellings));
      }
    }
    groups.sort(Comparator.comparing((Group g) -> g.name().canonical()).thenComparing(g -> g.name().type()));
    return groups;
  }

  private static boolean isFullName(String name) {
    return name.strip().indexOf(' ') > 0;
  }

  /** {@link #acrossCorpus} with the gazetteer's names preferred and names with an alias line left alone. */
  public static List<Group> acrossCorpus(EntityTable table, Gazetteer gazetteer) {
    return acrossCorpus(table, name -> gazetteer.typeOf(name) != null, gazetteer::hasAlias);
  }

  /** {@link #merge} with the gazetteer's names preferred and names with an alias line left alone. */
  static List<Mention> merge(List<Mention> mentions, Gazetteer gazetteer) {
    return merge(mentions, name -> gazetteer.typeOf(name) != null, gazetteer::hasAlias);
  }

  /** For each entity key ({@link Mention#key()}) of a group's spellings other than its name, the key of the name. */
  public static Map<String, String> renames(List<Group> groups) {
    Map<String, String> renames = new TreeMap<>();
    for (Group g : groups) {
      g.spellings().stream().filter(e -> e != g.name()).forEach(e -> renames.put(e.key(), g.name().key()));
    }
    return renames;
  }

  /** The preferred spelling, else the most mentioned, the first of equals (the map keeps the order of first mentions). */
  private static String chosen(Map<String, Integer> spellings, Predicate<String> preferred) {
    String best = null;
    for (Map.Entry<String, Integer> e : spellings.entrySet()) {
      if (preferred.test(e.getKey())) {
        return e.getKey();
      }
      if (best == null || e.getValue() > spellings.get(best)) {
        best = e.getKey();
      }
    }
    return best;
  }
}
