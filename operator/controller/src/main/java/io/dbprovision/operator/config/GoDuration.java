package io.dbprovision.operator.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in Go's {@code time.ParseDuration} syntax ({@code 8h}, {@code 1h30m}, {@code 2.5s},
 * {@code 300ms}), which users of the Go operator already write in flags and manifests.
 */
public final class GoDuration {
  private static final Pattern PART = Pattern.compile("([0-9]*\\.?[0-9]*)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** Parses a Go duration; the exception's message says what is wrong. */
  public static Duration parse(String text) {
    String rest = text;
    boolean negative = false;
    if (rest.startsWith("-") || rest.startsWith("+")) {
      negative = rest.startsWith("-");
      rest = rest.substring(1);
    }
    if (rest.equals("0")) {
      return Duration.ZERO;
    }
    if (rest.isEmpty()) {
      throw invalid(text);
    }
    Matcher part = PART.matcher(rest);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (at < rest.length()) {
      if (!part.find(at) || part.start() != at) {
        throw invalid(text);
      }
      String number = part.group(1);
      if (number.isEmpty() || number.equals(".")) {
        throw invalid(text);
      }
      nanos =
          nanos.add(
              new BigDecimal(number)
                  .multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(2)))));
      at = part.end();
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("duration out of range (over 290 years): '" + text + "'");
    }
    Duration duration = Duration.ofNanos(nanos.longValue());
    return negative ? duration.negated() : duration;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "expected a duration such as 8h, 30m or 1h30m (units h, m, s, ms, us, ns), got '"
            + text
            + "'");
  }
}
