package org.presslens.transforms.text;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads publication dates as they come from manifests, scrapers and e-mail, and writes them as
 * ISO 8601 with the precision they had: {@code 2022}, {@code 2022-05} or {@code 2022-05-03}.
 * Accepted: those three forms, ISO date-times (with {@code T} or a space, with or without an
 * offset; the calendar date as written is kept), RFC 1123 e-mail dates, and English dates such as
 * {@code 3 May 2022}, {@code May 3, 2022} and {@code May 2022}.
 */
public final class PublishedDates {

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ]\\d{2}:\\d{2}.*");

  private static final List<DateTimeFormatter> ENGLISH_DAYS = List.of(
      formatter("d MMMM uuuu"), formatter("d MMM uuuu"), formatter("MMMM d, uuuu"), formatter("MMM d, uuuu"),
      formatter("MMMM d uuuu"), formatter("MMM d uuuu"));
  private static final List<DateTimeFormatter> ENGLISH_MONTHS = List.of(formatter("MMMM uuuu"), formatter("MMM uuuu"));

  private PublishedDates() {}

  /** The ISO form of {@code raw}; empty input gives "", unreadable input gives empty Optional. */
  public static Optional<String> normalise(String raw) {
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      return Optional.of("");
    }
    try {
      if (YEAR.matcher(text).matches()) {
        return Optional.of(text);
      }
      if (YEAR_MONTH.matcher(text).matches()) {
        return Optional.of(YearMonth.parse(text).toString());
      }
      var dateTime = DATE_TIME.matcher(text);
      String date = dateTime.matches() ? dateTime.group(1) : text;
      if (date.length() == 10 && date.charAt(4) == '-') {
        return Optional.of(LocalDate.parse(date).toString());
      }
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return rfc1123(text).or(() -> english(text, ENGLISH_DAYS, true)).or(() -> english(text, ENGLISH_MONTHS, false));
  }

  private static Optional<String> rfc1123(String text) {
    try {
      // e-mail dates may carry a trailing comment such as "(EDT)"
      String cleaned = text.replaceAll("\\s*\\([^)]*\\)$", "");
      return Optional.of(ZonedDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate().toString());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toLocalDate().toString());
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }

  private static Optional<String> english(String text, List<DateTimeFormatter> formats, boolean withDay) {
    for (DateTimeFormatter format : formats) {
      try {
        return Optional.of(withDay ? LocalDate.parse(text, format).toString() : YearMonth.parse(text, format).toString());
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  private static DateTimeFormatter formatter(String pattern) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH)
        .withResolverStyle(java.time.format.ResolverStyle.STRICT);
  }
}
