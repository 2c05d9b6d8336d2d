package org.presslens.transforms.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.presslens.transforms.model.ClassCoder;

/**
 * How the documents of a run fall into periods: the unit (chosen or automatic), the periods in
 * time order with their running words, the latest period (the one the emerging report tests),
 * and the words of the documents without a date precise enough for the unit ("undated").
 *
 * <p>Automatic choice: the finest unit under which at least 90 % of the dated words have a
 * precise enough date, there are at least two periods, and at least half of the periods have
 * {@link #ENOUGH_WORDS} running words; when no unit passes, the coarsest (decade).
 */
@DefaultCoder(PeriodPlan.PeriodPlanCoder.class)
public record PeriodPlan(PeriodUnit unit, boolean automatic, TreeMap<String, Long> periodWords, long undatedWords)
    implements Serializable {

  public static final String UNDATED = "undated";
  /** Labels of the tables of {@code --since}: what is new, and what came before. No period name has a colon. */
  public static final String SINCE = "since:new";
  public static final String BEFORE = "since:before";
  public static final String AUTO = "auto";
  /** Running words that make a period worth testing in the automatic choice. */
  public static final long ENOUGH_WORDS = 10_000;
  private static final double PRECISE_SHARE = 0.9;

  /**
   * @param setting a unit's name or {@link #AUTO}
   * @param wordsByDate running words per normalised publication date ("" for documents without one)
   */
  public static PeriodPlan of(String setting, Map<String, Long> wordsByDate) {
    if (!AUTO.equals(setting)) {
      PeriodUnit unit = PeriodUnit.parse(setting).orElseThrow(() -> new IllegalArgumentException("unknown period " + setting));
      return under(unit, false, wordsByDate);
    }
    long dated = wordsByDate.entrySet().stream().filter(e -> !e.getKey().isEmpty()).mapToLong(Map.Entry::getValue).sum();
    for (PeriodUnit unit : PeriodUnit.values()) {
      PeriodPlan plan = under(unit, true, wordsByDate);
      long placed = plan.periodWords.values().stream().mapToLong(Long::longValue).sum();
      long enough = plan.periodWords.values().stream().filter(w -> w >= ENOUGH_WORDS).count();
      if (placed >= PRECISE_SHARE * dated && plan.periodWords.size() >= 2 && 2 * enough >= plan.periodWords.size()) {
        return plan;
      }
    }
    return under(PeriodUnit.DECADE, true, wordsByDate);
  }

  private static PeriodPlan under(PeriodUnit unit, boolean automatic, Map<String, Long> wordsByDate) {
    TreeMap<String, Long> periods = new TreeMap<>();
    long undated = 0;
    for (Map.Entry<String, Long> e : wordsByDate.entrySet()) {
      var period = unit.periodOf(e.getKey());
      if (period.isPresent()) {
        periods.merge(period.get(), e.getValue(), Long::sum);
      } else {
        undated += e.getValue();
      }
    }
    return new PeriodPlan(unit, automatic, periods, undated);
  }

  /** The tables of the dated periods only: without {@link #UNDATED}, {@link #SINCE} and {@link #BEFORE}. */
  public static <T> TreeMap<String, T> datedOnly(TreeMap<String, T> byLabel) {
    TreeMap<String, T> dated = new TreeMap<>(byLabel);
    dated.keySet().removeAll(List.of(UNDATED, SINCE, BEFORE));
    return dated;
  }

  /** The period of a date, or {@link #UNDATED}. */
  public String periodOf(String isoDate) {
    return unit.periodOf(isoDate).orElse(UNDATED);
  }

  /** The dated periods in time order. */
  public List<String> periods() {
    return new ArrayList<>(periodWords.keySet());
  }

  /** The latest period, or empty when no document is dated. */
  public String latest() {
    return periodWords.isEmpty() ? "" : periodWords.lastKey();
  }

  /** The unit's name, whether it was chosen automatically, each period with its words, the undated words. */
  public static final class PeriodPlanCoder extends ClassCoder<PeriodPlan> {
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();
    private static final PeriodPlanCoder INSTANCE = new PeriodPlanCoder();

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(PeriodPlan.class), INSTANCE);
    }

    public static PeriodPlanCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(PeriodPlan plan, OutputStream out) throws IOException {
      STRING.encode(plan.unit().name(), out);
      BooleanCoder.of().encode(plan.automatic(), out);
      VarIntCoder.of().encode(plan.periodWords().size(), out);
      for (Map.Entry<String, Long> period : plan.periodWords().entrySet()) {
        STRING.encode(period.getKey(), out);
        LONG.encode(period.getValue(), out);
      }
      LONG.encode(plan.undatedWords(), out);
    }

    @Override
    public PeriodPlan decode(InputStream in) throws IOException {
      PeriodUnit unit = PeriodUnit.valueOf(STRING.decode(in));
      boolean automatic = BooleanCoder.of().decode(in);
      TreeMap<String, Long> periods = new TreeMap<>();
      for (int i = VarIntCoder.of().decode(in); i > 0; i--) {
        periods.put(STRING.decode(in), LONG.decode(in));
      }
      return new PeriodPlan(unit, automatic, periods, LONG.decode(in));
    }
  }
}
