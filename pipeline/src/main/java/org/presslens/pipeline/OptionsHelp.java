package org.presslens.pipeline;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * What {@code --help} prints: PressLens's own options with their defaults, ranges and
 * descriptions, from their declarations in {@link PressLensOptions}. Beam's {@code --help} lists
 * every registered options interface instead, and its help for one interface starts with Beam's
 * own options.
 */
final class OptionsHelp {

  private static final int WIDTH = 100;

  private OptionsHelp() {}

  static String text() {
    StringBuilder out = new StringBuilder()
        .append("PressLens: term, keyness, entity and trend reports from a corpus of articles (README.md).\n")
        .append("Usage: mvn -q -pl pipeline -am compile exec:java -Dexec.args=\"--input=<folder or file> --output=<folder> [options]\"\n")
        .append("\nOptions (default in brackets):\n");
    for (Method getter : RunConfig.declaredOptions()) {
      String value = defaultOf(getter);
      out.append("  --").append(RunConfig.optionName(getter)).append(" [").append(value.isEmpty() ? "none" : value).append("]");
      Range range = getter.getAnnotation(Range.class);
      if (range != null) {
        out.append(", ").append(RunConfig.bounds(range));
      }
      out.append('\n');
      Description description = getter.getAnnotation(Description.class);
      if (description != null) {
        for (String line : wrapped(description.value(), WIDTH - 6)) {
          out.append("      ").append(line).append('\n');
        }
      }
    }
    return out.append("\nBeam's options work too (--runner, --targetParallelism, ...): --help=PipelineOptions lists them.\n")
        .toString();
  }

  private static String defaultOf(Method getter) {
    if (getter.getAnnotation(Default.String.class) != null) {
      return getter.getAnnotation(Default.String.class).value();
    }
    if (getter.getAnnotation(Default.Boolean.class) != null) {
      return String.valueOf(getter.getAnnotation(Default.Boolean.class).value());
    }
    if (getter.getAnnotation(Default.Integer.class) != null) {
      return String.valueOf(getter.getAnnotation(Default.Integer.class).value());
    }
    if (getter.getAnnotation(Default.Long.class) != null) {
      return String.valueOf(getter.getAnnotation(Default.Long.class).value());
    }
    if (getter.getAnnotation(Default.Double.class) != null) {
      return String.valueOf(getter.getAnnotation(Default.Double.class).value());
    }
    return "";
  }

  private static List<String> wrapped(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
