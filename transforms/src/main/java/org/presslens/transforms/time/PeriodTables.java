package org.presslens.transforms.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.ClassCoder;
import org.presslens.transforms.model.DatedTables;
import org.presslens.transforms.model.Summable;

/**
 * The tables of one scope (the corpus, or an outlet) per period of the {@link PeriodPlan}, in
 * time order; {@link PeriodPlan#UNDATED} holds only the running words and documents of the
 * documents without a date precise enough for the unit. With {@code --since}, also the tables of
 * what is new ({@link PeriodPlan#SINCE}) and of what came before ({@link PeriodPlan#BEFORE}).
 */
@DefaultCoder(PeriodTables.Coder.class)
public record PeriodTables(TreeMap<String, DatedTables> byPeriod)
    implements Serializable, Summable<PeriodTables, PeriodTables> {

  public PeriodTables() {
    this(new TreeMap<>());
  }

  public static PeriodTables empty() {
    return new PeriodTables();
  }

  @Override
  public PeriodTables add(PeriodTables other) {
    return merge(other);
  }

  /** Adds the other tables period by period; this table's own tables are new ones, so the other's stay as they were. */
  @Override
  public PeriodTables merge(PeriodTables other) {
    other.byPeriod.forEach((period, tables) -> byPeriod.computeIfAbsent(period, p -> new DatedTables()).merge(tables));
    return this;
  }

  /** Merges the tables of disjoint sets of documents (outlets, segments). */
  public static Combine.CombineFn<PeriodTables, PeriodTables, PeriodTables> mergeFn() {
    return Summable.mergeFn(PeriodTables.class, PeriodTables::new);
  }

  /** The same tables with entities renamed ({@link DatedTables#withEntitiesRenamed}); these tables when nothing is renamed. */
  public PeriodTables withEntitiesRenamed(Map<String, String> renames) {
    TreeMap<String, DatedTables> renamed = new TreeMap<>();
    byPeriod.forEach((period, tables) -> renamed.put(period, tables.withEntitiesRenamed(renames)));
    boolean unchanged = renamed.entrySet().stream().allMatch(e -> e.getValue() == byPeriod.get(e.getKey()));
    return unchanged ? this : new PeriodTables(renamed);
  }

  /** The period's tables, or null. */
  public DatedTables get(String period) {
    return byPeriod.get(period);
  }

  /** Periods and their tables, one after the other. */
  public static final class Coder extends ClassCoder<PeriodTables> {
    public static final Coder INSTANCE = new Coder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(PeriodTables.class), INSTANCE);
    }

    @Override
    public void encode(PeriodTables t, OutputStream out) throws IOException {
      VarIntCoder.of().encode(t.byPeriod().size(), out);
      for (Map.Entry<String, DatedTables> e : t.byPeriod().entrySet()) {
        StringUtf8Coder.of().encode(e.getKey(), out);
        DatedTables.Coder.INSTANCE.encode(e.getValue(), out);
      }
    }

    @Override
    public PeriodTables decode(InputStream in) throws IOException {
      TreeMap<String, DatedTables> periods = new TreeMap<>();
      for (int i = VarIntCoder.of().decode(in); i > 0; i--) {
        periods.put(StringUtf8Coder.of().decode(in), DatedTables.Coder.INSTANCE.decode(in));
      }
      return new PeriodTables(periods);
    }
  }
}
