package org.presslens.pipeline;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-line messages for the arguments Beam's {@code PipelineOptionsFactory} refuses. Its own
 * messages name the options interface instead of the option ("Class interface ... missing a
 * property named 'maxNgrams'"), or come from Jackson without naming the option at all, over two
 * lines ("Cannot deserialize value of type `int` from String "two" ... at [Source: UNKNOWN]").
 */
final class OptionErrors {

  private static final Pattern UNKNOWN = Pattern.compile("missing a property named '([^']+)'\\.\\s*(.*)", Pattern.DOTALL);
  private static final Pattern SUGGESTION = Pattern.compile("'([^']+)'");

  private OptionErrors() {}

  /** What is wrong with {@code args}, as one line, from the exception the factory threw for them. */
  static String describe(IllegalArgumentException e, String[] args) {
    Matcher unknown = UNKNOWN.matcher(String.valueOf(e.getMessage()));
    if (unknown.find()) {
      String hint = firstLine(unknown.group(2));
      return "unknown option --" + unknown.group(1)
          + (hint.isEmpty() ? "" : ": " + lowerFirst(SUGGESTION.matcher(hint).replaceAll("--$1")));
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidFormatException format) {
        return badValue(String.valueOf(format.getValue()), format.getTargetType(), args);
      }
    }
    return firstLine(String.valueOf(e.getMessage()));
  }

  private static String badValue(String value, Class<?> type, String[] args) {
    String wanted = wanted(type);
    Optional<String> given = Arrays.stream(args).filter(a -> a.startsWith("--") && a.endsWith("=" + value))
        .map(a -> a.substring(0, a.indexOf('='))).findFirst();
    if (given.isPresent()) {
      return given.get() + " must be " + wanted + ", was " + value;
    }
    // an option given without "=value" reaches Jackson as "true"
    Optional<String> bare = Arrays.stream(args).filter(a -> a.startsWith("--") && !a.contains("=")).findFirst();
    if (value.equals("true") && bare.isPresent()) {
      return bare.get() + " needs a value (" + bare.get() + "=...), which must be " + wanted;
    }
    return "an option must be " + wanted + ", was " + value;
  }

  private static String wanted(Class<?> type) {
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    return "a " + type.getSimpleName();
  }

  /** The message up to its first line break, without surrounding white space. */
  static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
