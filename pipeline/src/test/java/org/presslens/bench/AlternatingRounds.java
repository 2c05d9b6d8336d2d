package org.presslens.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One stage of two builds of PressLens in one JVM, in rounds that take turns (A B, B A, A B, ...),
 * each timed by its thread's CPU time: the machine's speed drifts between runs minutes apart (and
 * within one), and rounds seconds apart in one JVM see the same drift, so the two builds' times
 * compare where separate runs do not. Each build's {@code transforms/target/classes} is loaded by
 * a class loader of its own, first before the classpath, together with {@link StageRounds}, which
 * does the work against that build's classes; the models are loaded once per build.
 *
 * <pre>
 * mvn -q -pl pipeline -am test-compile   # in both trees
 * mvn -q -pl pipeline dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java $(tr '\n' ' ' < .mvn/jvm.config) \
 *   -cp pipeline/target/test-classes:$(cat pipeline/target/cp.txt) org.presslens.bench.AlternatingRounds \
 *   entities ../shared/corpora/sotu.jsonl.gz 60 8 /path/to/baseline-tree .
 * </pre>
 * With the JVM options of {@code .mvn/jvm.config}, as the pipeline runs under Maven: another
 * compiler removes some costs that the pipeline's keeps.
 * Arguments: the stage ({@code tokenize} or {@code entities}), a JSON Lines corpus, how many of its
 * documents, how many rounds, the two trees. Each round prints both builds' CPU seconds and a
 * checksum of their output (tokens, or mentions), which must agree when the change keeps the
 * output. The first two rounds warm the JIT up; the medians leave them out.
 */
public final class AlternatingRounds {

  private AlternatingRounds() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println("usage: AlternatingRounds tokenize|entities CORPUS DOCS ROUNDS TREE_A TREE_B");
      System.exit(2);
    }
    int rounds = Integer.parseInt(args[3]);
    URL harness = AlternatingRounds.class.getProtectionDomain().getCodeSource().getLocation();
    Object[] workers = new Object[2];
    Method[] round = new Method[2];
    for (int t = 0; t < 2; t++) {
      ClassLoader loader = new OwnClassesFirst(new URL[] {
          Path.of(args[4 + t], "transforms", "target", "classes").toUri().toURL(), harness},
          AlternatingRounds.class.getClassLoader());
      Class<?> stage = loader.loadClass(StageRounds.class.getName());
      workers[t] = stage.getConstructor(String.class, String.class, int.class)
          .newInstance(args[0], args[1], Integer.parseInt(args[2]));
      round[t] = stage.getMethod("round");
      System.out.println((t == 0 ? "A: " : "B: ") + loader.loadClass("org.presslens.transforms.text.DocumentTokenizer")
          .getProtectionDomain().getCodeSource().getLocation());
    }
    List<List<Double>> seconds = List.of(new ArrayList<>(), new ArrayList<>());
    for (int r = 0; r < rounds; r++) {
      StringBuilder line = new StringBuilder("round " + r);
      for (int k = 0; k < 2; k++) {
        int t = r % 2 == 0 ? k : 1 - k;
        double[] result = (double[]) round[t].invoke(workers[t]);
        if (r >= 2) {
          seconds.get(t).add(result[0]);
        }
        line.append(String.format(Locale.ROOT, "  %s %.2f s (%.0f)", t == 0 ? "A" : "B", result[0], result[1]));
      }
      System.out.println(line);
    }
    if (rounds > 2) {
      System.out.printf(Locale.ROOT, "median of rounds 2-%d: A %.2f s, B %.2f s%n", rounds - 1,
          median(seconds.get(0)), median(seconds.get(1)));
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Loads PressLens's classes from its own folders before asking its parent, so that each tree's are its own. */
  private static final class OwnClassesFirst extends URLClassLoader {
    OwnClassesFirst(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("org.presslens.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          try {
            loaded = findClass(name);
          } catch (ClassNotFoundException notOwn) {
            loaded = super.loadClass(name, false);
          }
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}
