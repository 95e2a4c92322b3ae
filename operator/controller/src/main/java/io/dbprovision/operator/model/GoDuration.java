package io.dbprovision.operator.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the Go way, as the Go operator's manifests do: {@code 30s}, {@code 8h}, {@code
 * 1h30m}, {@code 1.5h}. Units ns, us, ms, s, m, h; no days (Go has none, and {@code 7d} is an error
 * here rather than silently ignored as in the Go operator).
 */
public final class GoDuration {
  private static final Pattern WHOLE = Pattern.compile("^(\\d+(\\.\\d+)?(ns|us|ms|s|m|h))+$");
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");

  private GoDuration() {}

  /** Parses a duration; {@code field} names where it came from in the error message. */
  public static Duration parse(String field, String text) {
    if (text == null || !WHOLE.matcher(text.trim()).matches()) {
      throw new IllegalArgumentException(
          field + " '" + text + "' is not a duration such as 30s, 10m, 8h or 1h30m");
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(text.trim());
    while (part.find()) {
      BigDecimal amount = new BigDecimal(part.group(1));
      long unit =
          switch (part.group(2)) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      nanos = nanos.add(amount.multiply(BigDecimal.valueOf(unit)));
    }
    return Duration.ofNanos(nanos.longValueExact());
  }
}
